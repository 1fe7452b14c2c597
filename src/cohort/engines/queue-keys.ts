// SPDX-License-Identifier: MIT
/**
 * What the coordinator and the workers of the distributed engine agree on: the queue's name, the Redis keys of a
 * trial, the job id of a shard, and the trial id itself: a hash of the normalised trial, its shards and the
 * model's version, so a coordinator restarted on the same document finds the trial it left and resumes it.
 */
import { createHash } from 'node:crypto';
import { ENGINE_VERSION, MODEL_NAME } from '../model.js';
import type { Trial } from '../schema.js';
import type { Shard } from '../shards.js';

/** The BullMQ queue every trial's shards go through. */
export const QUEUE_NAME = 'endotwin-trial-shards';
/** How long a trial's status and results stay in Redis after the last write, s. */
export const TRIAL_TTL_S = 7 * 24 * 3600;

/** The model the shards must be simulated with: workers of another version refuse them. */
export const MODEL_IDENTITY = `${MODEL_NAME} ${ENGINE_VERSION}`;

/** What a shard job carries: the trial's id and the shard's index (the rest is read from Redis). */
export interface ShardJobData {
  readonly trialId: string;
  readonly shardId: number;
}

/** The trial's fields in its Redis hash. */
export interface TrialMeta {
  /** JSON of the normalised trial. */
  readonly trial: string;
  /** JSON of the shards. */
  readonly shards: string;
  readonly units: string;
  readonly model: string;
  readonly status: 'running' | 'done' | 'failed';
  readonly created_at: string;
  readonly updated_at: string;
  readonly error?: string;
}

/** The Redis keys of one trial: its status hash and its results hash (one field per finished shard). */
export function trialKeys(trialId: string): { meta: string; results: string } {
  return { meta: `endotwin:trial:${trialId}:meta`, results: `endotwin:trial:${trialId}:results` };
}

/** The job id of a shard: one job per shard and trial, so adding it twice adds it once. */
export function shardJobId(trialId: string, shardId: number): string {
  return `${trialId}-${shardId}`;
}

/** The id of a trial: the first 24 hex digits of SHA-256 over the trial, its shards and the model identity. */
export function trialId(trial: Trial, shards: readonly Shard[]): string {
  const text = JSON.stringify({ trial, shards, model: MODEL_IDENTITY });
  return createHash('sha256').update(text).digest('hex').slice(0, 24);
}
