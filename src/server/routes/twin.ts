// SPDX-License-Identifier: MIT
/**
 * `POST /patients/{id}/fit`: fits a stored patient's twin to their labs (those in the body, or the stored ones)
 * given the treated history so far. `POST /patients/{id}/predict` fits the same way and then predicts the coming
 * days (median and 90 % interval per day). Both run on a worker thread of their own with a time limit, so the
 * event loop keeps serving. Research and education software, not a clinical tool.
 */
import { MessageChannel } from 'node:worker_threads';
import { z } from 'zod';
import { Regimen } from '../../protocol/index.js';
import { ScenarioError, patientSchema, scenarioSchema } from '../../scenario/index.js';
import type { Scenario } from '../../scenario/index.js';
import {
  DEFAULT_FUTURE_DAYS,
  MAX_FUTURE_DAYS,
  continuedHistory,
  observationsFromLabs,
} from '../../twin/index.js';
import type { TwinFit, TwinLabValue, TwinPrediction } from '../../twin/index.js';
import { ApiError, RequestValidationError, notFound } from '../errors.js';
import { FitTimeoutError, twinFitPool } from '../jobs/analysis-pool.js';
import type { ProgressBoard } from '../jobs/progress-board.js';
import { isTwinProgressMessage } from '../jobs/twin-worker.js';
import type { TwinFitOutcome, TwinFitTask, TwinPredictTask } from '../jobs/twin-worker.js';
import { labValues } from '../labs.js';
import { errorSchema, idParams, importedLabSchema } from '../schemas.js';
import { prepareApiScenario } from './context.js';
import { progressQuery } from './progress.js';
import type { RouteContext, ZodApp } from './context.js';

const TAGS = ['patients'];

const fitBody = z.strictObject({
  scenario: scenarioSchema.extend({ patient: patientSchema.optional() }).meta({
    description:
      "the patient's treated history from day 0: the regimen actually taken (no titration rule); `patient` " +
      "defaults to the stored patient's covariates",
  }),
  labs: z.array(importedLabSchema).max(10_000).optional().meta({
    description: "lab values to fit; default the patient's stored labs",
  }),
  day0: z.iso
    .date()
    .optional()
    .meta({ description: 'calendar date of day 0 (default: the date of the first lab)' }),
});

const fittedParameterSchema = z.object({
  name: z.string(),
  description: z.string(),
  unit: z.string(),
  population: z.number(),
  estimate: z.number(),
  log_estimate: z.number(),
  log_se: z.number().meta({ description: 'standard error on the natural-log scale' }),
  ci95: z.tuple([z.number(), z.number()]),
  prior_sd_log: z.number(),
});

const fitResponse = z
  .object({
    schema: z.literal('endotwin/twin-fit/v1'),
    scenario: z.record(z.string(), z.unknown()),
    parameters: z.array(fittedParameterSchema),
    covariance_log: z.array(z.array(z.number())),
    residuals: z.array(
      z.object({
        day: z.number(),
        lab: z.string(),
        observed: z.number(),
        fitted: z.number(),
        log_residual: z.number(),
      }),
    ),
    measurement_sd_log: z.record(z.string(), z.number()),
    variance_factor: z.number(),
    residual_sd_log: z.record(z.string(), z.number()),
    ignored: z.array(z.object({ day: z.number(), lab: z.string(), value: z.number(), reason: z.string() })),
    notes: z.array(z.string()),
    iterations: z.number(),
    converged: z.boolean(),
    simulations: z.number(),
    objective: z.number(),
  })
  .meta({ id: 'TwinFit' });

/** Most parameter draws one prediction may take (each one simulation of the whole course). */
const MAX_DRAWS = 50;

const predictBody = fitBody
  .extend({
    future: scenarioSchema
      .extend({ patient: patientSchema.optional() })
      .optional()
      .meta({
        description:
          'the whole course to predict from day 0 (history then what comes next); `patient` defaults to the ' +
          "history's and `seed` is always the history's. Give this or `future_days` (+ `regimen`), not both",
      }),
    future_days: z
      .number()
      .int()
      .min(1)
      .max(MAX_FUTURE_DAYS)
      .optional()
      .meta({
        description: `days to predict after the history (default ${DEFAULT_FUTURE_DAYS} when \`future\` is absent)`,
      }),
    // No default: an absent regimen continues the history's, an empty one stops treatment.
    regimen: z
      .array(scenarioSchema.shape.regimen.unwrap().element)
      .optional()
      .meta({
        description:
          "regimen of the future days, its days counted from the end of the history; absent: the history's " +
          'regimen continues; empty: no treatment',
      }),
    draws: z
      .number()
      .int()
      .min(1)
      .max(MAX_DRAWS)
      .default(20)
      .meta({
        description: `parameter draws, one simulation each (1 to ${MAX_DRAWS})`,
      }),
    seed: z.number().int().min(0).max(4294967295).default(1).meta({ description: 'seed of the draws' }),
  })
  .refine((b) => b.future === undefined || (b.future_days === undefined && b.regimen === undefined), {
    message: 'give either `future` or `future_days`/`regimen`, not both',
    path: ['future'],
  });

const predictResponse = z
  .object({
    schema: z.literal('endotwin/twin-patient-prediction/v1'),
    fit: fitResponse,
    history_days: z
      .number()
      .meta({ description: 'days of treated history (the fit); the rest is predicted' }),
    duration_days: z.number(),
    draws: z.number(),
    seed: z.number(),
    level: z.number().meta({ description: 'coverage of the prediction interval (0.9)' }),
    intervals: z.record(z.string(), z.enum(['parameters+residual', 'parameters'])),
    notes: z.array(z.string()),
    daily: z.array(z.record(z.string(), z.number().nullable())).meta({
      description:
        'one row per day: `day` and `<field>_median`, `<field>_p05`, `<field>_p95` (null: no value)',
    }),
  })
  .meta({ id: 'TwinPatientPrediction' });

/** Only the labs a record has, as plain numbers. */
function numbers(record: Readonly<Partial<Record<string, number>>>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).filter((e): e is [string, number] => e[1] !== undefined));
}

/** A fit as the response schema types it (mutable arrays, plain records). */
function fitView(fit: TwinFit): z.output<typeof fitResponse> {
  return {
    ...fit,
    scenario: { ...fit.scenario },
    parameters: fit.parameters.map((p) => ({ ...p, ci95: [p.ci95[0], p.ci95[1]] })),
    covariance_log: fit.covariance_log.map((row) => [...row]),
    residuals: [...fit.residuals],
    measurement_sd_log: numbers(fit.measurement_sd_log),
    residual_sd_log: numbers(fit.residual_sd_log),
    ignored: [...fit.ignored],
    notes: [...fit.notes],
  };
}

/** The history scenario of the body, its errors addressed inside the body (`scenario.regimen[0]`). */
function historyScenario(document: unknown, ctx: RouteContext, at = 'scenario'): Scenario {
  const inBody = (path: string | undefined): string => (path ? `${at}.${path}` : at);
  try {
    return prepareApiScenario(document, ctx.maxDurationDays, ctx.maxSampleValues).scenario;
  } catch (error) {
    if (error instanceof ScenarioError) {
      throw new RequestValidationError(
        'INVALID_SCENARIO',
        error.issues.map((i) => ({ ...i, path: inBody(i.path) })),
      );
    }
    if (error instanceof ApiError)
      throw new ApiError(error.statusCode, error.code, error.message, inBody(error.path));
    throw error;
  }
}

/** Runs `fit`, reporting the twin's input problems (a bad day 0 or lab date) as a 400 with their paths. */
async function twinIssues<T>(fit: () => Promise<T>): Promise<T> {
  try {
    return await fit();
  } catch (error) {
    if (error instanceof ScenarioError) throw new RequestValidationError('INVALID_REQUEST', error.issues);
    throw error;
  }
}

/** The regimen of the next `days` days as sent (days counted from the history's end), checked as a scenario's. */
function nextRegimen(history: Scenario, regimen: unknown, days: number, ctx: RouteContext): Regimen {
  const next = historyScenario(
    { name: history.name, patient: history.patient, duration_days: days, regimen },
    ctx,
    'future_regimen',
  );
  return Regimen.fromScenario(next);
}

/** The body's predicted course: `future` as sent, or the history extended by `future_days` with `regimen`. */
function futureScenario(body: z.output<typeof predictBody>, history: Scenario, ctx: RouteContext): Scenario {
  if (body.future) {
    const future = { ...body.future, patient: body.future.patient ?? history.patient, seed: history.seed };
    return historyScenario(future, ctx, 'future');
  }
  const days = body.future_days ?? DEFAULT_FUTURE_DAYS;
  const end = history.duration_days + days;
  if (end > ctx.maxDurationDays) {
    throw new ApiError(
      400,
      'INVALID_REQUEST',
      `history (${history.duration_days} d) plus future_days (${days} d) must be at most ${ctx.maxDurationDays} days`,
      'future_days',
    );
  }
  const next = body.regimen === undefined ? undefined : nextRegimen(history, body.regimen, days, ctx);
  return continuedHistory(history, days, next);
}

/** A prediction as the response schema types it. */
function predictionView(
  fit: TwinFit,
  prediction: TwinPrediction,
  historyDays: number,
): z.output<typeof predictResponse> {
  return {
    schema: 'endotwin/twin-patient-prediction/v1',
    fit: fitView(fit),
    history_days: historyDays,
    duration_days: prediction.scenario.duration_days,
    draws: prediction.draws,
    seed: prediction.seed,
    level: prediction.level,
    intervals: { ...prediction.intervals },
    notes: [...prediction.notes],
    daily: prediction.daily.map((row) => ({ ...row })),
  };
}

/**
 * A channel for a twin task's progress: what the worker posts on its second port goes to the board under `token`,
 * starting with a fit at step 0.
 */
function progressChannel(board: ProgressBoard, token: string): MessageChannel {
  const channel = new MessageChannel();
  board.report(token, { phase: 'fit', done: 0, total: null, finished: false });
  channel.port1.on('message', (message: unknown) => {
    if (isTwinProgressMessage(message)) board.report(token, { ...message, finished: false });
  });
  return channel;
}

/** The fit's inputs from a body: the history with the stored covariates by default, and the labs on its days. */
async function fitInputs(
  id: string,
  body: z.output<typeof fitBody>,
  ctx: RouteContext,
): Promise<{ scenario: Scenario; labs: TwinLabValue[] }> {
  const record = await ctx.store.patients.get(id);
  if (!record) throw notFound('patient', id);
  const { scenario: document, labs, day0 } = body;
  const scenario = historyScenario({ ...document, patient: document.patient ?? record.covariates }, ctx);
  const values = labValues(labs ?? record.labs);
  if (values.length === 0) {
    throw new ApiError(400, 'INVALID_REQUEST', 'no labs: send labs or store some with the patient', 'labs');
  }
  return {
    scenario,
    labs: await twinIssues(async () => Promise.resolve(observationsFromLabs(values, day0))),
  };
}

/** Registers `POST /patients/{id}/fit` and `POST /patients/{id}/predict`. */
export function registerTwinRoutes(app: ZodApp, ctx: RouteContext): void {
  const pool = twinFitPool(ctx.fitTimeoutMs);
  app.addHook('onClose', () => pool.close());
  /**
   * Runs a twin task on the pool; with a progress token, its steps go to the board under it. Past the time limit,
   * a 422 `FIT_TIMEOUT`.
   */
  const runOnPool = async (task: TwinFitTask, token: string | undefined): Promise<TwinFitOutcome> => {
    const channel = token === undefined ? undefined : progressChannel(ctx.progress, token);
    try {
      return channel
        ? await pool.run({ ...task, progressPort: channel.port2 }, [channel.port2])
        : await pool.run(task);
    } catch (error) {
      if (error instanceof FitTimeoutError) throw new ApiError(422, 'FIT_TIMEOUT', error.message);
      throw error;
    } finally {
      channel?.port1.close();
      if (token !== undefined) ctx.progress.finish(token);
    }
  };
  app.post(
    '/patients/:id/fit',
    {
      schema: {
        tags: TAGS,
        operationId: 'fitPatientTwin',
        summary:
          "Fit the patient's twin (IGF-1 production scale and drug response) to their labs; not a clinical tool",
        params: idParams,
        querystring: progressQuery,
        body: fitBody,
        response: { 200: fitResponse, 400: errorSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (request) => {
      const { scenario, labs } = await fitInputs(request.params.id, request.body, ctx);
      const outcome = await twinIssues(async () => runOnPool({ scenario, labs }, request.query.progress));
      if ('issues' in outcome) throw new RequestValidationError('INVALID_REQUEST', outcome.issues);
      return fitView(outcome.fit);
    },
  );

  app.post(
    '/patients/:id/predict',
    {
      schema: {
        tags: TAGS,
        operationId: 'predictPatientTwin',
        summary:
          "Fit the patient's twin to their labs and predict the coming days: daily median and 90 % interval; " +
          'not a clinical tool',
        params: idParams,
        querystring: progressQuery,
        body: predictBody,
        response: { 200: predictResponse, 400: errorSchema, 404: errorSchema, 422: errorSchema },
      },
    },
    async (request) => {
      const { scenario, labs } = await fitInputs(request.params.id, request.body, ctx);
      const { draws, seed } = request.body;
      const predict: TwinPredictTask = { future: futureScenario(request.body, scenario, ctx), draws, seed };
      const outcome = await twinIssues(async () =>
        runOnPool({ scenario, labs, predict }, request.query.progress),
      );
      if ('issues' in outcome) throw new RequestValidationError('INVALID_REQUEST', outcome.issues);
      if (!outcome.prediction) throw new Error('the twin worker returned no prediction');
      return predictionView(outcome.fit, outcome.prediction, scenario.duration_days);
    },
  );
}
