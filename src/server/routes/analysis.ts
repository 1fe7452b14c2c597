// SPDX-License-Identifier: MIT
/** Analysis routes: the pure functions of `src/analysis` on values the caller sends (real lab data welcome). */
import { IGF1_REFERENCE_SOURCE, fastingIndices, igf1Sds } from '../../analysis/index.js';
import { ApiError } from '../errors.js';
import { errorSchema, homaBody, homaResponse, igf1SdsBody, igf1SdsResponse } from '../schemas.js';
import type { ZodApp } from './context.js';

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

/** Registers `POST /analysis/homa` and `POST /analysis/igf1-sds`. */
export function registerAnalysisRoutes(app: ZodApp): void {
  app.post(
    '/analysis/homa',
    {
      schema: {
        tags: TAGS,
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
