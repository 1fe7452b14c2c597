// SPDX-License-Identifier: MIT
/**
 * The job repository runs and trials share: both tables have the same status, progress, error, attempt and timing
 * columns and the same life cycle (queued → running → done | failed | interrupted, and failed or interrupted →
 * queued again). Every state change is a conditional update, so a late message cannot move a job backwards; given
 * an `owner` (a server id) it is also conditional on that server owning the job, so a job taken over by another
 * server is never written by its previous one again. Each kind adds its own document column and what it stores
 * when done.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { adoptOrphans, ownedActiveJobs, ownedBy, RESUBMITTABLE_STATUSES, stopJob } from './job-status.js';
import type { Adoption, JobTable } from './job-status.js';
import { nowIso } from './records.js';
import type { JobSummary } from './records.js';
import type { Database, RunStatus } from './tables.js';

/** The columns of a job in a listing. */
export const JOB_SUMMARY_COLUMNS = [
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
] as const satisfies readonly (keyof JobSummary)[];

/** The job columns of a new queued job, owned by server `owner` (none: any server may take it). */
export function newJob(name: string, clientId: string, owner?: string): JobSummary {
  return {
    id: randomUUID(),
    name,
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
}

/** A page of a job listing, optionally of one status. */
export interface JobListQuery {
  readonly limit: number;
  readonly offset: number;
  readonly status?: RunStatus;
}

/** What resubmitting keeps: a run starts over (progress 0), a trial resumes from its stored shards. */
export interface JobKind {
  readonly table: JobTable;
  readonly resetProgressOnRequeue: boolean;
}

/** The life cycle of one job table. */
export class JobRepository {
  constructor(
    protected readonly db: Kysely<Database>,
    private readonly kind: JobKind,
  ) {}

  /** Jobs without their documents, newest first, optionally of one status. */
  list(query: JobListQuery): Promise<JobSummary[]> {
    let q = this.db.selectFrom(this.kind.table).select(JOB_SUMMARY_COLUMNS);
    if (query.status) q = q.where('status', '=', query.status);
    return q.orderBy('created_at', 'desc').orderBy('id').limit(query.limit).offset(query.offset).execute();
  }

  /** queued → running. `false` when the job is no longer queued (cancelled meanwhile). */
  async markRunning(id: string, owner?: string): Promise<boolean> {
    const r = await this.db
      .updateTable(this.kind.table)
      .set({ status: 'running', started_at: nowIso() })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .where(ownedBy(owner))
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }

  /** Records the progress (0..1) of a running job. */
  async setProgress(id: string, progress: number, owner?: string): Promise<void> {
    await this.db
      .updateTable(this.kind.table)
      .set({ progress: Math.min(1, Math.max(0, progress)) })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where(ownedBy(owner))
      .execute();
  }

  /**
   * queued/running → `status` (failed or interrupted) with a message. `false` when the job was not active (or,
   * given `owner`, not that server's).
   */
  stop(id: string, status: 'failed' | 'interrupted', message: string, owner?: string): Promise<boolean> {
    return stopJob(this.db, this.kind.table, id, status, message, owner);
  }

  /**
   * Takes over the active jobs of servers that are gone (or of none): they become queued under `owner`; see
   * {@link adoptOrphans}.
   */
  adoptOrphans(owner: string, maxStarts: number): Promise<Adoption> {
    return adoptOrphans(this.db, this.kind.table, owner, maxStarts);
  }

  /** Of `ids`, the jobs still active and owned by `owner` (the others are no longer its to run). */
  ownedActive(owner: string, ids: readonly string[]): Promise<Set<string>> {
    return ownedActiveJobs(this.db, this.kind.table, owner, ids);
  }

  /**
   * failed/interrupted → queued again under server `owner` (none: any server may take it), one more attempt.
   * `false` when not resubmittable.
   */
  async requeue(id: string, owner?: string): Promise<boolean> {
    const r = await this.db
      .updateTable(this.kind.table)
      .set((eb) => ({
        status: 'queued',
        ...(this.kind.resetProgressOnRequeue ? { progress: 0 } : {}),
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

  /**
   * running → done inside `trx`. `false` when the job is no longer running (or, given `owner`, no longer that
   * server's): nothing else may be written then.
   */
  protected async markDone(trx: Transaction<Database>, id: string, owner?: string): Promise<boolean> {
    const r = await trx
      .updateTable(this.kind.table)
      .set({ status: 'done', progress: 1, error: null, finished_at: nowIso() })
      .where('id', '=', id)
      .where('status', '=', 'running')
      .where(ownedBy(owner))
      .executeTakeFirst();
    return r.numUpdatedRows > 0n;
  }
}
