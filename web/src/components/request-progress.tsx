// SPDX-License-Identifier: MIT
/**
 * Progress of a long request that answers when done (a twin fit and prediction, a sensitivity analysis): polls
 * `GET /progress/{token}` every half second while the request is out, and shows the fit's simulations, then the
 * prediction's draws or the analysis's runs as a bar, and the time so far.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { getRequestProgress } from '../api/client.js';
import type { RequestProgress } from '../api/client.js';
import { ProgressBar } from './progress-bar.js';

const POLL_MS = 500;

/** The latest progress of `token` while it is not null, polled; `null` before the first answer. */
export function useRequestProgress(token: string | null): RequestProgress | null {
  const [progress, setProgress] = useState<RequestProgress | null>(null);
  useEffect(() => {
    setProgress(null);
    if (token === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = (): void => {
      getRequestProgress(token, controller.signal).then(
        (p) => {
          setProgress(p);
          if (!p.finished) timer = setTimeout(poll, POLL_MS);
        },
        () => {
          // A failed poll only loses the display; the request itself reports its own errors.
          if (!controller.signal.aborted) timer = setTimeout(poll, POLL_MS * 4);
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [token]);
  return progress;
}

/** What the display says for a report. */
export function progressText(progress: RequestProgress | null, seconds: number): string {
  const time = `${seconds} s`;
  if (progress === null || progress.phase === 'pending') return `Starting… ${time}`;
  if (progress.phase === 'fit') return `Fitting the twin: simulation ${progress.done} · ${time}`;
  const total = progress.total === null ? '' : ` of ${progress.total}`;
  if (progress.phase === 'sensitivity') return `Simulating: run ${progress.done}${total} · ${time}`;
  return `Predicting: draw ${progress.done}${total} · ${time}`;
}

/** The progress line and bar of a request named by `token`, while it is out. */
export function RequestProgressView({ token, label }: { token: string; label: string }): ReactNode {
  const progress = useRequestProgress(token);
  const [started] = useState(() => Date.now());
  const [now, setNow] = useState(started);
  useEffect(() => {
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, []);
  const seconds = Math.round((now - started) / 1000);
  const fraction =
    progress !== null && progress.total !== null && progress.total > 0
      ? progress.done / progress.total
      : null;
  return (
    <div className="request-progress" data-testid="request-progress" role="status">
      <p>{progressText(progress, seconds)}</p>
      {fraction !== null ? <ProgressBar value={fraction} label={label} /> : null}
    </div>
  );
}
