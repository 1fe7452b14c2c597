// SPDX-License-Identifier: MIT
/**
 * The Fastify application: OpenAPI docs at `/docs` (JSON at `/docs/json`), `GET /health`, the data routes under
 * `/api/v1` behind bearer-token auth when a token is configured, the run queue, and the web app's static files.
 */
import { randomUUID } from 'node:crypto';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { LogController } from 'fastify';
import type { FastifyInstance } from 'fastify';
import { serializerCompiler } from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Store } from '../store/index.js';
import { authenticate, checkBinding } from './auth.js';
import { ApiError, handleClientError, handleError, zodValidatorCompiler } from './errors.js';
import { AnalysisPool } from './jobs/analysis-pool.js';
import { ProgressBoard } from './jobs/progress-board.js';
import { registerBrowserProtections } from './hardening.js';
import { registerJsonParser } from './json-body.js';
import { RunQueue } from './jobs/run-queue.js';
import { ServerPresence } from './jobs/server-presence.js';
import { TrialRunner } from './jobs/trial-runner.js';
import { logResponses, loggerOptions } from './logging.js';
import { registerAdminRoutes } from './routes/admin.js';
import { openApiTransform, openApiTransformObject } from './openapi.js';
import { registerAnalysisRoutes } from './routes/analysis.js';
import { DEFAULT_MAX_SAMPLE_VALUES } from './routes/context.js';
import type { RouteContext, ZodApp } from './routes/context.js';
import { registerHealthRoute } from './routes/health.js';
import { registerNonmemRoutes } from './routes/nonmem.js';
import { registerPatientRoutes } from './routes/patients.js';
import { registerRunRoutes } from './routes/runs.js';
import { registerScenarioRoutes } from './routes/scenarios.js';
import { registerProgressRoutes } from './routes/progress.js';
import { registerSensitivityRoutes } from './routes/sensitivity.js';
import { registerTrialRoutes } from './routes/trials.js';
import { registerTwinRoutes } from './routes/twin.js';
import { registerStaticFiles } from './static-files.js';
import { packageVersion } from './version.js';

/** Options of {@link buildServer}; every limit has a default. */
export interface ServerOptions {
  readonly store: Store;
  /** A bearer token every data route then requires (e.g. from ENDOTWIN_TOKEN); at least 16 characters. */
  readonly token?: string;
  /** The address the caller will listen on (default 127.0.0.1); a non-loopback one requires a token. */
  readonly host?: string;
  /**
   * Proxies whose `X-Forwarded-For` names the client (Fastify's `trustProxy`: `true`, or addresses/CIDRs separated
   * by commas). Without it, a client is its socket address (or its token).
   */
  readonly trustProxy?: boolean | string;
  /** Most queued + running runs per client (default 2); one more is a 429. */
  readonly maxConcurrentRunsPerClient?: number;
  /** Longest scenario or trial the API simulates, days (default 365; the OpenAPI document states it). */
  readonly maxDurationDays?: number;
  /** Most sampled values (samples × series, `t_min` included) one run may return (default 2,000,000); more is a 400. */
  readonly maxSampleValues?: number;
  /** Most sampled values the stored results of one client may hold (default 50,000,000, 400 MB); more is a 403. */
  readonly maxStoredValuesPerClient?: number;
  /** Largest request body, bytes (default 1 MiB); more is a 413. */
  readonly bodyLimitBytes?: number;
  /** Time allowed to receive a whole request, ms (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** Simulation worker threads (default: cores − 1, at least 1). */
  readonly workers?: number;
  /** Minimum time between two progress writes of a run, ms (default 500). */
  readonly progressIntervalMs?: number;
  /** A run taking longer is stopped and marked failed, ms (default one hour). */
  readonly maxRunMs?: number;
  /** Most time one analysis call (pulse detection) may take, ms (default 30 s); more is a 422. */
  readonly analysisTimeoutMs?: number;
  /** Most time one twin fit (with its prediction) may take, ms (default 25 s); more is a 422 `FIT_TIMEOUT`. */
  readonly fitTimeoutMs?: number;
  /** Folder of the built web app; served at `/` when it exists. */
  readonly webRoot?: string;
  /** Log one line per response (method, route, status) with pino (default false). */
  readonly logger?: boolean;
  /** Time between two heartbeats of this server in the store, ms (default 5 s). */
  readonly heartbeatMs?: number;
  /**
   * A server sharing the database that has not written a heartbeat for this long is gone: this server takes over
   * its unfinished runs and trials, ms (default 30 s).
   */
  readonly serverLeaseMs?: number;
}

/** Defaults of the {@link ServerOptions} limits. */
export const SERVER_DEFAULTS = {
  host: '127.0.0.1',
  maxConcurrentRunsPerClient: 2,
  maxDurationDays: 365,
  maxSampleValues: DEFAULT_MAX_SAMPLE_VALUES,
  maxStoredValuesPerClient: 50_000_000,
  bodyLimitBytes: 1024 * 1024,
  requestTimeoutMs: 30_000,
  analysisTimeoutMs: 30_000,
  fitTimeoutMs: 25_000,
} as const;

async function registerDocs(app: FastifyInstance, version: string, maxDurationDays: number): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      info: {
        title: 'endotwin API',
        description:
          'Scenarios in, results out: the HTTP face of the endotwin simulator (research and education only; not a ' +
          'medical device). Errors are `{ error: { code, message, path? } }`.',
        version,
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
    transform: openApiTransform(maxDurationDays),
    transformObject: openApiTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/docs' });
}

function dataRoutes(ctx: RouteContext, token: string | undefined, tokenRequired: boolean) {
  return (api: FastifyInstance): Promise<void> => {
    api.addHook('onRequest', authenticate(ctx.store, token, tokenRequired));
    const app: ZodApp = api.withTypeProvider<ZodTypeProvider>();
    registerScenarioRoutes(app, ctx);
    registerPatientRoutes(app, ctx);
    registerRunRoutes(app, ctx);
    registerAnalysisRoutes(app, ctx);
    registerTrialRoutes(app, ctx);
    registerTwinRoutes(app, ctx);
    registerSensitivityRoutes(app, ctx);
    registerProgressRoutes(app, ctx);
    registerNonmemRoutes(app, ctx);
    registerAdminRoutes(app, ctx);
    return Promise.resolve();
  };
}

/**
 * Builds the API server (not yet listening): registers it in the store with a heartbeat and takes over the
 * unfinished runs and trials of servers that are gone. Closing it stops the run queue and the trial runner (their
 * unfinished jobs become `interrupted`) and removes the server from the store. The caller owns the store and
 * closes it after the server.
 * @throws Error when `host` is not loopback and no token exists (ENDOTWIN_TOKEN or the api_tokens table).
 * @example const app = await buildServer({ store }); await app.listen({ host: '127.0.0.1', port: 8080 });
 */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const token = options.token === '' ? undefined : options.token;
  const storedTokens = await options.store.tokens.count();
  checkBinding(options.host ?? SERVER_DEFAULTS.host, token, storedTokens);
  const version = packageVersion();

  const bodyLimit = options.bodyLimitBytes ?? SERVER_DEFAULTS.bodyLimitBytes;
  const app = Fastify({
    logger: loggerOptions(options.logger ?? false),
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    ...(options.trustProxy !== undefined ? { trustProxy: options.trustProxy } : {}),
    requestTimeout: options.requestTimeoutMs ?? SERVER_DEFAULTS.requestTimeoutMs,
    // The router's own errors (bad URL encoding, 414) and the HTTP parser's (431) use the API's error envelope.
    frameworkErrors: (error, request, reply) => {
      void handleError(error, request, reply);
    },
    clientErrorHandler: handleClientError,
  });
  registerJsonParser(app, bodyLimit);
  app.setValidatorCompiler(zodValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request) => {
    throw new ApiError(404, 'NOT_FOUND', `no route for ${request.method} ${request.url.split('?')[0]}`);
  });
  app.decorateRequest('clientId', '');
  const tokenRequired = token !== undefined || storedTokens > 0;
  registerBrowserProtections(app, {
    checkHost: !tokenRequired,
    configuredHost: options.host ?? SERVER_DEFAULTS.host,
  });
  if (options.logger) logResponses(app);

  const serverId = randomUUID();
  const queue = new RunQueue(options.store, {
    serverId,
    maxConcurrentRunsPerClient:
      options.maxConcurrentRunsPerClient ?? SERVER_DEFAULTS.maxConcurrentRunsPerClient,
    ...(options.workers !== undefined ? { workers: options.workers } : {}),
    ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
    ...(options.maxRunMs !== undefined ? { maxRunMs: options.maxRunMs } : {}),
    onError: (error) =>
      app.log.error({ errorName: error instanceof Error ? error.name : typeof error }, 'run queue error'),
    onFinalWriteRetry: (runId, attempt) =>
      app.log.warn({ runId, attempt }, 'database unavailable for a run’s final write; retrying'),
  });
  const trials = new TrialRunner(options.store, {
    serverId,
    onError: (error) =>
      app.log.error({ errorName: error instanceof Error ? error.name : typeof error }, 'trial runner error'),
  });
  const analysis = new AnalysisPool(options.analysisTimeoutMs ?? SERVER_DEFAULTS.analysisTimeoutMs);
  const presence = new ServerPresence(options.store, queue, trials, {
    ...(options.heartbeatMs !== undefined ? { heartbeatMs: options.heartbeatMs } : {}),
    ...(options.serverLeaseMs !== undefined ? { leaseMs: options.serverLeaseMs } : {}),
    onError: (error) =>
      app.log.warn({ errorName: error instanceof Error ? error.name : typeof error }, 'heartbeat failed'),
    onTakeover: (event) => app.log.warn(event, 'took over the unfinished jobs of a server that is gone'),
  });
  app.addHook('onClose', async () => {
    await presence.stop();
    await Promise.all([queue.close(), trials.close(), analysis.close()]);
    // Last: until its jobs are marked interrupted, no other server may take them over.
    await presence.leave();
  });
  await presence.start();

  const maxDurationDays = options.maxDurationDays ?? SERVER_DEFAULTS.maxDurationDays;
  await registerDocs(app, version, maxDurationDays);
  registerHealthRoute(app.withTypeProvider<ZodTypeProvider>(), version, options.store, serverId);
  const ctx: RouteContext = {
    store: options.store,
    queue,
    trials,
    analysis,
    progress: new ProgressBoard(),
    maxDurationDays,
    maxSampleValues: options.maxSampleValues ?? SERVER_DEFAULTS.maxSampleValues,
    maxStoredValuesPerClient: options.maxStoredValuesPerClient ?? SERVER_DEFAULTS.maxStoredValuesPerClient,
    fitTimeoutMs: options.fitTimeoutMs ?? SERVER_DEFAULTS.fitTimeoutMs,
  };
  await app.register(dataRoutes(ctx, token, tokenRequired), { prefix: '/api/v1' });
  if (options.webRoot !== undefined) registerStaticFiles(app, options.webRoot);
  return app;
}
