// SPDX-License-Identifier: MIT
/**
 * Bearer-token authentication of the data routes and the binding rule: the server listens on loopback by default;
 * any other address requires a token (ENDOTWIN_TOKEN or one in the `api_tokens` table).
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hashToken } from '../store/index.js';
import type { Store } from '../store/index.js';
import { ApiError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /**
     * Who is asking: `token:<id>` for a token of the table, `token:configured` for ENDOTWIN_TOKEN, otherwise
     * `ip:<address>` (the proxy's client address with trustProxy); runs are counted per client.
     */
    clientId: string;
  }
}

/** Methods a `read` token may use. */
const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Shortest accepted configured token: guessing must be hopeless. */
export const MIN_TOKEN_LENGTH = 16;

/** `true` for addresses only this machine can reach (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Checks the configured token and the binding rule.
 * @throws Error when the token is too short, or when `host` is not loopback and no token exists.
 */
export function checkBinding(host: string, token: string | undefined, storedTokens: number): void {
  if (token !== undefined && token.length < MIN_TOKEN_LENGTH) {
    throw new Error(
      `the API token must be at least ${MIN_TOKEN_LENGTH} characters long, got ${token.length}`,
    );
  }
  if (!isLoopbackHost(host) && token === undefined && storedTokens === 0) {
    throw new Error(
      `refusing to listen on ${host} without an API token: set ENDOTWIN_TOKEN (at least ${MIN_TOKEN_LENGTH} ` +
        'characters) or add a token to the api_tokens table, or bind to 127.0.0.1',
    );
  }
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

function sameToken(given: string, expected: string): boolean {
  // Compare fixed-length digests so neither the content nor the length leaks through timing.
  return timingSafeEqual(Buffer.from(hashToken(given), 'hex'), Buffer.from(hashToken(expected), 'hex'));
}

/**
 * An `onRequest` hook for the data routes: sets `request.clientId` and, when tokens are required, answers 401
 * unless `Authorization: Bearer <token>` carries the configured token or one of the table; a token of the table
 * with the `read` scope gets 403 on anything but GET, HEAD and OPTIONS.
 */
export function authenticate(store: Store, token: string | undefined, required: boolean) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.clientId = `ip:${request.ip}`;
    if (!required) return;
    const given = bearerToken(request);
    if (given !== undefined) {
      if (token !== undefined && sameToken(given, token)) {
        // All holders of the configured token share its run slots, whatever their address.
        request.clientId = 'token:configured';
        return;
      }
      const known = await store.tokens.verify(given);
      if (known !== undefined) {
        request.clientId = `token:${known.id}`;
        if (known.scope === 'read' && !READ_METHODS.has(request.method)) {
          throw new ApiError(
            403,
            'INSUFFICIENT_SCOPE',
            `this token has the read scope; ${request.method} needs a read-write token`,
          );
        }
        return;
      }
    }
    void reply.header('www-authenticate', 'Bearer');
    throw new ApiError(
      401,
      'UNAUTHORIZED',
      given === undefined ? 'missing Authorization: Bearer <token> header' : 'the bearer token is not valid',
    );
  };
}
