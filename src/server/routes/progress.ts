// SPDX-License-Identifier: MIT
/**
 * `GET /progress/{token}`: how far a long request is that answers only when done (a twin fit or prediction, a
 * sensitivity analysis), named by the client with `?progress=<uuid>`. The reports live in the route context's
 * {@link ProgressBoard}.
 */
import { z } from 'zod';
import { errorSchema } from '../schemas.js';
import type { RouteContext, ZodApp } from './context.js';

const TAGS = ['progress'];

/** `?progress=<uuid>`: the token under which `GET /progress/{token}` shows the request's progress. */
export const progressQuery = z.object({
  progress: z.uuid({ message: 'must be a UUID the client chose for this request' }).optional().meta({
    description: 'a UUID chosen by the client: GET /progress/{token} then shows how far the request is',
  }),
});

const progressResponse = z
  .object({
    phase: z.string().meta({
      description:
        'fit, then predict (a twin); sensitivity; pending before the request starts (or for a token not seen in ' +
        'the last minute)',
    }),
    done: z.number().int().meta({
      description: 'simulations of the fit or the sensitivity analysis, or draws of the prediction, done',
    }),
    total: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'draws in all; null for a fit (it stops on converging)' }),
    finished: z.boolean().meta({ description: 'true once the request has answered' }),
  })
  .meta({ id: 'Progress' });

/** Registers `GET /progress/{token}`: how far a long request named with `?progress=<token>` is. */
export function registerProgressRoutes(app: ZodApp, ctx: RouteContext): void {
  const board = ctx.progress;
  app.get(
    '/progress/:token',
    {
      schema: {
        tags: TAGS,
        operationId: 'getRequestProgress',
        summary:
          'Progress of a twin fit or prediction submitted with ?progress=<token> (kept a minute after)',
        params: z.object({ token: z.uuid({ message: 'must be a UUID' }) }),
        response: { 200: progressResponse, 400: errorSchema },
      },
    },
    // An unknown token is a request not started yet (polling may begin before the request arrives): no 404.
    (request) =>
      Promise.resolve(
        board.get(request.params.token) ?? { phase: 'pending', done: 0, total: null, finished: false },
      ),
  );
}
