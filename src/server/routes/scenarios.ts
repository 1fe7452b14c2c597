// SPDX-License-Identifier: MIT
/** Scenario routes: validation with screening, and the saved-scenario library. */
import { z } from 'zod';
import { ScenarioError, scenarioSchema } from '../../scenario/index.js';
import {
  checkResponse,
  errorSchema,
  idParams,
  pageQuery,
  scenarioListResponse,
  scenarioRecordSchema,
  validateResponse,
} from '../schemas.js';
import { ApiError, notFound } from '../errors.js';
import { prepareApiScenario } from './context.js';
import type { RouteContext, ZodApp } from './context.js';

const TAGS = ['scenarios'];

/**
 * Registers `POST /scenarios/validate`, `POST /scenarios`, `GET /scenarios`, `GET /scenarios/{id}`,
 * `PUT /scenarios/{id}` and `DELETE /scenarios/{id}`.
 */
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
    '/scenarios/check',
    {
      schema: {
        operationId: 'checkScenario',
        tags: TAGS,
        summary: 'Validate and screen a scenario, answering 200 with the problems when it is invalid',
        body: z.unknown(),
        response: { 200: checkResponse },
      },
    },
    (request) => {
      try {
        const { scenario, screening } = prepareApiScenario(
          request.body,
          ctx.maxDurationDays,
          ctx.maxSampleValues,
        );
        return { valid: true as const, screening, scenario: { ...scenario } };
      } catch (error) {
        if (error instanceof ScenarioError) return { valid: false as const, issues: [...error.issues] };
        if (error instanceof ApiError && error.statusCode === 400) {
          const path = error.path ?? '';
          const message = error.message.startsWith(`${path}: `)
            ? error.message.slice(path.length + 2)
            : error.message;
          return { valid: false as const, issues: [{ path, message }] };
        }
        throw error;
      }
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

  app.put(
    '/scenarios/:id',
    {
      schema: {
        operationId: 'updateScenario',
        tags: TAGS,
        summary: 'Replace a saved scenario in place (validated first; the id stays)',
        params: idParams,
        body: scenarioSchema,
        response: { 200: scenarioRecordSchema, 400: errorSchema, 404: errorSchema },
      },
    },
    async (request) => {
      prepareApiScenario(request.body, ctx.maxDurationDays, ctx.maxSampleValues);
      const record = await ctx.store.scenarios.update(request.params.id, request.body.name, request.body);
      if (!record) throw notFound('scenario', request.params.id);
      return { ...record, document: { ...record.document } };
    },
  );

  app.delete(
    '/scenarios/:id',
    {
      schema: {
        operationId: 'deleteScenario',
        tags: TAGS,
        summary: 'Delete a saved scenario (runs made from it keep their own copy)',
        params: idParams,
        response: { 204: z.null(), 404: errorSchema },
      },
    },
    async (request, reply) => {
      if (!(await ctx.store.scenarios.delete(request.params.id))) {
        throw notFound('scenario', request.params.id);
      }
      return reply.code(204).send(null);
    },
  );
}
