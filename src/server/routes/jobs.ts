// SPDX-License-Identifier: MIT
/**
 * What the run and trial routes share: a job's fields as the API shows them, admission through a per-client limit
 * (429 past it), and `POST /{runs|trials}/{id}/resubmit`.
 */
import type { z } from 'zod';
import type { JobSummary } from '../../store/index.js';
import { ApiError } from '../errors.js';
import { errorSchema, idParams, runIdResponse } from '../schemas.js';
import type { jobViewShape } from '../schemas.js';
import type { ZodApp } from './context.js';

/** The common fields of a job view (see `jobViewShape`). */
export type JobView = z.output<z.ZodObject<typeof jobViewShape>>;

/** A job's common fields as the API shows them: `error` only when there is one, the client id never. */
export function jobView(job: JobSummary): JobView {
  const view: JobView = {
    id: job.id,
    name: job.name,
    status: job.status,
    progress: job.progress,
    attempts: job.attempts,
    created_at: job.created_at,
    started_at: job.started_at,
    finished_at: job.finished_at,
  };
  if (job.error !== null) view.error = job.error;
  return view;
}

/** A per-client admission limit: its error class and the API code of a refusal (429). */
export interface JobLimit {
  readonly error: abstract new (...args: never[]) => Error;
  readonly code: string;
}

/** Runs `admit`; the limit's error becomes a 429 with the limit's code. */
export async function admitted<T>(limit: JobLimit, admit: () => Promise<T>): Promise<T> {
  try {
    return await admit();
  } catch (error) {
    if (error instanceof limit.error) throw new ApiError(429, limit.code, error.message);
    throw error;
  }
}

/** One kind of job, for {@link registerResubmit}. */
export interface ResubmitSpec<T extends JobSummary> {
  /**
   * `run` or `trial`: the path is `/{noun}s/:id/resubmit`, the tag `{noun}s`, the operation `resubmit{Noun}`, the 409
   * code `{NOUN}_NOT_RESUBMITTABLE`.
   */
  readonly noun: 'run' | 'trial';
  readonly summary: string;
  /** The stored job; a 404 when there is none. */
  readonly existing: (id: string) => Promise<T>;
  /** failed/interrupted → queued; `false` when the job is in another status. */
  readonly requeue: (id: string) => Promise<boolean>;
  /** Admits the job through the runner's per-client limit. */
  readonly admit: (clientId: string, prepare: () => Promise<T>) => Promise<T>;
}

/** `POST /{noun}s/:id/resubmit`: queues an interrupted or failed job again; 202 with its id. */
export function registerResubmit<T extends JobSummary>(app: ZodApp, spec: ResubmitSpec<T>): void {
  const plural = `${spec.noun}s`;
  app.post(
    `/${plural}/:id/resubmit`,
    {
      schema: {
        tags: [plural],
        operationId: `resubmit${spec.noun[0].toUpperCase()}${spec.noun.slice(1)}`,
        summary: spec.summary,
        params: idParams,
        response: { 202: runIdResponse, 404: errorSchema, 409: errorSchema, 429: errorSchema },
      },
    },
    async (request, reply) => {
      const job = await spec.existing(request.params.id);
      const requeued = await spec.admit(request.clientId, async () => {
        if (!(await spec.requeue(job.id))) {
          throw new ApiError(
            409,
            `${spec.noun.toUpperCase()}_NOT_RESUBMITTABLE`,
            `${spec.noun} ${job.id} is ${job.status}; only interrupted or failed ${plural} can be resubmitted`,
          );
        }
        return spec.existing(job.id);
      });
      return reply.code(202).header('location', `/api/v1/${plural}/${requeued.id}`).send({ id: requeued.id });
    },
  );
}
