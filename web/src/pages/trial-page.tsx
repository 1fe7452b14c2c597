// SPDX-License-Identifier: MIT
/**
 * One virtual trial: live progress while it runs (polled), then the per-arm summary with 95 % CIs, a forest plot of
 * each arm's difference from the first, and the per-arm distributions of every endpoint.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { describeError } from '../api/client.js';
import { getTrial, resubmitTrial } from '../api/trials.js';
import type { TrialResult } from '../api/trials.js';
import { Link } from '../router.js';
import { Distributions } from '../trials/distributions.js';
import { ForestPlot } from '../trials/forest.js';
import '../trials/trials.css';
import { isActive, usePolledJob } from '../components/use-polled-job.js';
import { ProgressBar } from '../components/progress-bar.js';
import { usePageTitle } from '../components/use-page-title.js';
import { downloadBlob, exportFileName } from '../plots/export.js';
import { patientsCsv } from '../trials/tables.js';
import { endpointLabel } from '../results/fields.js';

const fmt = (x: number | null | undefined): string =>
  x === null || x === undefined
    ? '—'
    : Math.abs(x) >= 100
      ? x.toFixed(0)
      : Math.abs(x) >= 10
        ? x.toFixed(1)
        : x.toPrecision(3);
const fmtCi = (ci: readonly [number, number] | null | undefined): string =>
  ci ? `${fmt(ci[0])} to ${fmt(ci[1])}` : '—';

function SummaryTable({ result }: { result: TrialResult }): ReactNode {
  return (
    <div className="table-scroll">
      <table className="trial-summary" data-testid="trial-summary">
        <thead>
          <tr>
            <th>endpoint</th>
            <th>arm</th>
            <th>n</th>
            <th>mean</th>
            <th>SD</th>
            <th>median</th>
            <th>95 % CI</th>
            <th>difference from {result.arms[0].name} (95 % CI)</th>
          </tr>
        </thead>
        <tbody>
          {result.trial.endpoints.flatMap((e) =>
            result.not_modelled.includes(e)
              ? [
                  <tr key={e}>
                    <td>{endpointLabel(e)}</td>
                    <td colSpan={7} className="muted">
                      not modelled yet
                    </td>
                  </tr>,
                ]
              : result.arms.map((arm, i) => {
                  const s = arm.endpoints[e];
                  const d = arm.difference?.[e];
                  return (
                    <tr key={`${e}-${arm.name}`}>
                      <td>{i === 0 ? endpointLabel(e) : ''}</td>
                      <td>{arm.name}</td>
                      <td>{s.n}</td>
                      <td>{fmt(s.mean)}</td>
                      <td>{fmt(s.sd)}</td>
                      <td>{fmt(s.median)}</td>
                      <td>{fmtCi(s.ci95)}</td>
                      <td>{d ? `${fmt(d.mean)} (${fmtCi(d.ci95)}, ${d.method})` : ''}</td>
                    </tr>
                  );
                }),
          )}
        </tbody>
      </table>
    </div>
  );
}

function TrialResults({ result }: { result: TrialResult }): ReactNode {
  const s = result.screening;
  return (
    <>
      <p>
        {result.trial.design}, {result.arms.map((a) => `${a.name} ${a.patients}`).join(', ')} patients,{' '}
        {result.trial.duration_days} days, seed {result.trial.seed}; screened {s.screened} candidates for{' '}
        {s.enrolled} places.{' '}
        {result.failures.length > 0
          ? `${result.failures.length} simulation(s) failed and count as missing.`
          : ''}
      </p>
      <SummaryTable result={result} />
      {result.patients ? (
        <p>
          <button
            type="button"
            onClick={() =>
              downloadBlob(
                new Blob([patientsCsv(result)], { type: 'text/csv' }),
                exportFileName('patients', 'csv', result.trial.name),
              )
            }
          >
            Per-patient endpoints (CSV)
          </button>
        </p>
      ) : null}
      <h2>Differences from {result.arms[0].name}</h2>
      <ForestPlot result={result} />
      <h2>Distributions per arm</h2>
      <Distributions result={result} />
    </>
  );
}

/** `/trials/:id`: one trial. */
export function TrialPage({ trialId }: { trialId: string }): ReactNode {
  const { view: trial, error, refresh } = usePolledJob(trialId, getTrial);
  usePageTitle(trial ? `Trial: ${trial.name}` : 'Trial');
  const [actionError, setActionError] = useState<string | null>(null);
  return (
    <section className="trials-page">
      <p className="breadcrumb">
        <Link href="/trials">Trials</Link> ›
      </p>
      <h1>{trial?.name ?? 'Trial'}</h1>
      {error ? <p className="notice notice-error">{error}</p> : null}
      {trial ? (
        <div data-testid="trial-status" data-status={trial.status}>
          <p>
            <span className={`badge badge-run-${trial.status}`}>{trial.status}</span>
            {trial.attempts > 1 ? ` · attempt ${trial.attempts}` : null}
          </p>
          {isActive(trial.status) ? <ProgressBar value={trial.progress} label="Trial progress" /> : null}
          {trial.error ? <p className="notice notice-error">{trial.error}</p> : null}
          {trial.status === 'failed' || trial.status === 'interrupted' ? (
            <button
              type="button"
              onClick={() => {
                resubmitTrial(trial.id).then(refresh, (e: unknown) => setActionError(describeError(e)));
              }}
            >
              Resubmit (continues from finished shards)
            </button>
          ) : null}
          {actionError ? <p className="notice notice-error">{actionError}</p> : null}
        </div>
      ) : !error ? (
        <p className="muted">Loading…</p>
      ) : null}
      {trial?.result ? <TrialResults result={trial.result} /> : null}
    </section>
  );
}
