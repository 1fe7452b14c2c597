// SPDX-License-Identifier: MIT
/**
 * Token management over HTTP (`/admin/tokens`): list, create (the token is in the answer, once) and revoke. Only
 * the holder of the configured ENDOTWIN_TOKEN may use these routes; tokens of the table never can, so a leaked
 * table token cannot mint others.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { TOKEN_SCOPES } from '../../store/index.js';
import { ApiError, notFound } from '../errors.js';
import { errorSchema, idParams } from '../schemas.js';
import type { RouteContext, ZodApp } from './context.js';

const TAGS = ['admin'];

const tokenInfo = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(TOKEN_SCOPES),
  created_at: z.string(),
});
const createBody = z.strictObject({
  name: z.string().min(1).max(200),
  scope: z.enum(TOKEN_SCOPES).default('read-write'),
});
const createdToken = z.object({
  id: z.string(),
  scope: z.enum(TOKEN_SCOPES),
  token: z.string().meta({ description: 'the bearer token; shown only in this answer, stored as a hash' }),
});

function requireAdmin(request: FastifyRequest): void {
  if (request.clientId === 'token:configured') return;
  throw new ApiError(
    403,
    'ADMIN_ONLY',
    'token management needs the server’s configured ENDOTWIN_TOKEN (or use `endotwin token` on the server)',
  );
}

/** Registers `GET/POST /admin/tokens` and `DELETE /admin/tokens/:id`. */
export function registerAdminRoutes(app: ZodApp, ctx: RouteContext): void {
  app.get(
    '/admin/tokens',
    {
      schema: {
        operationId: 'listTokens',
        tags: TAGS,
        summary: 'API tokens (never their secrets)',
        response: { 200: z.object({ tokens: z.array(tokenInfo) }), 403: errorSchema },
      },
    },
    async (request) => {
      requireAdmin(request);
      return { tokens: await ctx.store.tokens.list() };
    },
  );

  app.post(
    '/admin/tokens',
    {
      schema: {
        operationId: 'createToken',
        tags: TAGS,
        summary: 'Create a token with the read or read-write scope; the token is in this answer only',
        body: createBody,
        response: { 201: createdToken, 400: errorSchema, 403: errorSchema },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      const created = await ctx.store.tokens.create(request.body.name, request.body.scope);
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  );

  app.delete(
    '/admin/tokens/:id',
    {
      schema: {
        operationId: 'revokeToken',
        tags: TAGS,
        summary: 'Revoke a token',
        params: idParams,
        response: { 204: z.null(), 403: errorSchema, 404: errorSchema },
      },
    },
    async (request, reply) => {
      requireAdmin(request);
      if (!(await ctx.store.tokens.revoke(request.params.id))) throw notFound('token', request.params.id);
      return reply.code(204).send(null);
    },
  );
}
