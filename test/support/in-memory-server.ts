// SPDX-License-Identifier: MIT
/** The server on an in-memory SQLite store for one test file or `describe` block: built before, closed after. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { buildServer } from '../../src/server/app.js';
import type { ServerOptions } from '../../src/server/app.js';
import { openStore } from '../../src/store/index.js';
import type { Store } from '../../src/store/index.js';

/** The app and its store, set once the `beforeAll` hook has run. */
export interface InMemoryServer {
  readonly app: FastifyInstance;
  readonly store: Store;
}

/**
 * Registers the hooks that open an in-memory store and build the server on it (with `options`) before the tests of
 * the enclosing file or block, and close both after them.
 * @example const server = inMemoryServer({ workers: 1 }); … server.app.inject({ method: 'GET', url: '/health' })
 */
export function inMemoryServer(options: Omit<ServerOptions, 'store'> = {}): InMemoryServer {
  let app: FastifyInstance | undefined;
  let store: Store | undefined;
  beforeAll(async () => {
    store = await openStore(':memory:');
    app = await buildServer({ store, ...options });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the in-memory server is used before its beforeAll hook ran');
    return value;
  };
  return {
    get app() {
      return ready(app);
    },
    get store() {
      return ready(store);
    },
  };
}
