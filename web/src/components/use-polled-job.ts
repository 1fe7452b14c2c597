// SPDX-License-Identifier: MIT
/** Polls a long job (a run or a trial) while it is queued or running, for the pages that show its progress. */
import { useEffect, useState } from 'react';
import { describeError } from '../api/client.js';
import type { RunView } from '../api/types.js';

/** Time between two status polls while a job is active, ms. */
export const POLL_MS = 600;

/** `true` while a job may still change. */
export function isActive(status: RunView['status']): boolean {
  return status === 'queued' || status === 'running';
}

/**
 * The latest view of job `id`, fetched with `fetchView` every {@link POLL_MS} while active (five times slower after
 * an error); `refresh` restarts polling, e.g. after a resubmit.
 */
export function usePolledJob<View extends { readonly status: RunView['status'] }>(
  id: string,
  fetchView: (id: string) => Promise<View>,
): { view: View | null; error: string | null; refresh: () => void } {
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let timer = 0;
    let stopped = false;
    const poll = (): void => {
      fetchView(id).then(
        (next) => {
          if (stopped) return;
          setView(next);
          setError(null);
          if (isActive(next.status)) timer = window.setTimeout(poll, POLL_MS);
        },
        (e: unknown) => {
          if (stopped) return;
          setError(describeError(e));
          timer = window.setTimeout(poll, POLL_MS * 5);
        },
      );
    };
    poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [id, fetchView, generation]);
  return { view, error, refresh: () => setGeneration((g) => g + 1) };
}
