// SPDX-License-Identifier: MIT
/**
 * Browser-facing protections of every response: the Host check against DNS rebinding (a page on an attacker's
 * domain that resolves to 127.0.0.1 reaches a loopback server with no token through the victim's browser; its
 * requests carry the attacker's Host name), and the security headers.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isLoopbackHost } from './auth.js';
import { ApiError } from './errors.js';

/**
 * The headers every response carries: a same-origin CSP (data: images for the favicon and the docs' icons;
 * inline styles for the charts and the docs), no framing, no MIME sniffing, no referrer leaving the page.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

/** The host name of a Host header value, without port or IPv6 brackets, lower-cased. */
export function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']') > 0 ? value.indexOf(']') : undefined);
  const colon = value.lastIndexOf(':');
  return colon >= 0 && value.indexOf(':') === colon ? value.slice(0, colon) : value;
}

/** `true` when a request's Host names this machine's loopback or the configured host. */
export function isAllowedHost(request: FastifyRequest, configuredHost: string): boolean {
  const header = request.headers.host;
  if (header === undefined) return false;
  const name = hostName(header);
  return isLoopbackHost(name) || name === configuredHost.toLowerCase();
}

/**
 * Adds the security headers to every response and, when `checkHost` (loopback without a token), refuses requests
 * whose Host is neither a loopback name nor `configuredHost` with a 403.
 */
export function registerBrowserProtections(
  app: FastifyInstance,
  options: { checkHost: boolean; configuredHost: string },
): void {
  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) void reply.header(name, value);
    if (options.checkHost && !isAllowedHost(request, options.configuredHost)) {
      throw new ApiError(
        403,
        'HOST_NOT_ALLOWED',
        'this server answers only requests addressed to localhost, a loopback address or its configured host ' +
          '(a different Host header suggests DNS rebinding); set ENDOTWIN_TOKEN to serve other names',
      );
    }
  });
}
