// SPDX-License-Identifier: MIT
/** A server on an in-memory SQLite store for one test file, opened before its tests and closed after them. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildServer } from '../../src/server/index.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';

/** Registers the hooks; call the returned function inside a test for the app (`app.inject`). */
export function useInMemoryApp(): () => FastifyInstance {
  let store: Store | undefined;
  let app: FastifyInstance | undefined;
  beforeAll(async () => {
    store = await openStore(':memory:');
    app = await buildServer({ store, workers: 1 });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });
  return () => {
    if (!app) throw new Error('the in-memory app is used outside a test');
    return app;
  };
}
