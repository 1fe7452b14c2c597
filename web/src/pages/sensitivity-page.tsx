// SPDX-License-Identifier: MIT
/**
 * Sensitivity: pick a saved scenario, outputs and parameters, compute local elasticities, Morris μ* or Sobol
 * indices on the server, and read them as a tornado plot (one output, parameters by decreasing effect) and an
 * outputs × parameters heat map. The method is described in docs/estimation.md.
 */
import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { describeError, getScenario, listScenarios } from '../api/client.js';
import { SENSITIVITY_METHODS, computeSensitivity } from '../api/sensitivity.js';
import type { SensitivityMethod, SensitivityResponse } from '../api/sensitivity.js';
import type { ScenarioSummary } from '../api/types.js';
import { RequestProgressView } from '../components/request-progress.js';

const MEASURE_LABEL = {
  elasticity: 'elasticity d ln y / d ln p',
  mu_star: 'Morris μ*',
  total_order: 'total Sobol index',
};

const list = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The entries of one output, by decreasing absolute value. */
function rowsOf(result: SensitivityResponse, output: string) {
  return result.entries
    .filter((e) => e.output === output)
    .sort((a, b) => Math.abs(b.value ?? 0) - Math.abs(a.value ?? 0));
}

/** Horizontal bars from zero, one per parameter, for one output. */
function Tornado({ result, output }: { result: SensitivityResponse; output: string }): ReactNode {
  const rows = rowsOf(result, output);
  const max = Math.max(1e-12, ...rows.map((r) => Math.abs(r.value ?? 0)));
  const label = 190;
  const half = 180;
  const barHeight = 22;
  const height = rows.length * barHeight + 10;
  const x = (v: number): number => label + half + (v / max) * half;
  return (
    <svg
      className="tornado"
      role="img"
      aria-label={`Tornado plot of ${output}`}
      viewBox={`0 0 ${label + 2 * half + 60} ${height}`}
      width="100%"
      data-testid="tornado"
    >
      <line x1={x(0)} x2={x(0)} y1={0} y2={height} stroke="currentColor" strokeWidth={1} />
      {rows.map((r, i) => {
        const v = r.value ?? 0;
        const y = 5 + i * barHeight;
        return (
          <g key={r.parameter}>
            <text x={label - 6} y={y + 15} textAnchor="end" fontSize={12}>
              {r.parameter}
            </text>
            <rect
              x={Math.min(x(0), x(v))}
              y={y + 3}
              width={Math.abs(x(v) - x(0))}
              height={barHeight - 6}
              fill={v < 0 ? '#2b6cb0' : '#c53030'}
            />
            <text x={label + 2 * half + 4} y={y + 15} fontSize={11}>
              {r.value === null ? 'n/a' : r.value.toPrecision(3)}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Outputs × parameters, each cell coloured by its value relative to the largest of its output's row. */
function HeatMap({ result }: { result: SensitivityResponse }): ReactNode {
  const outputs = result.base.map((b) => b.output);
  const value = (output: string, parameter: string) =>
    result.entries.find((e) => e.output === output && e.parameter === parameter)?.value ?? null;
  return (
    <table className="data-table heat-map" data-testid="heat-map">
      <thead>
        <tr>
          <th>output</th>
          {result.parameters.map((p) => (
            <th key={p.name}>{p.name}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {outputs.map((output) => {
          const max = Math.max(1e-12, ...result.parameters.map((p) => Math.abs(value(output, p.name) ?? 0)));
          return (
            <tr key={output}>
              <th scope="row">{output}</th>
              {result.parameters.map((p) => {
                const v = value(output, p.name);
                const alpha = v === null ? 0 : Math.abs(v) / max;
                const colour = v !== null && v < 0 ? `rgba(43,108,176,${alpha})` : `rgba(197,48,48,${alpha})`;
                return (
                  <td key={p.name} style={{ background: colour }}>
                    {v === null ? 'n/a' : v.toPrecision(3)}
                  </td>
                );
              })}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The sensitivity page. */
export function SensitivityPage(): ReactNode {
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [scenarioId, setScenarioId] = useState('');
  const [method, setMethod] = useState<SensitivityMethod>('local');
  const [outputs, setOutputs] = useState('igf1_ng_ml, igf1_change_pct');
  const [params, setParams] = useState('liver_gh_ec50, liver_gh_hill_n, srif_basal, ghrh_pulse_amplitude');
  const [result, setResult] = useState<SensitivityResponse | null>(null);
  const [shown, setShown] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [progressToken, setProgressToken] = useState<string | null>(null);
  const busy = progressToken !== null;

  useEffect(() => {
    listScenarios().then(
      (s) => {
        setScenarios(s);
        if (s[0]) setScenarioId(s[0].id);
      },
      (e: unknown) => setError(describeError(e)),
    );
  }, []);

  async function submit(event: FormEvent): Promise<void> {
    event.preventDefault();
    const token = crypto.randomUUID();
    setProgressToken(token);
    setError(null);
    try {
      const record = await getScenario(scenarioId);
      const answer = await computeSensitivity(
        { scenario: record.document, method, outputs: list(outputs), params: list(params) },
        token,
      );
      setResult(answer);
      setShown(answer.base[0]?.output ?? '');
    } catch (e) {
      setError(describeError(e));
    } finally {
      setProgressToken(null);
    }
  }

  return (
    <section className="sensitivity-page">
      <h1>Sensitivity</h1>
      <p className="lead">
        How the outputs of a saved scenario respond to the model&apos;s parameters, each varied around this
        patient&apos;s own value. The server runs at most 200 simulations of at most 120 days; larger analyses
        belong to <code>endotwin sensitivity</code>. Parameter names: <code>endotwin model params</code>.
      </p>
      <form onSubmit={(e) => void submit(e)}>
        <div className="field-row">
          <label className="field">
            Scenario
            <select value={scenarioId} onChange={(e) => setScenarioId(e.target.value)} disabled={!scenarios}>
              {(scenarios ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            Method
            <select value={method} onChange={(e) => setMethod(e.target.value as SensitivityMethod)}>
              {SENSITIVITY_METHODS.map((m) => (
                <option key={m}>{m}</option>
              ))}
            </select>
          </label>
        </div>
        <label className="field field-wide">
          Outputs (endpoints, or daily fields as FIELD, FIELD@DAY, FIELD@FROM-TO)
          <input value={outputs} onChange={(e) => setOutputs(e.target.value)} />
        </label>
        <label className="field field-wide">
          Parameters
          <input value={params} onChange={(e) => setParams(e.target.value)} />
        </label>
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy || scenarioId === ''}>
            {busy ? 'Computing…' : 'Compute'}
          </button>
        </div>
        {progressToken !== null ? (
          <RequestProgressView token={progressToken} label="Sensitivity analysis progress" />
        ) : null}
      </form>
      {scenarios?.length === 0 && <p className="muted">Save a scenario first (Scenarios page).</p>}
      {error && (
        <p className="notice notice-error" role="alert">
          {error}
        </p>
      )}
      {result && (
        <>
          <h2>
            {MEASURE_LABEL[result.entries[0]?.measure ?? 'elasticity']} ({result.runs} simulations)
          </h2>
          <label className="field">
            Output of the tornado plot
            <select value={shown} onChange={(e) => setShown(e.target.value)}>
              {result.base.map((b) => (
                <option key={b.output}>{b.output}</option>
              ))}
            </select>
          </label>
          <Tornado result={result} output={shown} />
          <HeatMap result={result} />
        </>
      )}
    </section>
  );
}
