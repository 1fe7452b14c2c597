// SPDX-License-Identifier: MIT
/**
 * The one error format of the API, `{ error: { code, message, path? } }`: 4xx for the caller's mistakes, 5xx only
 * for ours. Request validation goes through zod with the same field paths as scenario errors.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaCompiler } from 'fastify';
import type { z } from 'zod';
import { ScenarioError, issuesFromZod, scenarioSchema } from '../scenario/index.js';
import type { ScenarioIssue } from '../scenario/index.js';
import { isDatabaseUnavailable } from '../store/index.js';

/** The body of every error response. */
export interface ErrorBody {
  error: {
    /** Stable, machine-readable code such as `INVALID_SCENARIO` or `NOT_FOUND`. */
    code: string;
    message: string;
    /** Field path of the first problem (`patient.age_years`, `query.format`), when a field is at fault. */
    path?: string;
    /** Every problem found, when there are several. */
    issues?: readonly ScenarioIssue[];
    /** Further machine-readable details (e.g. the screening findings of a contraindicated scenario). */
    details?: unknown;
  };
}

/** An error meant for the caller, with its HTTP status. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A 404 naming what was looked for. */
export function notFound(kind: string, id: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `no ${kind} with id ${JSON.stringify(id)}`);
}

type HttpPart = 'body' | 'querystring' | 'params' | 'headers';

/** A request part that does not match its schema (thrown by {@link zodValidatorCompiler}). */
export class RequestValidationError extends Error {
  readonly statusCode = 400;
  constructor(
    readonly code: 'INVALID_SCENARIO' | 'INVALID_REQUEST',
    readonly issues: readonly ScenarioIssue[],
  ) {
    super(issues.map((i) => `${i.path || '(body)'}: ${i.message}`).join('\n'));
    this.name = 'RequestValidationError';
  }
}

/** Field paths of the body stay as they are (`patient.sex`); other parts are prefixed (`query.format`). */
function prefixFor(part: HttpPart): string {
  return part === 'body' ? '' : part === 'querystring' ? 'query' : part;
}

function prefixed(prefix: string, path: string): string {
  if (prefix === '') return path;
  return path === '' ? prefix : path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;
}

/**
 * Validates a request part with its zod schema and returns the parsed value; on failure a
 * {@link RequestValidationError} with field paths and the offending values.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const prefix = prefixFor((httpPart ?? 'body') as HttpPart);
  const code = schema === scenarioSchema ? 'INVALID_SCENARIO' : 'INVALID_REQUEST';
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const issues = issuesFromZod(result.error, data).map((i) => ({ ...i, path: prefixed(prefix, i.path) }));
    return { error: new RequestValidationError(code, issues) };
  };
};

function issuesBody(code: string, issues: readonly ScenarioIssue[]): ErrorBody {
  const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
  const first = issues[0];
  return {
    error: {
      code,
      message,
      ...(first && first.path !== '' ? { path: first.path } : {}),
      ...(issues.length > 1 ? { issues } : {}),
    },
  };
}

/** Codes for the framework's own 4xx errors. */
const FRAMEWORK_CODES: Readonly<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  406: 'NOT_ACCEPTABLE',
  408: 'REQUEST_TIMEOUT',
  413: 'BODY_TOO_LARGE',
  414: 'URI_TOO_LONG',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
  431: 'HEADERS_TOO_LARGE',
};

/** Seconds a client should wait before retrying a 503 (database unavailable) or a 429. */
export const RETRY_AFTER_SECONDS = 5;

/** The 503 answered while the database cannot be reached. */
export const DATABASE_UNAVAILABLE: ErrorBody = {
  error: {
    code: 'DATABASE_UNAVAILABLE',
    message: `the database is unavailable; retry in ${RETRY_AFTER_SECONDS} s`,
  },
};

/** The status and body for any error thrown while handling a request. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof ApiError) {
    const { statusCode, code, message, path, details } = error;
    return {
      status: statusCode,
      body: {
        error: {
          code,
          message,
          ...(path !== undefined ? { path } : {}),
          ...(details !== undefined ? { details } : {}),
        },
      },
    };
  }
  if (error instanceof RequestValidationError)
    return { status: 400, body: issuesBody(error.code, error.issues) };
  if (error instanceof ScenarioError)
    return { status: 400, body: issuesBody('INVALID_SCENARIO', error.issues) };
  if (isDatabaseUnavailable(error)) return { status: 503, body: DATABASE_UNAVAILABLE };
  const status = (error as Partial<FastifyError>).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const message = error instanceof Error ? error.message : 'bad request';
    return { status, body: { error: { code: FRAMEWORK_CODES[status] ?? 'BAD_REQUEST', message } } };
  }
  return {
    status: 500,
    body: { error: { code: 'INTERNAL', message: 'internal server error; the server log has the details' } },
  };
}

/**
 * The stack of an error without its first line (the message), for the log: messages may quote request values,
 * and no patient data goes to the log.
 */
export function stackWithoutMessage(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.stack === undefined) return undefined;
  return error.stack
    .split('\n')
    .filter((line) => /^\s+at /.test(line))
    .join('\n');
}

/** Fastify error handler: every error becomes the JSON error body; 5xx are logged without message or body. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, body } = toErrorResponse(error);
  if (status >= 500) {
    request.log.error(
      {
        method: request.method,
        route: request.routeOptions.url,
        status,
        errorName: error instanceof Error ? error.name : typeof error,
        stack: stackWithoutMessage(error),
      },
      'request failed',
    );
  }
  if (status === 503 || status === 429) void reply.header('retry-after', String(RETRY_AFTER_SECONDS));
  return reply.status(status).type('application/json; charset=utf-8').send(body);
}

/** Status and code of the HTTP parser's errors, before any request exists (malformed request line, huge headers). */
function clientErrorStatus(code: string | undefined): number {
  if (code === 'HPE_HEADER_OVERFLOW') return 431;
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return 408;
  if (code === 'HPE_URI_TOO_LONG') return 414;
  return 400;
}

/**
 * The HTTP server's `clientError` handler: the same error envelope as every other error, then the connection is
 * closed (the parser cannot continue on it).
 */
export function handleClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const status = clientErrorStatus(error.code);
  const code = FRAMEWORK_CODES[status] ?? 'BAD_REQUEST';
  const message =
    status === 431
      ? 'the request headers are too large'
      : status === 408
        ? 'the request was not received in time'
        : 'the request could not be parsed as HTTP';
  const body = JSON.stringify({ error: { code, message } });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}
