// SPDX-License-Identifier: MIT
/** Analysis routes: the pure functions of `src/analysis` on values the caller sends (real lab data welcome). */
import type { z } from 'zod';
import { IGF1_REFERENCE_SOURCE, fastingIndices, igf1Sds } from '../../analysis/index.js';
import type { PulseAnalysis, PulseDetectionOptions } from '../../analysis/pulses/detect.js';
import { SeriesInputError, validateSeries } from '../../analysis/pulses/series.js';
import { ApiError } from '../errors.js';
import { AnalysisTimeoutError } from '../jobs/analysis-pool.js';
import {
  errorSchema,
  homaBody,
  homaResponse,
  igf1SdsBody,
  igf1SdsResponse,
  pulsesBody,
  pulsesResponse,
} from '../schemas.js';
import type { RouteContext, ZodApp } from './context.js';

const TAGS = ['analysis'];

/** Runs an analysis function, turning its RangeError (a value outside its domain) into a 400. */
function analysed<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    if (error instanceof RangeError) throw new ApiError(400, 'INVALID_REQUEST', error.message);
    throw error;
  }
}

/** The API's snake_case pulse options as the detector's. */
function detectionOptions(o: z.output<typeof pulsesBody>['options']): PulseDetectionOptions {
  const noise = {
    ...(o.cv !== undefined ? { cv: o.cv } : {}),
    ...(o.sd_floor !== undefined ? { sdFloor: o.sd_floor } : {}),
  };
  return {
    noise,
    ...(o.fast_half_life_min !== undefined ? { fastHalfLifeMin: o.fast_half_life_min } : {}),
    ...(o.slow_half_life_min !== undefined ? { slowHalfLifeMin: o.slow_half_life_min } : {}),
    ...(o.fit_slow_half_life !== undefined ? { fitSlowHalfLife: o.fit_slow_half_life } : {}),
    ...(o.burst_fwhm_min !== undefined ? { burstFwhmMin: o.burst_fwhm_min } : {}),
    ...(o.fit_burst_fwhm !== undefined ? { fitBurstFwhm: o.fit_burst_fwhm } : {}),
  };
}

function pulsesView(a: PulseAnalysis): z.output<typeof pulsesResponse> {
  return {
    pulses: a.pulses.map((p) => ({
      t_min: p.tMin,
      t_min_se: p.tMinSe,
      mass: p.mass,
      mass_se: p.massSe,
      amplitude: p.amplitude,
      amplitude_se: p.amplitudeSe,
    })),
    basal: a.basalSecretion,
    basal_se: a.basalSecretionSe,
    basal_concentration: a.basalConcentration,
    half_life_min: a.slowHalfLifeMin,
    half_life_se: a.slowHalfLifeSe,
    burst_fwhm_min: a.burstFwhmMin,
    residual_sd: a.residualSd,
    noise_scale: a.noiseScale,
    sampling_interval_min: a.samplingIntervalMin,
    fitted: [...a.fitted],
  };
}

/** Checks the series on the request thread (cheap), so its errors name the sample: `t_min[5]`, `value[12]`. */
function checkSeries(series: { t_min: number[]; value: number[] }): void {
  try {
    validateSeries(series, (i) => `sample ${i}`);
  } catch (error) {
    if (!(error instanceof SeriesInputError)) throw error;
    const path = error.row === undefined ? error.field : `${error.field}[${error.row}]`;
    throw new ApiError(400, 'INVALID_REQUEST', error.message, path);
  }
}

/**
 * Refuses a series without variation (all zero, all 1e-300, any constant): there is nothing to deconvolve, and
 * the fit of such a series does not converge to finite numbers.
 */
function checkVaries(values: readonly number[]): void {
  const first = values[0];
  if (values.every((v) => v === first)) {
    throw new ApiError(
      400,
      'INVALID_REQUEST',
      `every value is ${first}; pulse detection needs a series that varies`,
      'value',
    );
  }
}

/** `true` when every number in the view is finite (JSON has no NaN or Infinity). */
function allFinite(view: z.output<typeof pulsesResponse>): boolean {
  const numbers = [
    ...view.pulses.flatMap((p) => [p.t_min, p.t_min_se, p.mass, p.mass_se, p.amplitude, p.amplitude_se]),
    view.basal,
    view.basal_se,
    view.basal_concentration,
    view.half_life_min,
    view.half_life_se,
    view.burst_fwhm_min,
    view.residual_sd,
    view.noise_scale,
    view.sampling_interval_min,
    ...view.fitted,
  ];
  return numbers.every(Number.isFinite);
}

/** The pulse view, or a 422 when the fit did not give finite numbers (a degenerate series the checks let pass). */
function finitePulsesView(analysis: PulseAnalysis): z.output<typeof pulsesResponse> {
  const view = pulsesView(analysis);
  if (!allFinite(view)) {
    throw new ApiError(
      422,
      'ANALYSIS_FAILED',
      'pulse detection did not converge on this series (values too small or without pulses); check the units',
    );
  }
  return view;
}

async function detect(ctx: RouteContext, body: z.output<typeof pulsesBody>): Promise<PulseAnalysis> {
  checkSeries(body);
  checkVaries(body.value);
  try {
    return await ctx.analysis.detectPulses(
      { t_min: body.t_min, value: body.value },
      detectionOptions(body.options),
    );
  } catch (error) {
    if (error instanceof AnalysisTimeoutError) throw new ApiError(422, 'ANALYSIS_TOO_LONG', error.message);
    if (error instanceof RangeError) throw new ApiError(400, 'INVALID_REQUEST', error.message);
    throw error;
  }
}

/** Registers `POST /analysis/homa`, `POST /analysis/igf1-sds` and `POST /analysis/pulses`. */
export function registerAnalysisRoutes(app: ZodApp, ctx: RouteContext): void {
  app.post(
    '/analysis/pulses',
    {
      schema: {
        tags: TAGS,
        operationId: 'detectPulses',
        summary:
          'Pulse detection by deconvolution (AutoDecon-like: Gaussian bursts, biexponential elimination) on a sampled series',
        body: pulsesBody,
        response: { 200: pulsesResponse, 400: errorSchema, 422: errorSchema },
      },
    },
    async (request) => finitePulsesView(await detect(ctx, request.body)),
  );

  app.post(
    '/analysis/homa',
    {
      schema: {
        tags: TAGS,
        operationId: 'computeHoma',
        summary:
          'HOMA1-IR, HOMA1-%B and QUICKI from fasting glucose (mg/dL) and insulin (µU/mL); HOMA2 is not implemented',
        body: homaBody,
        response: { 200: homaResponse, 400: errorSchema },
      },
    },
    (request) => analysed(() => fastingIndices(request.body.glucose_mg_dl, request.body.insulin_uU_ml)),
  );

  app.post(
    '/analysis/igf1-sds',
    {
      schema: {
        tags: TAGS,
        operationId: 'computeIgf1Sds',
        summary: 'IGF-1 SDS and percentile for age and sex (assay-specific reference table)',
        body: igf1SdsBody,
        response: { 200: igf1SdsResponse, 400: errorSchema },
      },
    },
    (request) => {
      const { age_years, sex, igf1_ng_ml } = request.body;
      const r = analysed(() => igf1Sds(age_years, sex, igf1_ng_ml));
      return {
        sds: r.sds,
        percentile: r.percentile,
        lower: r.lower,
        upper: r.upper,
        median: r.median,
        reference_age_years: r.referenceAgeYears,
        source: IGF1_REFERENCE_SOURCE,
      };
    },
  );
}
