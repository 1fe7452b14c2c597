// SPDX-License-Identifier: MIT
/**
 * The JSON body parser: Fastify's own (prototype-poisoning checks included), behind a nesting-depth limit. A body
 * nested thousands of levels deep overflows the stack of whatever walks it later (validation, error messages), so
 * it is refused before parsing, with a 400.
 */
import type { FastifyInstance } from 'fastify';
import { ApiError } from './errors.js';

/** Deepest nesting of arrays and objects a JSON body may have; real documents stay below 10. */
export const MAX_JSON_DEPTH = 64;

/**
 * `true` when the JSON text nests arrays/objects deeper than `limit` (brackets inside strings do not count).
 * A linear scan without recursion, so it is safe on any input.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) {
      depth--;
    }
  }
  return false;
}

/** Replaces the `application/json` parser with the depth-limited one. */
export function registerJsonParser(app: FastifyInstance, bodyLimit: number): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) {
      done(
        new ApiError(
          400,
          'INVALID_REQUEST',
          `the JSON body nests arrays/objects more than ${MAX_JSON_DEPTH} levels deep`,
        ),
        undefined,
      );
      return;
    }
    void parse(request, text, done);
  });
}
