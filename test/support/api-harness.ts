// SPDX-License-Identifier: MIT
/** Starting the API on a real loopback socket for tests, and small HTTP helpers around `fetch`. */
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/index.js';
import type { ServerOptions } from '../../src/server/index.js';
import { READINESS_TIMEOUT_MS, waitUntil } from './wait.js';

/** A listening test server. */
export interface TestServer {
  readonly app: FastifyInstance;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
  close(): Promise<void>;
}

/** Builds the server with one worker thread (the test machines have two cores) and listens on a free port. */
export async function startTestServer(options: ServerOptions): Promise<TestServer> {
  const app = await buildServer({ workers: 1, progressIntervalMs: 100, ...options });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the test server has no TCP address');
  return { app, baseUrl: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/** A response with its body read: parsed JSON when the server sent JSON, the text otherwise. */
export interface TestResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: T;
}

/** Sends a request; a non-string `body` is sent as JSON. */
export async function request<T = unknown>(
  baseUrl: string,
  method: string,
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<TestResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(body !== undefined ? { body } : {}),
  });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('json') === true;
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: (isJson ? JSON.parse(text) : undefined) as T,
  };
}

/** A run as `GET /api/v1/runs/{id}` returns it. */
export interface RunView {
  id: string;
  name: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'interrupted';
  progress: number;
  error?: string;
  attempts: number;
}

/** Polls a run every 100 ms until it leaves queued/running; returns every view seen, the last one final. */
export async function pollRun(
  baseUrl: string,
  id: string,
  timeoutMs = READINESS_TIMEOUT_MS,
): Promise<RunView[]> {
  const seen: RunView[] = [];
  await waitUntil(
    async () => {
      const { status, json } = await request<RunView>(baseUrl, 'GET', `/api/v1/runs/${id}`);
      if (status !== 200) throw new Error(`GET /api/v1/runs/${id} answered ${status}`);
      seen.push(json);
      return json.status !== 'queued' && json.status !== 'running';
    },
    `run ${id} to finish`,
    { timeoutMs, everyMs: 100 },
  );
  return seen;
}
