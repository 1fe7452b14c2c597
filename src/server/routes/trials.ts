// SPDX-License-Identifier: MIT
/**
 * Trial routes: `POST /trials` (a trial document in, 202 with its id at once), `GET /trials/{id}` (status,
 * progress and, when done, the result), `GET /trials` (newest first) and `POST /trials/{id}/resubmit` (an
 * interrupted or failed trial continues from its finished shards). Trials run on their own worker-thread pool,
 * one at a time, off the request path.
 */
import { z } from 'zod';
import { contraindicatedArms, parseTrial, trialSchema } from '../../cohort/index.js';
import type { Trial } from '../../cohort/index.js';
import type { TrialRecord, TrialSummary } from '../../store/index.js';
import { ApiError, notFound } from '../errors.js';
import { TrialLimitError, TrialRunner } from '../jobs/trial-runner.js';
import { errorSchema, idParams, jobViewShape, pageQuery, runIdResponse, submitQuery } from '../schemas.js';
import type { RouteContext, ZodApp } from './context.js';
import { admitted, jobView, registerResubmit } from './jobs.js';
import type { JobLimit } from './jobs.js';

const TAGS = ['trials'];

/** Most simulations (patients × their arms) one API trial may ask for; larger trials belong on the CLI. */
export const MAX_API_SIMULATIONS = 20_000;

/** A trial as the API shows it: `error` only when there is one, the result only when it is done. */
export const trialViewSchema = z
  .object({
    ...jobViewShape,
    trial: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'the normalised trial document' }),
    result: z
      .record(z.string(), z.unknown())
      .optional()
      .meta({ description: 'the endotwin/trial-result/v1 document, once the trial is done' }),
  })
  .meta({ id: 'Trial' });
type TrialView = z.output<typeof trialViewSchema>;

function toTrialView(record: TrialSummary | TrialRecord, result?: unknown): TrialView {
  const view: TrialView = jobView(record);
  if ('document' in record) view.trial = record.document as Record<string, unknown>;
  if (result !== undefined) view.result = result as Record<string, unknown>;
  return view;
}

/** The API's limits on a trial: the duration cap and the number of simulations. */
function checkLimits(trial: Trial, maxDurationDays: number): void {
  if (trial.duration_days > maxDurationDays) {
    throw new ApiError(
      400,
      'INVALID_TRIAL',
      `duration_days: this server simulates at most ${maxDurationDays} days, got ${trial.duration_days}; use the command line for longer trials`,
      'duration_days',
    );
  }
  const simulations = trial.population.n * trial.arms.length;
  if (simulations > MAX_API_SIMULATIONS) {
    throw new ApiError(
      400,
      'INVALID_TRIAL',
      `population.n: ${trial.population.n} patients × ${trial.arms.length} arms = ${simulations} simulations; ` +
        `this server runs at most ${MAX_API_SIMULATIONS} per trial (use endotwin trial for larger ones)`,
      'population.n',
    );
  }
}

function checkScreening(trial: Trial, research: boolean): void {
  const arms = contraindicatedArms(trial);
  if (arms.length === 0 || research) return;
  throw new ApiError(
    422,
    'CONTRAINDICATED',
    `arm(s) ${arms.map((a) => a.arm).join(', ')} are contraindicated for this population; submit with ?research=true to run it anyway`,
    undefined,
    arms,
  );
}

const TRIAL_LIMIT: JobLimit = { error: TrialLimitError, code: 'TOO_MANY_TRIALS' };

async function admit(runner: TrialRunner, clientId: string, prepare: () => Promise<TrialRecord>) {
  return admitted(TRIAL_LIMIT, () => runner.admit(clientId, prepare));
}

async function existingTrial(ctx: RouteContext, id: string): Promise<TrialRecord> {
  const record = await ctx.store.trials.get(id);
  if (!record) throw notFound('trial', id);
  return record;
}

function registerSubmit(app: ZodApp, ctx: RouteContext, runner: TrialRunner): void {
  app.post(
    '/trials',
    {
      schema: {
        tags: TAGS,
        operationId: 'submitTrial',
        summary:
          'Submit a trial document (endotwin/trial/v1); 202 with its id at once, the trial runs off the request',
        body: trialSchema,
        querystring: submitQuery,
        response: { 202: runIdResponse, 400: errorSchema, 422: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const trial = parseTrial(request.body);
      checkLimits(trial, ctx.maxDurationDays);
      checkScreening(trial, request.query.research === 'true');
      const record = await admit(runner, request.clientId, () =>
        ctx.store.trials.create(trial.name, trial, request.clientId),
      );
      return reply.code(202).header('location', `/api/v1/trials/${record.id}`).send({ id: record.id });
    },
  );
  registerResubmit(app, {
    noun: 'trial',
    summary: 'Queue an interrupted or failed trial again; it continues from its finished shards',
    existing: (id) => existingTrial(ctx, id),
    requeue: (id) => ctx.store.trials.requeue(id),
    admit: (clientId, prepare) => admit(runner, clientId, prepare),
  });
}

function registerRead(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/trials',
    {
      schema: {
        tags: TAGS,
        operationId: 'listTrials',
        summary: 'Trials without their documents or results, newest first',
        querystring: pageQuery,
        response: { 200: z.object({ trials: z.array(trialViewSchema) }) },
      },
    },
    async (request) => ({ trials: (await ctx.store.trials.list(request.query)).map((t) => toTrialView(t)) }),
  );
  app.get(
    '/trials/:id',
    {
      schema: {
        tags: TAGS,
        operationId: 'getTrial',
        summary: 'Status, progress (0..1), the trial document and, once done, the result',
        params: idParams,
        response: { 200: trialViewSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const record = await existingTrial(ctx, request.params.id);
      const result = record.status === 'done' ? await ctx.store.trials.result(record.id) : undefined;
      return toTrialView(record, result);
    },
  );
}

/** Registers every `/trials` route and the trial runner; the runner stops when the server closes. */
export function registerTrialRoutes(app: ZodApp, ctx: RouteContext): void {
  const runner = new TrialRunner(ctx.store, {
    onError: (error) =>
      app.log.error({ errorName: error instanceof Error ? error.name : typeof error }, 'trial runner error'),
  });
  app.addHook('onClose', () => runner.close());
  registerSubmit(app, ctx, runner);
  registerRead(app, ctx);
}
