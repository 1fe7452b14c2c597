// SPDX-License-Identifier: MIT
/**
 * `POST /patients/{id}/fit`: fits a stored patient's twin to their labs (those in the body, or the stored ones)
 * given the treated history so far. `POST /patients/{id}/predict` fits the same way and then predicts the coming
 * days (median and 90 % interval per day). Both run on a worker thread of their own with a time limit, so the
 * event loop keeps serving. Research and education software, not a clinical tool.
 */
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { z } from 'zod';
import { Regimen } from '../../protocol/index.js';
import { ScenarioError, patientSchema, scenarioSchema } from '../../scenario/index.js';
import type { Scenario } from '../../scenario/index.js';
import { observationsFromLabs } from '../../twin/index.js';
import type { TwinFit, TwinLabValue, TwinPrediction } from '../../twin/index.js';
import { ApiError, RequestValidationError, notFound } from '../errors.js';
import type { ProgressBoard } from '../jobs/progress-board.js';
import { isTwinProgressMessage } from '../jobs/twin-worker.js';
import type { TwinFitOutcome, TwinFitTask, TwinPredictTask } from '../jobs/twin-worker.js';
import { workerScript } from '../jobs/worker-module.js';
import { labValues } from '../labs.js';
import { errorSchema, idParams, importedLabSchema } from '../schemas.js';
import { prepareApiScenario } from './context.js';
import { progressQuery } from './progress.js';
import type { RouteContext, ZodApp } from './context.js';

const TAGS = ['patients'];

/** Most time one fit may take (ms): below the server's request timeout. */
const FIT_TIMEOUT_MS = 25_000;

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
    future_days: z.number().int().min(1).max(365).optional().meta({
      description: 'days to predict after the history (default 90 when `future` is absent)',
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

/** A regimen line of a parsed scenario (its `end_day` filled in). */
type ScenarioLine = Scenario['regimen'][number];

/** The lines of a regimen in which every line ends (after `until`, or scenario lines shifted), as scenario lines. */
function endedLines(regimen: Regimen): ScenarioLine[] {
  return regimen.lines.map((line) => {
    if (line.end_day === undefined) throw new Error('a regimen line of a scenario has no end_day');
    return { ...line, end_day: line.end_day };
  });
}

/** The history's regimen lines cut at its end: what was actually taken. */
function takenLines(history: Scenario): ScenarioLine[] {
  return endedLines(Regimen.fromScenario(history).until(history.duration_days));
}

/** The history's lines that ran to its end, now running to `end` instead: the regimen continues. */
function continuedLines(history: Scenario, end: number): ScenarioLine[] {
  return history.regimen.map((line) =>
    line.end_day >= history.duration_days ? { ...line, end_day: end } : line,
  );
}

/** Lines of the next `days` days, their days moved past the history's end. */
function nextLines(history: Scenario, regimen: unknown, days: number, ctx: RouteContext): ScenarioLine[] {
  const next = historyScenario(
    { name: history.name, patient: history.patient, duration_days: days, regimen },
    ctx,
    'future_regimen',
  );
  return endedLines(Regimen.fromScenario(next).shift(history.duration_days));
}

/** The body's predicted course: `future` as sent, or the history extended by `future_days` with `regimen`. */
function futureScenario(body: z.output<typeof predictBody>, history: Scenario, ctx: RouteContext): Scenario {
  if (body.future) {
    const future = { ...body.future, patient: body.future.patient ?? history.patient, seed: history.seed };
    return historyScenario(future, ctx, 'future');
  }
  const days = body.future_days ?? 90;
  const end = history.duration_days + days;
  if (end > ctx.maxDurationDays) {
    throw new ApiError(
      400,
      'INVALID_REQUEST',
      `history (${history.duration_days} d) plus future_days (${days} d) must be at most ${ctx.maxDurationDays} days`,
      'future_days',
    );
  }
  const regimen =
    body.regimen === undefined
      ? continuedLines(history, end)
      : [...takenLines(history), ...nextLines(history, body.regimen, days, ctx)];
  return { ...history, duration_days: end, regimen, monitoring: extendedMonitoring(history, end) };
}

/** The history's lab schedule, with a draw at the new end when the history drew one at its own (the default). */
function extendedMonitoring(history: Scenario, end: number): Scenario['monitoring'] {
  const { monitoring } = history;
  if (!monitoring.at_days.includes(history.duration_days)) return monitoring;
  return { ...monitoring, at_days: [...monitoring.at_days, end] };
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

/** A one-thread pool for fits, created on first use. */
class FitPool {
  private pool: Piscina<TwinFitTask, TwinFitOutcome> | undefined;

  /** Runs a fit (and prediction); with a token, its progress goes to the board under that token. */
  async run(task: TwinFitTask, progress?: { board: ProgressBoard; token: string }): Promise<TwinFitOutcome> {
    const signal = AbortSignal.timeout(FIT_TIMEOUT_MS);
    const channel = progress ? new MessageChannel() : undefined;
    if (channel && progress) {
      const { board, token } = progress;
      board.report(token, { phase: 'fit', done: 0, total: null, finished: false });
      channel.port1.on('message', (message: unknown) => {
        if (isTwinProgressMessage(message)) board.report(token, { ...message, finished: false });
      });
    }
    try {
      return await this.getPool().run(
        channel ? { ...task, progressPort: channel.port2 } : task,
        channel ? { signal, transferList: [channel.port2] } : { signal },
      );
    } catch (error) {
      if (signal.aborted) {
        throw new ApiError(
          422,
          'FIT_TIMEOUT',
          `the fit did not finish within ${FIT_TIMEOUT_MS / 1000} s; fit a shorter history`,
        );
      }
      throw error;
    } finally {
      channel?.port1.close();
      if (progress) progress.board.finish(progress.token);
    }
  }

  async close(): Promise<void> {
    await this.pool?.destroy();
    this.pool = undefined;
  }

  private getPool(): Piscina<TwinFitTask, TwinFitOutcome> {
    if (!this.pool) {
      const { filename, execArgv } = workerScript('twin-worker');
      this.pool = new Piscina<TwinFitTask, TwinFitOutcome>({
        filename,
        execArgv,
        minThreads: 0,
        maxThreads: 1,
        idleTimeout: 60_000,
      });
    }
    return this.pool;
  }
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
  const pool = new FitPool();
  const tracked = (token: string | undefined) =>
    token === undefined ? undefined : { board: ctx.progress, token };
  app.addHook('onClose', () => pool.close());
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
      const outcome = await twinIssues(async () =>
        pool.run({ scenario, labs }, tracked(request.query.progress)),
      );
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
        pool.run({ scenario, labs, predict }, tracked(request.query.progress)),
      );
      if ('issues' in outcome) throw new RequestValidationError('INVALID_REQUEST', outcome.issues);
      if (!outcome.prediction) throw new Error('the twin worker returned no prediction');
      return predictionView(outcome.fit, outcome.prediction, scenario.duration_days);
    },
  );
}
