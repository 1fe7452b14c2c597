// SPDX-License-Identifier: MIT
/**
 * Virtual trials in the store: the `trials` table (document, status, progress), `trial_shards` (each finished
 * shard's outcomes, written once under its id, so a trial stopped by a restart resumes without recomputing or
 * double-counting a shard) and `trial_results` (the finished result document). Documents are JSON text; the
 * store does not interpret them (the cohort layer does).
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Kysely, Migration, Selectable } from 'kysely';
import { adoptOrphans, ownedActiveJobs, RESUBMITTABLE_STATUSES, stopJob } from './job-status.js';
import type { Adoption } from './job-status.js';
import { ownedBy } from './job-status.js';
import { nowIso } from './records.js';
import type { Database, TrialsTable } from './tables.js';
import { inTransaction } from './operational-errors.js';

/** Migration 0002: the trial tables. */
export function trialsMigration(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('trials')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed', 'interrupted')`),
        )
        .addColumn('progress', 'double precision', (c) =>
          c
            .notNull()
            .defaultTo(0)
            .check(sql`progress >= 0 and progress <= 1`),
        )
        .addColumn('error', 'text')
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('trials_created_at').on('trials').column('created_at').execute();
      await db.schema
        .createTable('trial_shards')
        .addColumn('trial_id', 'text', (c) => c.notNull().references('trials.id').onDelete('cascade'))
        .addColumn('shard_id', 'integer', (c) => c.notNull())
        .addColumn('outcomes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('trial_shards_pk', ['trial_id', 'shard_id'])
        .execute();
      await db.schema
        .createTable('trial_results')
        .addColumn('trial_id', 'text', (c) => c.primaryKey().references('trials.id').onDelete('cascade'))
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['trial_results', 'trial_shards', 'trials'])
        await db.schema.dropTable(table).execute();
    },
  };
}

/** A stored trial; `document` is the normalised trial document. */
export interface TrialRecord extends Omit<Selectable<TrialsTable>, 'document'> {
  document: unknown;
}

/** A trial in a listing, without its document. */
export type TrialSummary = Omit<TrialRecord, 'document'>;

const SUMMARY_COLUMNS = [
  'id',
  'name',
  'status',
  'progress',
  'error',
  'client_id',
  'attempts',
  'created_at',
  'started_at',
  'finished_at',
  'server_id',
] as const satisfies readonly (keyof TrialSummary)[];

/** Trials. State changes are conditional updates, as for runs, so a late write cannot move a trial backwards. */
export class TrialRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new queued trial, owned by server `owner` (none: any server may take it). */
  async create(name: string, document: unknown, clientId: string, owner?: string): Promise<TrialRecord> {
    const record: TrialRecord = {
      id: randomUUID(),
      name,
      document,
      status: 'queued',
      progress: 0,
      error: null,
      client_id: clientId,
      attempts: 1,
      created_at: nowIso(),
      started_at: null,
      finished_at: null,
      server_id: owner ?? null,
    };
    await this.db
      .insertInto('trials')
      .values({ ...record, document: JSON.stringify(document) })
      .execute();
    return record;
  }

  /** One trial with its document, or `undefined`. */
  async get(id: string): Promise<TrialRecord | undefined> {
    const row = await this.db.selectFrom('trials').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { ...row, document: JSON.parse(row.document) as unknown };
  }

  /** Trials without their documents, newest first. */
  list(query: { limit: number; offset: number }): Promise<TrialSummary[]> {
    return this.db
      .selectFrom('trials')
      .select(SUMMARY_COLUMNS)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(query.limit)
      .offset(query.offset)
      .execute();
  }

  /** queued → running. `false` when the trial is no longer queued. */
  async markRunning(id: string, owner?: string): Promise<boolean> {
    const r = await this.db
      .updateTable('trials')
      .set({ status: 'running', started_at: nowIso() })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .where(ownedBy(owner))
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  /** Records the progress (0..1) of a running trial. */
  async setProgress(id: string, progress: number, owner?: string): Promise<void> {
    await this.db
      .updateTable('trials')
      .set({ progress: Math.min(1, Math.max(0, progress)) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where(ownedBy(owner))
      .execute();
  }

  /** Stores a finished shard's outcomes; a second write of the same shard is ignored (idempotent). */
  async saveShard(id: string, shardId: number, outcomes: unknown): Promise<void> {
    await this.db
      .insertInto('trial_shards')
      .values({ trial_id: id, shard_id: shardId, outcomes: JSON.stringify(outcomes), created_at: nowIso() })
      .onConflict((oc) => oc.columns(['trial_id', 'shard_id']).doNothing())
      .execute();
  }

  /** The stored shards of a trial: shard id → outcomes. */
  async shards(id: string): Promise<Map<number, unknown>> {
    const rows = await this.db
      .selectFrom('trial_shards')
      .select(['shard_id', 'outcomes'])
      .where('trial_id', '=', id)
      .execute();
    return new Map(rows.map((r) => [Number(r.shard_id), JSON.parse(r.outcomes) as unknown]));
  }

  /** running → done with its result, in one transaction; `false` (nothing written) when no longer running. */
  complete(id: string, result: unknown, owner?: string): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      const r = await trx
        .updateTable('trials')
        .set({ status: 'done', progress: 1, error: null, finished_at: nowIso() })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .where(ownedBy(owner))
        .executeTakeFirst();
      if (r.numUpdatedRows === 0n) return false;
      await trx
        .insertInto('trial_results')
        .values({ trial_id: id, document: JSON.stringify(result), created_at: nowIso() })
        .execute();
      return true;
    });
  }

  /** The result document of a finished trial, or `undefined`. */
  async result(id: string): Promise<unknown> {
    const row = await this.db
      .selectFrom('trial_results')
      .select('document')
      .where('trial_id', '=', id)
      .executeTakeFirst();
    return row && (JSON.parse(row.document) as unknown);
  }

  /** queued/running → failed or interrupted with a message. `false` when the trial was not active. */
  stop(id: string, status: 'failed' | 'interrupted', message: string, owner?: string): Promise<boolean> {
    return stopJob(this.db, 'trials', id, status, message, owner);
  }

  /**
   * Takes over the active trials of servers that are gone (or of none): they become queued under `owner`; see
   * {@link adoptOrphans}.
   */
  adoptOrphans(owner: string, maxStarts: number): Promise<Adoption> {
    return adoptOrphans(this.db, 'trials', owner, maxStarts);
  }

  /** Of `ids`, the trials still active and owned by `owner` (the others are no longer its to run). */
  ownedActive(owner: string, ids: readonly string[]): Promise<Set<string>> {
    return ownedActiveJobs(this.db, 'trials', owner, ids);
  }

  /** failed/interrupted → queued again under server `owner` (its stored shards are kept). `false` when not resubmittable. */
  async requeue(id: string, owner?: string): Promise<boolean> {
    const r = await this.db
      .updateTable('trials')
      .set((eb) => ({
        status: 'queued',
        error: null,
        started_at: null,
        finished_at: null,
        server_id: owner ?? null,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where('status', 'in', RESUBMITTABLE_STATUSES)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }
}
