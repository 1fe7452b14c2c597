// SPDX-License-Identifier: MIT
/** The `runs` table: simulation jobs and their life cycle (queued → running → done | failed | interrupted). */
import type { Kysely, Selectable } from 'kysely';
import type { Result, Scenario } from '../scenario/index.js';
import { ACTIVE_STATUSES } from './job-status.js';
import { JOB_SUMMARY_COLUMNS, JobRepository, newJob } from './jobs.js';
import type { JobListQuery } from './jobs.js';
import type { RunRecord, RunSummary } from './records.js';
import { insertResult } from './results.js';
import type { Database, RunsTable } from './tables.js';
import { inTransaction } from './operational-errors.js';

function toRecord(row: Selectable<RunsTable>): RunRecord {
  return { ...row, scenario: JSON.parse(row.scenario) as Scenario };
}

/** Runs: the shared job life cycle, the run's scenario and uncertainty draws, and its result stored when done. */
export class RunRepository extends JobRepository {
  constructor(db: Kysely<Database>) {
    super(db, { table: 'runs', resetProgressOnRequeue: true });
  }

  /** Runs without their scenarios, newest first, optionally of one status, with their uncertainty draws. */
  override list(query: JobListQuery): Promise<RunSummary[]> {
    let q = this.db.selectFrom('runs').select([...JOB_SUMMARY_COLUMNS, 'uncertainty_draws']);
    if (query.status) q = q.where('status', '=', query.status);
    return q.orderBy('created_at', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute();
  }

  /**
   * Stores a new queued run for a normalised scenario; with `uncertaintyDraws`, its result is to carry the
   * uncertainty bands of that many draws of the patient's parameters; owned by server `owner` (none: any server
   * may take it).
   */
  async create(
    scenario: Scenario,
    clientId: string,
    owner?: string,
    uncertaintyDraws: number | null = null,
  ): Promise<RunRecord> {
    const record: RunRecord = {
      ...newJob(scenario.name, clientId, owner),
      scenario,
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

  /**
   * running → done and the result stored, in one transaction. `false` (and nothing written) when the run is no
   * longer running (or, given `owner`, no longer that server's), e.g. it was cancelled while the worker finished.
   */
  complete(id: string, result: Result, owner?: string): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      if (!(await this.markDone(trx, id, owner))) return false;
      await insertResult(trx, id, result);
      return true;
    });
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
}
