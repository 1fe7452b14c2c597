// SPDX-License-Identifier: MIT
/**
 * The database schema as Kysely table types, shared by the SQLite and PostgreSQL back-ends. JSON documents are
 * stored as text (kept verbatim), times as ISO-8601 UTC text (sortable), series as little-endian Float64 blobs.
 */
import type { Generated } from 'kysely';

/** Where a run stands. `interrupted`: stopped before it finished (server restart or cancel); it can be resubmitted. */
export type RunStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';

/** Every run status, in lifecycle order. */
export const RUN_STATUSES = [
  'queued',
  'running',
  'done',
  'failed',
  'interrupted',
] as const satisfies readonly RunStatus[];

/** `patients`: a real or virtual person, their covariates and imported lab values. */
export interface PatientsTable {
  id: string;
  name: string;
  /** JSON: the scenario's `patient` block (covariates). */
  covariates: string;
  /** JSON: an array of imported lab measurements. */
  labs: string;
  created_at: string;
}

/** `scenarios`: saved scenario documents, as the user wrote them (already validated). */
export interface ScenariosTable {
  id: string;
  name: string;
  /** JSON: the scenario document. */
  document: string;
  created_at: string;
  /** What the scenario is for (an example's leading comment); `null` when none was given. */
  description: string | null;
}

/** The columns every job table (`runs`, `trials`) has: who asked, where it stands, when it ran. */
export interface JobColumns {
  id: string;
  name: string;
  status: RunStatus;
  /** Fraction done, 0..1. */
  progress: number;
  error: string | null;
  client_id: string;
  /** How many times the job was started (1 + resubmissions). */
  attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  /** The server that owns the job while it is active (migration 0005); `null` when no server owns it. */
  server_id: string | null;
}

/** `runs`: one simulation job and its life cycle. */
export interface RunsTable extends JobColumns {
  /** JSON: the normalised scenario that is (or was) simulated. */
  scenario: string;
  /** Draws for the result's uncertainty bands (migration 0006), or null for none. */
  uncertainty_draws: number | null;
}

/** `results`: the result document of a finished run, without its series. */
export interface ResultsTable {
  run_id: string;
  /** JSON: the result document with `series` left out. */
  document: string;
  created_at: string;
}

/** `result_series`: one sampled series of a result as a little-endian Float64 blob (bytea in PostgreSQL). */
export interface ResultSeriesTable {
  run_id: string;
  name: string;
  /** Position of the series in the result's `series` object, so key order survives the round trip. */
  position: number;
  /** Number of samples (the blob holds 8 bytes per sample). */
  length: number;
  data: Uint8Array;
}

/** What a token may do: `read` (GET requests only) or `read-write`. */
export const TOKEN_SCOPES = ['read', 'read-write'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** `api_tokens`: bearer tokens, stored as SHA-256 hashes only. */
export interface ApiTokensTable {
  id: string;
  name: string;
  token_hash: string;
  /** `read` (GET only) or `read-write` (migration 0003; default read-write). */
  scope: Generated<TokenScope>;
  created_at: string;
}

/** `trials`: virtual trials (migration 0002) and their life cycle, as for runs. */
export interface TrialsTable extends JobColumns {
  /** JSON: the normalised trial document (endotwin/trial/v1). */
  document: string;
}

/** `trial_shards`: the outcomes of one finished shard of a trial, written once. */
export interface TrialShardsTable {
  trial_id: string;
  shard_id: number;
  /** JSON: the shard's patient outcomes. */
  outcomes: string;
  created_at: string;
}

/** `trial_results`: the result document of a finished trial (endotwin/trial-result/v1). */
export interface TrialResultsTable {
  trial_id: string;
  document: string;
  created_at: string;
}

/**
 * `servers`: the API servers using this database (migration 0005). Each one writes a heartbeat; a server whose
 * heartbeat is older than the lease is gone, and the live servers take over its runs and trials.
 */
export interface ServersTable {
  id: string;
  /** Who the server is, for people: host name, process id and address. */
  label: string;
  started_at: string;
  /** The database clock at the last heartbeat, milliseconds since 1970 (one clock for every server). */
  heartbeat_ms: number;
}

/** The whole database, as Kysely sees it. */
export interface Database {
  patients: PatientsTable;
  scenarios: ScenariosTable;
  runs: RunsTable;
  results: ResultsTable;
  result_series: ResultSeriesTable;
  api_tokens: ApiTokensTable;
  trials: TrialsTable;
  trial_shards: TrialShardsTable;
  trial_results: TrialResultsTable;
  servers: ServersTable;
}
