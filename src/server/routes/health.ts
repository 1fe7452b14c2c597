// SPDX-License-Identifier: MIT
/** `GET /health`: liveness, version, whether the database answers and which server answered, without authentication. */
import type { Store } from '../../store/index.js';
import { RETRY_AFTER_SECONDS } from '../errors.js';
import { healthResponse } from '../schemas.js';
import type { ZodApp } from './context.js';

/** Registers `GET /health`: 200 when the database answers, 503 with Retry-After when it does not. */
export function registerHealthRoute(app: ZodApp, version: string, store: Store, server: string): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['service'],
        operationId: 'getHealth',
        summary: 'Liveness, version and database state (503 while the database is unavailable)',
        response: { 200: healthResponse, 503: healthResponse },
      },
    },
    async (_request, reply) => {
      if (await store.ping()) return { status: 'ok' as const, version, database: 'ok' as const, server };
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_SECONDS))
        .send({ status: 'degraded' as const, version, database: 'unavailable' as const, server });
    },
  );
}
