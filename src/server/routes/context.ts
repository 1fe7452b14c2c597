// SPDX-License-Identifier: MIT
/** What the route modules share: the store, the run queue and the API's limits. */
import type { FastifyInstance, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { parseScenario } from '../../scenario/index.js';
import { prepareScenario, type PreparedScenario } from '../../simulate/index.js';
import type { Store } from '../../store/index.js';
import { ApiError } from '../errors.js';
import type { AnalysisPool } from '../jobs/analysis-pool.js';
import type { RunQueue } from '../jobs/run-queue.js';

/** The Fastify instance as route modules see it: zod-typed requests and replies. */
export type ZodApp = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** Shared services and limits of the routes. */
export interface RouteContext {
  readonly store: Store;
  readonly queue: RunQueue;
  /** Off-thread pool for the CPU-heavy analysis functions. */
  readonly analysis: AnalysisPool;
  /** Longest `duration_days` the API accepts. */
  readonly maxDurationDays: number;
}

/**
 * Checks a scenario the request schema already accepted: the API's cap on `duration_days` first (so an over-long
 * scenario is not expanded), then {@link prepareScenario} (cross-field checks, normalisation, series names known to
 * the model, the regimen and lifestyle expansion, screening).
 * @throws ScenarioError (400 with the field path) or ApiError for a scenario longer than the cap.
 */
export function prepareApiScenario(document: unknown, maxDurationDays: number): PreparedScenario {
  const scenario = parseScenario(document);
  if (scenario.duration_days > maxDurationDays) {
    throw new ApiError(
      400,
      'INVALID_SCENARIO',
      `duration_days: this server simulates at most ${maxDurationDays} days per run, got ${scenario.duration_days}; ` +
        'use the command line for longer runs',
      'duration_days',
    );
  }
  return prepareScenario({ scenario });
}
