// SPDX-License-Identifier: MIT
/** Run routes: submit (202 at once), status and progress, list, cancel, resubmit, result as JSON or CSV. */
import { Readable } from 'node:stream';
import { drawParameterSets } from '../../estimate/index.js';
import { dailyCsv, scenarioSchema } from '../../scenario/index.js';
import type { Scenario } from '../../scenario/index.js';
import type { RunRecord, RunSummary } from '../../store/index.js';
import { withEventLoopTurns } from '../event-loop-turns.js';
import { dailyParquet } from '../parquet.js';
import { ApiError, notFound } from '../errors.js';
import { RunLimitError } from '../jobs/run-queue.js';
import {
  errorSchema,
  idParams,
  resultQuery,
  runIdResponse,
  runListQuery,
  runListResponse,
  runViewSchema,
  submitQuery,
} from '../schemas.js';
import { z } from 'zod';
import { prepareApiScenario, sampleValues } from './context.js';
import type { RouteContext } from './context.js';
import type { ZodApp } from './context.js';
import { admitted, jobView, registerResubmit } from './jobs.js';
import type { JobLimit } from './jobs.js';

const TAGS = ['runs'];
type RunView = z.output<typeof runViewSchema>;

/** A run as the API shows it: `error` only when there is one, the client id never. */
export function toRunView(run: RunSummary | RunRecord): RunView {
  const view: RunView = jobView(run);
  if (run.uncertainty_draws !== null) view.uncertainty_draws = run.uncertainty_draws;
  if ('scenario' in run) view.scenario = { ...run.scenario };
  return view;
}

const RUN_LIMIT: JobLimit = { error: RunLimitError, code: 'TOO_MANY_RUNS' };

async function admit(
  ctx: RouteContext,
  clientId: string,
  prepare: (owner: string) => Promise<RunRecord>,
): Promise<RunRecord> {
  return admitted(RUN_LIMIT, () => ctx.queue.admit(clientId, prepare));
}

/** A 403 when the run's values would take the client's stored results past its quota. */
async function checkStorageQuota(ctx: RouteContext, clientId: string, values: number): Promise<void> {
  const stored = await ctx.store.results.storedValuesOf(clientId);
  if (stored + values <= ctx.maxStoredValuesPerClient) return;
  throw new ApiError(
    403,
    'STORAGE_QUOTA_EXCEEDED',
    `your stored results hold ${stored} sampled values and this run adds ${values}; the quota is ` +
      `${ctx.maxStoredValuesPerClient} per client: delete old runs or ask for fewer samples`,
  );
}

async function existingRun(ctx: RouteContext, id: string): Promise<RunRecord> {
  const run = await ctx.store.runs.get(id);
  if (!run) throw notFound('run', id);
  return run;
}

function registerSubmit(app: ZodApp, ctx: RouteContext): void {
  app.post(
    '/runs',
    {
      schema: {
        tags: TAGS,
        operationId: 'submitRun',
        summary: 'Submit a scenario; 202 with the run id at once, the run goes on off the request',
        body: scenarioSchema,
        querystring: submitQuery,
        response: { 202: runIdResponse, 400: errorSchema, 422: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const { scenario, screening } = prepareApiScenario(
        request.body,
        ctx.maxDurationDays,
        ctx.maxSampleValues,
      );
      if (screening.status === 'contraindicated' && request.query.research !== 'true') {
        const codes = screening.findings.filter((f) => f.severity === 'contraindicated').map((f) => f.code);
        throw new ApiError(
          422,
          'CONTRAINDICATED',
          `the scenario is contraindicated (${codes.join(', ')}); submit with ?research=true to simulate it anyway`,
          undefined,
          screening,
        );
      }
      const draws = request.query.uncertainty ?? null;
      if (draws !== null) checkSomethingToDraw(scenario);
      await checkStorageQuota(ctx, request.clientId, sampleValues(scenario));
      const run = await admit(ctx, request.clientId, (owner) =>
        ctx.store.runs.create(scenario, request.clientId, owner, draws),
      );
      return reply.code(202).header('location', `/api/v1/runs/${run.id}`).send({ id: run.id });
    },
  );
}

/** A 400 naming `uncertainty` when the bands would have nothing to draw (the CLI's `--uncertainty` check). */
function checkSomethingToDraw(scenario: Scenario): void {
  try {
    drawParameterSets(scenario, 1);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new ApiError(400, 'INVALID_REQUEST', `uncertainty: ${error.message}`, 'uncertainty');
    }
    throw error;
  }
}

function registerStatus(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/runs',
    {
      schema: {
        tags: TAGS,
        operationId: 'listRuns',
        summary: 'Runs without their scenarios, newest first',
        querystring: runListQuery,
        response: { 200: runListResponse },
      },
    },
    async (request) => {
      const { limit, offset, status } = request.query;
      const runs = await ctx.store.runs.list({ limit, offset, ...(status ? { status } : {}) });
      return { runs: runs.map(toRunView) };
    },
  );

  app.get(
    '/runs/:id',
    {
      schema: {
        tags: TAGS,
        operationId: 'getRun',
        summary: 'Status, progress (0..1), timings and scenario of a run',
        params: idParams,
        response: { 200: runViewSchema, 404: errorSchema },
      },
    },
    async (request) => toRunView(await existingRun(ctx, request.params.id)),
  );
}

function registerLifecycle(app: ZodApp, ctx: RouteContext): void {
  app.post(
    '/runs/:id/cancel',
    {
      schema: {
        tags: TAGS,
        operationId: 'cancelRun',
        summary: 'Cancel a queued or running run (it becomes interrupted)',
        params: idParams,
        response: { 200: runViewSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (request) => {
      const run = await existingRun(ctx, request.params.id);
      if (!(await ctx.queue.cancel(run.id))) {
        throw new ApiError(
          409,
          'RUN_NOT_ACTIVE',
          `run ${run.id} is ${run.status}; only queued or running runs can be cancelled`,
        );
      }
      return toRunView(await existingRun(ctx, run.id));
    },
  );

  registerResubmit(app, {
    noun: 'run',
    summary: 'Queue an interrupted or failed run again (same id, one more attempt)',
    existing: (id) => existingRun(ctx, id),
    requeue: (id, owner) => ctx.store.runs.requeue(id, owner),
    admit: (clientId, prepare) => admit(ctx, clientId, prepare),
  });
}

function registerDelete(app: ZodApp, ctx: RouteContext): void {
  app.delete(
    '/runs/:id',
    {
      schema: {
        operationId: 'deleteRun',
        tags: TAGS,
        summary: 'Delete a finished, failed or interrupted run with its result',
        params: idParams,
        response: { 204: z.null(), 404: errorSchema, 409: errorSchema },
      },
    },
    async (request, reply) => {
      const run = await existingRun(ctx, request.params.id);
      if (!(await ctx.store.runs.delete(run.id))) {
        throw new ApiError(409, 'RUN_ACTIVE', `run ${run.id} is ${run.status}; cancel it before deleting it`);
      }
      return reply.code(204).send(null);
    },
  );
}

function registerResult(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/runs/:id/result',
    {
      schema: {
        tags: TAGS,
        operationId: 'getRunResult',
        summary: 'The result document (JSON, endotwin/result/v1) or its daily table (CSV)',
        params: idParams,
        querystring: resultQuery,
        response: {
          200: z
            .unknown()
            .meta({ description: 'JSON: the endotwin/result/v1 document; CSV or Parquet: the daily table' }),
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const run = await existingRun(ctx, request.params.id);
      if (run.status !== 'done') {
        throw new ApiError(
          409,
          'RUN_NOT_DONE',
          `run ${run.id} is ${run.status} (progress ${run.progress.toFixed(2)}); no result yet`,
        );
      }
      const format = request.query.format;
      if (format === 'json') {
        // Streamed one series at a time, so a large result never sits in memory as one string, with a turn of the
        // event loop after each piece, so other requests are answered meanwhile.
        const chunks = await ctx.store.results.jsonChunks(run.id);
        if (!chunks) throw new Error(`run ${run.id} is done but has no stored result`);
        return reply.type('application/json; charset=utf-8').send(Readable.from(withEventLoopTurns(chunks)));
      }
      const result = await ctx.store.results.get(run.id, { series: false });
      if (!result) throw new Error(`run ${run.id} is done but has no stored result`);
      const attachment = `attachment; filename="endotwin-${run.id}-daily.${format}"`;
      if (format === 'parquet') {
        return reply
          .type('application/vnd.apache.parquet')
          .header('content-disposition', attachment)
          .send(
            Buffer.from(
              dailyParquet(result.daily, {
                'endotwin.run': run.id,
                'endotwin.model': `${result.engine.model} ${result.engine.version}`,
                'endotwin.seed': String(result.engine.seed),
              }),
            ),
          );
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment)
        .send(dailyCsv(result.daily));
    },
  );
}

/** Registers every `/runs` route. */
export function registerRunRoutes(app: ZodApp, ctx: RouteContext): void {
  registerSubmit(app, ctx);
  registerStatus(app, ctx);
  registerLifecycle(app, ctx);
  registerDelete(app, ctx);
  registerResult(app, ctx);
}
