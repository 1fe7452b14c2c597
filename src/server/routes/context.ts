// SPDX-License-Identifier: MIT
/** What the route modules share: the store, the run queue and the API's limits. */
import type { FastifyInstance, RawServerDefault, FastifyBaseLogger } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type Scenario } from '../../scenario/index.js';
import { parseScenario } from '../../protocol/index.js';
import { prepareScenario, type PreparedScenario } from '../../simulate/index.js';
import type { Store } from '../../store/index.js';
import { ApiError } from '../errors.js';
import type { AnalysisPool } from '../jobs/analysis-pool.js';
import type { ProgressBoard } from '../jobs/progress-board.js';
import type { RunQueue } from '../jobs/run-queue.js';
import type { TrialRunner } from '../jobs/trial-runner.js';

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
  /** The trial job queue (one trial at a time). */
  readonly trials: TrialRunner;
  /** Off-thread pool for the CPU-heavy analysis functions. */
  readonly analysis: AnalysisPool;
  /** Progress of long requests named with `?progress=<uuid>` (`GET /progress/{token}`). */
  readonly progress: ProgressBoard;
  /** Longest `duration_days` the API accepts. */
  readonly maxDurationDays: number;
  /** Most sampled values (samples × series, `t_min` included) one run may return. */
  readonly maxSampleValues: number;
  /** Most sampled values the stored results of one client may hold together. */
  readonly maxStoredValuesPerClient: number;
  /** Most time one twin fit (with its prediction) may take, ms. */
  readonly fitTimeoutMs: number;
}

/** Default of {@link RouteContext.maxSampleValues}: 2 million values, 16 MB as stored doubles. */
export const DEFAULT_MAX_SAMPLE_VALUES = 2_000_000;

/** How many values a scenario's series hold: samples in the output window × (series + `t_min`). */
export function sampleValues(scenario: Scenario): number {
  const [from, to] = scenario.output.window_days;
  const samples = Math.floor(((to - from) * 1440) / scenario.output.sample_every_min) + 1;
  return samples * (scenario.output.series.length + 1);
}

function checkSampleValues(scenario: Scenario, maxSampleValues: number): void {
  const values = sampleValues(scenario);
  if (values <= maxSampleValues) return;
  const { sample_every_min, window_days, series } = scenario.output;
  throw new ApiError(
    400,
    'INVALID_SCENARIO',
    `output: samples × series may be at most ${maxSampleValues} values per run, got ${values} ` +
      `(output.window_days [${window_days[0]}, ${window_days[1]}] every output.sample_every_min ${sample_every_min} ` +
      `min × ${series.length} output.series + t_min); sample less often, shorten the window or ask for fewer series`,
    'output',
  );
}

/**
 * Checks a scenario the request schema already accepted: the API's caps on `duration_days` and on samples ×
 * series first (so an over-long scenario is not expanded), then {@link prepareScenario} (cross-field checks,
 * normalisation, series names known to the model, the regimen and lifestyle expansion, screening).
 * @throws ScenarioError (400 with the field path) or ApiError for a scenario longer than the cap.
 */
export function prepareApiScenario(
  document: unknown,
  maxDurationDays: number,
  maxSampleValues: number = DEFAULT_MAX_SAMPLE_VALUES,
): PreparedScenario {
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
  checkSampleValues(scenario, maxSampleValues);
  return prepareScenario({ scenario });
}
