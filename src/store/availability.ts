// SPDX-License-Identifier: MIT
/**
 * Telling "the database cannot be reached right now" apart from every other store error, so the API can answer
 * 503 with Retry-After instead of 500, and the run queue can retry a final write instead of giving up.
 */

/** Node socket errors meaning the database server is not there (refused, reset, unreachable, timed out). */
const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** PostgreSQL SQLSTATE classes/codes for a server that is down, starting or shutting down. */
function isUnavailableSqlState(code: string): boolean {
  // 08: connection exception; 57P01-57P03: admin/crash shutdown, cannot connect now; 53300: too many connections.
  return code.startsWith('08') || /^57P0[1-3]$/.test(code) || code === '53300';
}

/** SQLite result codes meaning another connection holds the database (busy past the busy timeout). */
const SQLITE_BUSY = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED']);

/** pg's own messages for a connection that died or could not be made in time. */
const PG_CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error/i;

function codeOf(error: object): string | undefined {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * `true` when `error` (or one of its causes) says the database is unreachable or busy for now: a later attempt
 * may succeed. Constraint violations, bad SQL and the like return `false`.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e instanceof Object && depth < 5; depth++) {
    const code = codeOf(e);
    if (code !== undefined) {
      if (CONNECTION_ERRNOS.has(code) || SQLITE_BUSY.has(code) || isUnavailableSqlState(code)) return true;
    }
    if (e instanceof AggregateError && e.errors.some((inner) => isDatabaseUnavailable(inner))) return true;
    if (e instanceof Error && PG_CONNECTION_MESSAGES.test(e.message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
