// SPDX-License-Identifier: MIT
/**
 * Virtual trials in the store: the `trials` table (document, status, progress), `trial_shards` (each finished
 * shard's outcomes, written once under its id, so a trial stopped by a restart resumes without recomputing or
 * double-counting a shard) and `trial_results` (the finished result document). Documents are JSON text; the
 * store does not interpret them (the cohort layer does).
 */
import { sql } from 'kysely';
import type { Kysely, Migration, Selectable } from 'kysely';
import { JobRepository, newJob } from './jobs.js';
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

/** Trials: the shared job life cycle, the trial document, its shards, and its result stored when done. */
export class TrialRepository extends JobRepository {
  constructor(db: Kysely<Database>) {
    // A resubmitted trial resumes from its stored shards, so its progress stays.
    super(db, { table: 'trials', resetProgressOnRequeue: false });
  }

  /** Stores a new queued trial. */
  async create(name: string, document: unknown, clientId: string): Promise<TrialRecord> {
    const record: TrialRecord = { ...newJob(name, clientId), document };
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
  complete(id: string, result: unknown): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      if (!(await this.markDone(trx, id))) return false;
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
}
