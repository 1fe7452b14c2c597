// SPDX-License-Identifier: MIT
/**
 * Status changes shared by the two kinds of long job the store keeps, runs and trials: both tables have the same
 * status, error and timing columns, and every change is a conditional update so a late message cannot move a job
 * backwards.
 */
import type { Kysely } from 'kysely';
import { nowIso } from './records.js';
import type { Database, RunStatus } from './tables.js';

/** A table holding jobs with the run status lifecycle. */
export type JobTable = 'runs' | 'trials';

/** Statuses in which a job may still change. */
export const ACTIVE_STATUSES: readonly RunStatus[] = ['queued', 'running'];
/** Statuses from which a job may be submitted again. */
export const RESUBMITTABLE_STATUSES: readonly RunStatus[] = ['failed', 'interrupted'];

/** queued/running → `status` with a message; `false` when the job was not active. */
export async function stopJob(
  db: Kysely<Database>,
  table: JobTable,
  id: string,
  status: 'failed' | 'interrupted',
  message: string,
): Promise<boolean> {
  const r = await db
    .updateTable(table)
    .set({ status, error: message, finished_at: nowIso() })
    .where('id', '=', id)
    .where('status', 'in', ACTIVE_STATUSES)
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** Marks every queued or running job of the table interrupted (at open after a crash, or at shutdown). */
export async function interruptActiveJobs(
  db: Kysely<Database>,
  table: JobTable,
  message: string,
): Promise<number> {
  const r = await db
    .updateTable(table)
    .set({ status: 'interrupted', error: message, finished_at: nowIso() })
    .where('status', 'in', ACTIVE_STATUSES)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
