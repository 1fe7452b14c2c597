// SPDX-License-Identifier: MIT
/**
 * `POST /sensitivity`: sensitivities of a scenario's outputs to named parameters (`src/estimate/`), computed
 * synchronously on a small worker-thread pool, within limits on the number of simulations and the run length
 * (larger computations belong to `endotwin sensitivity`).
 */
import { z } from 'zod';
import {
  OutputSpecError,
  SENSITIVITY_METHODS,
  computeSensitivity,
  createRunPool,
  freeParameters,
  parseOutputSpec,
  runsNeeded,
} from '../../estimate/index.js';
import { scenarioSchema } from '../../scenario/index.js';
import { ApiError } from '../errors.js';
import { errorSchema } from '../schemas.js';
import { prepareApiScenario, type RouteContext, type ZodApp } from './context.js';
import { progressQuery } from './progress.js';

/** Most simulations one request may run. */
export const MAX_SENSITIVITY_RUNS = 200;
/** Longest scenario (days) a request may use. */
export const MAX_SENSITIVITY_DAYS = 120;
/** Worker threads of a request's pool. */
const WORKERS = 2;

const sensitivityBody = z.strictObject({
  scenario: scenarioSchema,
  method: z.enum(SENSITIVITY_METHODS).default('local'),
  outputs: z.array(z.string().min(1)).min(1).max(20),
  params: z.union([z.array(z.string().min(1)).min(1).max(100), z.literal('all')]),
  step: z.number().min(1e-6).max(0.5).optional(),
  spread: z.number().min(1e-3).max(10).optional(),
  trajectories: z.number().int().min(1).max(100).optional(),
  samples: z.number().int().min(2).max(1000).optional(),
  seed: z.number().int().min(0).max(4294967295).optional(),
});

const entrySchema = z.object({
  output: z.string(),
  parameter: z.string(),
  value: z.number().nullable(),
  measure: z.enum(['elasticity', 'mu_star', 'total_order']),
  sigma: z.number().nullable().optional(),
  first_order: z.number().nullable().optional(),
});

const sensitivityResponse = z.object({
  method: z.enum(SENSITIVITY_METHODS),
  runs: z.number(),
  parameters: z.array(z.object({ name: z.string(), base: z.number() })),
  base: z.array(z.object({ output: z.string(), value: z.number().nullable() })),
  entries: z.array(entrySchema),
});

const finite = (x: number | undefined): number | null | undefined =>
  x === undefined ? undefined : Number.isFinite(x) ? x : null;

/** Registers `POST /sensitivity`. */
export function registerSensitivityRoutes(app: ZodApp, ctx: RouteContext): void {
  app.post(
    '/sensitivity',
    {
      schema: {
        operationId: 'computeSensitivity',
        tags: ['estimation'],
        summary:
          `Local elasticities, Morris μ* or Sobol indices of outputs with respect to parameters; at most ` +
          `${MAX_SENSITIVITY_RUNS} simulations of at most ${MAX_SENSITIVITY_DAYS} days`,
        querystring: progressQuery,
        body: sensitivityBody,
        response: { 200: sensitivityResponse, 400: errorSchema },
      },
    },
    async (request) => {
      const { scenario: document, ...rest } = request.body;
      const { scenario } = prepareApiScenario(document, Math.min(ctx.maxDurationDays, MAX_SENSITIVITY_DAYS));
      rest.outputs.forEach((name, i) => {
        try {
          parseOutputSpec(name, scenario.duration_days);
        } catch (error) {
          if (error instanceof OutputSpecError)
            throw new ApiError(400, 'INVALID_REQUEST', error.message, `outputs[${i}]`);
          throw error;
        }
      });
      const req = { ...rest, scenario };
      const runs = runsNeeded(req, freeParameters(scenario, rest.params).length);
      if (runs > MAX_SENSITIVITY_RUNS) {
        throw new ApiError(
          400,
          'INVALID_REQUEST',
          `this request needs ${runs} simulations; the API runs at most ${MAX_SENSITIVITY_RUNS} ` +
            '(name fewer parameters, lower trajectories or samples, or use endotwin sensitivity)',
          'params',
        );
      }
      const pool = createRunPool(WORKERS);
      const token = request.query.progress;
      const onProgress =
        token === undefined
          ? undefined
          : (done: number, total: number) =>
              ctx.progress.report(token, { phase: 'sensitivity', done, total, finished: false });
      onProgress?.(0, runs);
      try {
        const report = await computeSensitivity(req, pool, onProgress);
        return {
          method: report.method,
          runs: report.runs,
          parameters: report.parameters.map((p) => ({ name: p.name, base: p.base })),
          base: report.outputs.map((output, o) => ({ output, value: finite(report.base[o]) ?? null })),
          entries: report.entries.map((e) => ({
            ...e,
            value: finite(e.value) ?? null,
            ...(e.sigma === undefined ? {} : { sigma: finite(e.sigma) }),
            ...(e.first_order === undefined ? {} : { first_order: finite(e.first_order) }),
          })),
        };
      } finally {
        await pool.close();
        if (token !== undefined) ctx.progress.finish(token);
      }
    },
  );
}
