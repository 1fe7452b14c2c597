// SPDX-License-Identifier: MIT
/** Scenario routes: validation with screening, and the saved-scenario library. */
import { scenarioSchema } from '../../scenario/index.js';
import {
  errorSchema,
  idParams,
  pageQuery,
  scenarioListResponse,
  scenarioRecordSchema,
  validateResponse,
} from '../schemas.js';
import { notFound } from '../errors.js';
import { prepareApiScenario } from './context.js';
import type { RouteContext, ZodApp } from './context.js';

const TAGS = ['scenarios'];

/** Registers `POST /scenarios/validate`, `POST /scenarios`, `GET /scenarios`, `GET /scenarios/{id}`. */
export function registerScenarioRoutes(app: ZodApp, ctx: RouteContext): void {
  app.post(
    '/scenarios/validate',
    {
      schema: {
        tags: TAGS,
        operationId: 'validateScenario',
        summary: 'Validate a scenario and screen it for contraindications',
        body: scenarioSchema,
        response: { 200: validateResponse, 400: errorSchema },
      },
    },
    (request) => {
      const { scenario, screening } = prepareApiScenario(
        request.body,
        ctx.maxDurationDays,
        ctx.maxSampleValues,
      );
      return { valid: true as const, screening, scenario: { ...scenario } };
    },
  );

  app.post(
    '/scenarios',
    {
      schema: {
        tags: TAGS,
        operationId: 'saveScenario',
        summary: 'Save a scenario document (validated first)',
        body: scenarioSchema,
        response: { 201: scenarioRecordSchema, 400: errorSchema },
      },
    },
    async (request, reply) => {
      prepareApiScenario(request.body, ctx.maxDurationDays, ctx.maxSampleValues);
      const record = await ctx.store.scenarios.save(request.body.name, request.body);
      return reply.code(201).send({ ...record, document: { ...record.document } });
    },
  );

  app.get(
    '/scenarios',
    {
      schema: {
        tags: TAGS,
        operationId: 'listScenarios',
        summary: 'Saved scenarios, newest first',
        querystring: pageQuery,
        response: { 200: scenarioListResponse },
      },
    },
    async (request) => ({ scenarios: await ctx.store.scenarios.list(request.query) }),
  );

  app.get(
    '/scenarios/:id',
    {
      schema: {
        tags: TAGS,
        operationId: 'getScenario',
        summary: 'One saved scenario with its document',
        params: idParams,
        response: { 200: scenarioRecordSchema, 404: errorSchema },
      },
    },
    async (request) => {
      const record = await ctx.store.scenarios.get(request.params.id);
      if (!record) throw notFound('scenario', request.params.id);
      return { ...record, document: { ...record.document } };
    },
  );
}
