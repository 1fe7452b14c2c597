// SPDX-License-Identifier: MIT
/**
 * Status changes shared by the two kinds of long job the store keeps, runs and trials: both tables have the same
 * status, error and timing columns, and every change is a conditional update so a late message cannot move a job
 * backwards.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import { nowIso } from './records.js';
import type { Database, RunStatus } from './tables.js';

/** A table holding jobs with the run status lifecycle. */
export type JobTable = 'runs' | 'trials';

/** Statuses in which a job may still change. */
export const ACTIVE_STATUSES: readonly RunStatus[] = ['queued', 'running'];
/** Statuses from which a job may be submitted again. */
export const RESUBMITTABLE_STATUSES: readonly RunStatus[] = ['failed', 'interrupted'];

/** A condition on the owner of a job: none when `owner` is undefined (anyone may change it), else `server_id = owner`. */
export function ownedBy(owner: string | undefined) {
  return (eb: ExpressionBuilder<Database, JobTable>) =>
    owner === undefined ? eb.lit(true) : eb('server_id', '=', owner);
}

/** queued/running → `status` with a message; `false` when the job was not active (or, given `owner`, not its). */
export async function stopJob(
  db: Kysely<Database>,
  table: JobTable,
  id: string,
  status: 'failed' | 'interrupted',
  message: string,
  owner?: string,
): Promise<boolean> {
  const r = await db
    .updateTable(table)
    .set({ status, error: message, finished_at: nowIso() })
    .where('id', '=', id)
    .where('status', 'in', ACTIVE_STATUSES)
    .where(ownedBy(owner))
    .executeTakeFirst();
  return r.numUpdatedRows > 0n;
}

/** A job's owner is none, or not a registered server. */
function ownerIsGone(eb: ExpressionBuilder<Database, JobTable>) {
  return eb.or([
    eb('server_id', 'is', null),
    eb('server_id', 'not in', eb.selectFrom('servers').select('id')),
  ]);
}

/** What {@link adoptOrphans} did. */
export interface Adoption {
  /** Jobs now queued under the new owner (they were queued, or running and are started again). */
  readonly adopted: string[];
  /** Jobs marked failed: they were running when their server vanished, on their last allowed start. */
  readonly failed: string[];
}

/**
 * Takes over the active jobs whose owner is not a registered server (gone, or none): each becomes queued under
 * `owner`, a running one with one more attempt. Every takeover is a compare-and-set on the previous owner, status
 * and attempts, so when several servers sweep at once each job goes to exactly one of them. A job that was
 * running and has been started `maxStarts` times is marked failed instead, so a job that kills its server does
 * not go on to kill the next one.
 */
export async function adoptOrphans(
  db: Kysely<Database>,
  table: JobTable,
  owner: string,
  maxStarts: number,
): Promise<Adoption> {
  const orphans = await db
    .selectFrom(table)
    .select(['id', 'server_id', 'status', 'attempts'])
    .where('status', 'in', ACTIVE_STATUSES)
    .where(ownerIsGone)
    .execute();
  const adoption: Adoption = { adopted: [], failed: [] };
  for (const orphan of orphans) {
    const restart = orphan.status === 'running';
    const giveUp = restart && orphan.attempts >= maxStarts;
    const r = await db
      .updateTable(table)
      .set(
        giveUp
          ? { status: 'failed', error: lostTooOften(orphan.attempts), finished_at: nowIso() }
          : {
              status: 'queued',
              server_id: owner,
              progress: 0,
              error: null,
              started_at: null,
              finished_at: null,
              attempts: restart ? orphan.attempts + 1 : orphan.attempts,
            },
      )
      .where('id', '=', orphan.id)
      .where('status', '=', orphan.status)
      .where('attempts', '=', orphan.attempts)
      .where('server_id', orphan.server_id === null ? 'is' : '=', orphan.server_id)
      // Still gone: an owner that registered again since the select keeps its job.
      .where(ownerIsGone)
      .executeTakeFirst();
    if (r.numUpdatedRows > 0n) (giveUp ? adoption.failed : adoption.adopted).push(orphan.id);
  }
  return adoption;
}

/** The message of a job whose servers stopped during each of its starts. */
export function lostTooOften(starts: number): string {
  return (
    `the server running this job stopped during each of its ${starts} starts; it is not started again ` +
    'automatically (it may be what stops the servers); resubmit it to try once more'
  );
}

/**
 * Of `ids`, the jobs that are still active and owned by `owner`. The others were cancelled through another
 * server, or taken over after `owner` was declared gone: `owner` must stop working on them.
 */
export async function ownedActiveJobs(
  db: Kysely<Database>,
  table: JobTable,
  owner: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom(table)
    .select('id')
    .where('id', 'in', ids)
    .where('status', 'in', ACTIVE_STATUSES)
    .where('server_id', '=', owner)
    .execute();
  return new Set(rows.map((r) => r.id));
}
