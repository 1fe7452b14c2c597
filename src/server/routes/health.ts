// SPDX-License-Identifier: MIT
/** `GET /health`: liveness and version, without authentication. */
import { healthResponse } from '../schemas.js';
import type { ZodApp } from './context.js';

/** Registers `GET /health`. */
export function registerHealthRoute(app: ZodApp, version: string): void {
  app.get(
    '/health',
    {
      schema: {
        tags: ['service'],
        operationId: 'getHealth',
        summary: 'Liveness and version',
        response: { 200: healthResponse },
      },
    },
    () => ({ status: 'ok' as const, version }),
  );
}
