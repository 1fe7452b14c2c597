// SPDX-License-Identifier: MIT
/**
 * One run: its status with a progress bar while it is queued or running (polled), then its result. Failed and
 * interrupted runs can be resubmitted; active ones cancelled.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { cancelRun, deleteRun, describeError, getResult, getRun, resubmitRun } from '../api/client.js';
import type { Result, RunView } from '../api/types.js';
import { RunResult } from '../results/run-result.js';
import { Link, navigate } from '../router.js';
import { isActive, usePolledJob } from '../components/use-polled-job.js';
import { usePageTitle } from '../components/use-page-title.js';
import { ProgressBar } from '../components/progress-bar.js';

function useResult(runId: string, done: boolean): { result: Result | null; error: string | null } {
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!done) return;
    let current = true;
    getResult(runId).then(
      (r) => current && setResult(r),
      (e: unknown) => current && setError(describeError(e)),
    );
    return () => {
      current = false;
    };
  }, [runId, done]);
  return { result, error };
}

function seconds(from: string | null, to: string | null): string {
  if (!from) return '';
  const ms = (to ? Date.parse(to) : Date.now()) - Date.parse(from);
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(1)} s` : '';
}

function RunStatus({ run, onChanged }: { run: RunView; onChanged: () => void }): ReactNode {
  const [actionError, setActionError] = useState<string | null>(null);
  const act = (action: Promise<unknown>): void => {
    setActionError(null);
    action.then(onChanged, (e: unknown) => setActionError(describeError(e)));
  };
  return (
    <div className="run-status" data-testid="run-status" data-status={run.status}>
      <p>
        <span className={`badge badge-run-${run.status}`}>{run.status}</span>{' '}
        {run.status === 'done' ? `finished in ${seconds(run.started_at, run.finished_at)}` : null}
        {run.status === 'running' ? `running for ${seconds(run.started_at, null)}` : null}
        {run.status === 'queued' ? 'waiting for a free worker' : null}
        {run.attempts > 1 ? ` · attempt ${run.attempts}` : null}
        {run.uncertainty_draws !== undefined
          ? ` · with uncertainty bands over ${run.uncertainty_draws} draws of the patient`
          : null}
      </p>
      {isActive(run.status) ? <ProgressBar value={run.progress} label="Simulation progress" /> : null}
      {run.error ? <p className="notice notice-error">{run.error}</p> : null}
      {actionError ? <p className="notice notice-error">{actionError}</p> : null}
      <div className="button-row">
        {isActive(run.status) ? (
          <button type="button" onClick={() => act(cancelRun(run.id))}>
            Cancel run
          </button>
        ) : null}
        {run.status === 'failed' || run.status === 'interrupted' ? (
          <button type="button" onClick={() => act(resubmitRun(run.id))}>
            Resubmit
          </button>
        ) : null}
        <Link className="button" href={`/scenarios?run=${encodeURIComponent(run.id)}`}>
          Edit this scenario
        </Link>
        {run.status === 'done' ? (
          <Link className="button primary" href={`/compare?runs=${encodeURIComponent(run.id)}`}>
            Compare with other runs
          </Link>
        ) : null}
        {!isActive(run.status) ? (
          <button
            type="button"
            className="danger"
            onClick={() => {
              if (!window.confirm(`Delete the run “${run.name}” and its result?`)) return;
              setActionError(null);
              deleteRun(run.id).then(
                () => navigate('/runs'),
                (e: unknown) => setActionError(describeError(e)),
              );
            }}
          >
            Delete run
          </button>
        ) : null}
      </div>
    </div>
  );
}

/** The page of one run. */
export function RunPage({ runId }: { runId: string }): ReactNode {
  const { view: run, error, refresh } = usePolledJob(runId, getRun);
  const { result, error: resultError } = useResult(runId, run?.status === 'done');
  usePageTitle(run ? `Run: ${run.name}` : 'Run');
  return (
    <section className="run-page">
      <p className="breadcrumb">
        <Link href="/runs">Runs</Link> ›
      </p>
      <h1>{run?.name ?? 'Run'}</h1>
      {error ? <p className="notice notice-error">{error}</p> : null}
      {run ? <RunStatus run={run} onChanged={refresh} /> : !error ? <p className="muted">Loading…</p> : null}
      {resultError ? <p className="notice notice-error">{resultError}</p> : null}
      {run?.status === 'done' && !result && !resultError ? (
        <p className="muted">Loading the result…</p>
      ) : null}
      {result ? <RunResult runId={runId} result={result} /> : null}
    </section>
  );
}
