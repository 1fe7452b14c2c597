// SPDX-License-Identifier: MIT
// The OpenAPI document at /docs/json: valid OpenAPI, an operationId and a request example for every operation, and
// the limits the server enforces.
import { compileErrors, validate } from '@readme/openapi-parser';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/index.js';
import type { Store } from '../store/index.js';
import { buildServer } from './app.js';
import { REQUEST_EXAMPLES } from './request-examples.js';

interface Operation {
  operationId?: string;
  requestBody?: { content: Record<string, { example?: unknown; schema?: unknown }> };
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

async function documentOf(app: FastifyInstance): Promise<Document> {
  const response = await app.inject({ method: 'GET', url: '/docs/json' });
  expect(response.statusCode).toBe(200);
  return response.json<Document>();
}

function operations(doc: Document): { method: string; path: string; op: Operation }[] {
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, op]) => ({ method, path, op })),
  );
}

/** Every `maximum` of a `duration_days` property anywhere under a schema. */
function durationMaxima(node: unknown): number[] {
  if (typeof node !== 'object' || node === null) return [];
  const record = node as Record<string, unknown>;
  const properties = record.properties as Record<string, { maximum?: number }> | undefined;
  const own = properties?.duration_days?.maximum;
  return [...(own === undefined ? [] : [own]), ...Object.values(record).flatMap(durationMaxima)];
}

describe('OpenAPI document', () => {
  let store: Store;
  let app: FastifyInstance;
  let doc: Document;

  beforeAll(async () => {
    store = await openStore(':memory:');
    app = await buildServer({ store, workers: 1 });
    doc = await documentOf(app);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('validates as OpenAPI, every $ref resolving', async () => {
    const result = await validate(structuredClone(doc) as never);
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
  });

  it('gives every operation a unique operationId and a request example', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(20);
    const ids = ops.map(({ op }) => op.operationId);
    for (const [i, id] of ids.entries()) expect(id, `${ops[i].method} ${ops[i].path}`).toBeTypeOf('string');
    expect(new Set(ids).size).toBe(ids.length);
    for (const { method, path, op } of ops) {
      expect(REQUEST_EXAMPLES[op.operationId ?? ''], `${method} ${path}`).toBeDefined();
      const media = op.requestBody?.content['application/json'];
      if (op.requestBody !== undefined) expect(media?.example, `${method} ${path}`).toBeDefined();
    }
  });

  it("states the server's duration_days cap in every request body that has one", async () => {
    const maxima = operations(doc).flatMap(({ op }) => durationMaxima(op.requestBody));
    expect(maxima.length).toBeGreaterThanOrEqual(5);
    expect(new Set(maxima)).toEqual(new Set([365]));
    const shorter = await buildServer({ store, workers: 1, maxDurationDays: 90 });
    try {
      const capped = operations(await documentOf(shorter)).flatMap(({ op }) =>
        durationMaxima(op.requestBody),
      );
      expect(new Set(capped)).toEqual(new Set([90]));
      const tooLong = { ...(REQUEST_EXAMPLES.validateScenario.body as object), duration_days: 91 };
      const refused = await shorter.inject({
        method: 'POST',
        url: '/api/v1/scenarios/validate',
        payload: tooLong,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.json<{ error: { path: string } }>().error.path).toBe('duration_days');
    } finally {
      await shorter.close();
    }
  });

  it('has request examples the server accepts (no 400)', async () => {
    for (const { method, path, op } of operations(doc)) {
      const example = REQUEST_EXAMPLES[op.operationId ?? ''] ?? {};
      let url = path.replace(/\{(\w+)\}/g, (_, name: string) => example.params?.[name] ?? name);
      if (example.query !== undefined) url += `?${new URLSearchParams(example.query).toString()}`;
      const response = await app.inject({
        method: method.toUpperCase() as 'GET',
        url,
        ...(example.body !== undefined ? { payload: example.body as object } : {}),
      });
      expect(response.statusCode, `${method} ${url}: ${response.body.slice(0, 300)}`).not.toBe(400);
      expect(response.statusCode, `${method} ${url}`).toBeLessThan(500);
    }
  });
});
