// SPDX-License-Identifier: MIT
/**
 * Request logging without patient data: one line per response with the method, the route pattern (never the URL
 * with its values, never a body) and the status.
 */
import type { FastifyInstance, FastifyServerOptions } from 'fastify';

/** Fastify logger options: pino at `info`, or off. */
export function loggerOptions(enabled: boolean): NonNullable<FastifyServerOptions['logger']> {
  return enabled ? { level: 'info' } : false;
}

/** Adds the one-line-per-response log (Fastify's own request logging must be disabled). */
export function logResponses(app: FastifyInstance): void {
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? '(no route)',
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'response',
    );
  });
}
