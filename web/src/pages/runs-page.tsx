// SPDX-License-Identifier: MIT
/** Runs: every run, newest first, with status and progress (refreshed while any run is active). */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { describeError, listRuns } from '../api/client.js';
import type { RunView } from '../api/types.js';
import { Link } from '../router.js';
import { isActive } from '../components/use-polled-job.js';
import { ProgressBar } from '../components/progress-bar.js';
import { usePageTitle } from '../components/use-page-title.js';

const REFRESH_MS = 1500;

function when(iso: string | null): string {
  if (!iso) return '—';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

/** The runs page. */
export function RunsPage(): ReactNode {
  usePageTitle('Runs');
  const [runs, setRuns] = useState<RunView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let timer = 0;
    let stopped = false;
    const load = (): void => {
      listRuns().then(
        (list) => {
          if (stopped) return;
          setRuns(list);
          setError(null);
          if (list.some((r) => isActive(r.status))) timer = window.setTimeout(load, REFRESH_MS);
        },
        (e: unknown) => !stopped && setError(describeError(e)),
      );
    };
    load();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, []);

  return (
    <section>
      <h1>Runs</h1>
      {error ? <p className="notice notice-error">{error}</p> : null}
      {runs === null && !error ? <p className="muted">Loading…</p> : null}
      {runs?.length === 0 ? (
        <p>
          No runs yet. <Link href="/scenarios">Pick a scenario and run it.</Link>
        </p>
      ) : null}
      {runs && runs.length > 0 ? (
        <>
          <p>
            <Link className="button" href="/compare">
              Compare finished runs
            </Link>
          </p>
          <div className="table-scroll">
            <table className="data-table runs-table">
              <thead>
                <tr>
                  <th>scenario</th>
                  <th>status</th>
                  <th>submitted</th>
                  <th>finished</th>
                </tr>
              </thead>
              <tbody>
                {runs.map((run) => (
                  <tr key={run.id}>
                    <td>
                      <Link href={`/runs/${run.id}`}>{run.name}</Link>
                    </td>
                    <td>
                      {isActive(run.status) ? (
                        <ProgressBar value={run.progress} label={`${run.name}: progress`} />
                      ) : (
                        <span className={`badge badge-run-${run.status}`}>{run.status}</span>
                      )}
                    </td>
                    <td>{when(run.created_at)}</td>
                    <td>{when(run.finished_at)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </section>
  );
}
