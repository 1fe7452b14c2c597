// SPDX-License-Identifier: MIT
/** The `runs` table: simulation jobs and their life cycle (queued → running → done | failed | interrupted). */
import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { Result, Scenario } from '../scenario/index.js';
import { ACTIVE_STATUSES, interruptActiveJobs, RESUBMITTABLE_STATUSES, stopJob } from './job-status.js';
import { nowIso } from './records.js';
import type { RunRecord, RunSummary } from './records.js';
import { insertResult } from './results.js';
import type { Database, RunStatus, RunsTable } from './tables.js';
import { inTransaction } from './operational-errors.js';

function toRecord(row: Selectable<RunsTable>): RunRecord {
  return { ...row, scenario: JSON.parse(row.scenario) as Scenario };
}

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
  'uncertainty_draws',
] as const satisfies readonly (keyof RunSummary)[];

/** Runs. Every state change is a conditional update, so a late message cannot move a run backwards. */
export class RunRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores a new queued run for a normalised scenario; with `uncertaintyDraws`, its result is to carry the
   * uncertainty bands of that many draws of the patient's parameters.
   */
  async create(
    scenario: Scenario,
    clientId: string,
    uncertaintyDraws: number | null = null,
  ): Promise<RunRecord> {
    const record: RunRecord = {
      id: randomUUID(),
      name: scenario.name,
      scenario,
      status: 'queued',
      progress: 0,
      error: null,
      client_id: clientId,
      attempts: 1,
      created_at: nowIso(),
      started_at: null,
      finished_at: null,
      uncertainty_draws: uncertaintyDraws,
    };
    await this.db
      .insertInto('runs')
      .values({ ...record, scenario: JSON.stringify(scenario) })
      .execute();
    return record;
  }

  /** One run with its scenario, or `undefined`. */
  async get(id: string): Promise<RunRecord | undefined> {
    const row = await this.db.selectFrom('runs').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toRecord(row);
  }

  /** Runs without their scenarios, newest first, optionally of one status. */
  list(query: { limit: number; offset: number; status?: RunStatus }): Promise<RunSummary[]> {
    let q = this.db.selectFrom('runs').select(SUMMARY_COLUMNS);
    if (query.status) q = q.where('status', '=', query.status);
    return q.orderBy('created_at', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute();
  }

  /** queued → running. `false` when the run is no longer queued (cancelled meanwhile). */
  async markRunning(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable('runs')
      .set({ status: 'running', started_at: nowIso() })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  /** Records progress (0..1) of a running run. */
  async setProgress(id: string, progress: number): Promise<void> {
    await this.db
      .updateTable('runs')
      .set({ progress: Math.min(1, Math.max(0, progress)) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .execute();
  }

  /**
   * running → done and the result stored, in one transaction. `false` (and nothing written) when the run is no
   * longer running, e.g. it was cancelled while the worker finished.
   */
  complete(id: string, result: Result): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      const r = await trx
        .updateTable('runs')
        .set({ status: 'done', progress: 1, error: null, finished_at: nowIso() })
        .where('id', '=', id)
        .where('status', '=', 'running')
        .executeTakeFirst();
      if (r.numUpdatedRows === 0n) return false;
      await insertResult(trx, id, result);
      return true;
    });
  }

  /** queued/running → `status` (failed or interrupted) with a message. `false` when the run was not active. */
  stop(id: string, status: 'failed' | 'interrupted', message: string): Promise<boolean> {
    return stopJob(this.db, 'runs', id, status, message);
  }

  /** Marks every queued or running run interrupted (after a crash, or at shutdown); returns how many. */
  interruptAllActive(message: string): Promise<number> {
    return interruptActiveJobs(this.db, 'runs', message);
  }

  /**
   * Deletes a finished, failed or interrupted run with its result (the result rows cascade). `false` when there
   * is no such run or it is still queued or running (cancel it first).
   */
  async delete(id: string): Promise<boolean> {
    const r = await this.db
      .deleteFrom('runs')
      .where('id', '=', id)
      .where('status', 'not in', ACTIVE_STATUSES)
      .executeTakeFirst();
    return r.numDeletedRows > 0n;
  }

  /** failed/interrupted → queued again, progress reset, one more attempt. `false` when not resubmittable. */
  async requeue(id: string): Promise<boolean> {
    const r = await this.db
      .updateTable('runs')
      .set((eb) => ({
        status: 'queued',
        progress: 0,
        error: null,
        started_at: null,
        finished_at: null,
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', id)
      .where('status', 'in', RESUBMITTABLE_STATUSES)
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }
}
