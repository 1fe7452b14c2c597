// SPDX-License-Identifier: MIT
/**
 * `GET /trials/{id}/nonmem`: a finished trial's patients as a NONMEM-style dataset (CSV), or with
 * `?part=dictionary` the data dictionary (JSON) describing every column, unit and code. The trial must have kept
 * its patients (`output.patients: true`) and have no titrated arm.
 */
import { z } from 'zod';
import { trialDosing, type TrialResult } from '../../cohort/index.js';
import { nonmemCsv, nonmemDictionary, trialNonmemDataset } from '../../exchange/nonmem/index.js';
import { ScenarioError } from '../../scenario/index.js';
import { ApiError, notFound } from '../errors.js';
import { errorSchema, idParams } from '../schemas.js';
import type { RouteContext, ZodApp } from './context.js';

const nonmemQuery = z.object({
  part: z
    .enum(['data', 'dictionary'])
    .default('data')
    .meta({ description: 'data: the dataset as CSV; dictionary: its data dictionary as JSON' }),
});

/** The dataset of a stored, finished trial; 409 when the trial is not done or cannot be written as one. */
async function datasetOf(ctx: RouteContext, id: string) {
  const record = await ctx.store.trials.get(id);
  if (!record) throw notFound('trial', id);
  if (record.status !== 'done') {
    throw new ApiError(409, 'TRIAL_NOT_DONE', `trial ${id} is ${record.status}; no result to export yet`);
  }
  const result = (await ctx.store.trials.result(id)) as TrialResult | undefined;
  if (!result) throw new Error(`trial ${id} is done but has no stored result`);
  try {
    return trialNonmemDataset(result, trialDosing);
  } catch (error) {
    if (!(error instanceof ScenarioError)) throw error;
    const issue = error.issues[0];
    throw new ApiError(409, 'NOT_EXPORTABLE', `${issue.path}: ${issue.message}`, issue.path);
  }
}

/** Registers `GET /trials/{id}/nonmem`. */
export function registerNonmemRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/trials/:id/nonmem',
    {
      schema: {
        operationId: 'getTrialNonmem',
        tags: ['trials'],
        summary: 'A finished trial’s patients as a NONMEM-style dataset (CSV), or its data dictionary (JSON)',
        params: idParams,
        querystring: nonmemQuery,
        response: {
          200: z.unknown().meta({ description: 'CSV (part=data) or the dictionary JSON (part=dictionary)' }),
          404: errorSchema,
          409: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const dataset = await datasetOf(ctx, request.params.id);
      if (request.query.part === 'dictionary') {
        return reply.type('application/json; charset=utf-8').send(nonmemDictionary(dataset));
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header(
          'content-disposition',
          `attachment; filename="endotwin-trial-${request.params.id}-nonmem.csv"`,
        )
        .send(nonmemCsv(dataset));
    },
  );
}
