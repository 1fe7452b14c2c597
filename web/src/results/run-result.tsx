// SPDX-License-Identifier: MIT
/**
 * The result of one run: summary and endpoints, screening findings, the 24-hour GH profile with dose markers,
 * IGF-1 with its age/sex reference band, the other daily summaries, sampled series, the events timeline and the
 * monitoring labs. Charts whose fields are all null are replaced by a note.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { describeError, getDailyCsv, igf1Sds } from '../api/client.js';
import { drugLabel } from '../api/contract.js';
import type { Result, ResultEvent } from '../api/types.js';
import { Findings } from '../components/findings.js';
import { ProfileWindowPicker } from '../components/profile-window-picker.js';
import { Chart, ChartExportContext } from '../plots/chart.js';
import { downloadBlob, exportFileName } from '../plots/export.js';
import type { ChartSpec, ExportContext } from '../plots/spec.js';
import { clockLabel, formatNumber } from '../plots/ticks.js';
import {
  changeChart,
  dailyCharts,
  defaultProfileWindow,
  igf1Chart,
  igf1SdsChart,
  profileChart,
  timelineChart,
} from './charts.js';
import type { Igf1Band, ProfileWindow } from './charts.js';
import type { UnitSystem } from '../../../src/scenario/vocabulary.js';
import { labelIn, unitOfName, valueIn } from '../units/convert.js';
import { UnitToggle } from '../units/unit-toggle.js';
import { useUnitSystem } from '../units/unit-system.js';
import { DAILY_INFO, ENDPOINT_LABELS, labelOf, seriesInfo } from './fields.js';
import { dailyMarkers, dailyShading, endpointWindows, lifestyleShading } from './shading.js';
import type { EndpointWindows } from './shading.js';

/** Loads the IGF-1 reference band for the patient from `POST /analysis/igf1-sds`. */
function useIgf1Band(result: Result): { band: Igf1Band | null; error: string | null } {
  const [band, setBand] = useState<Igf1Band | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { age_years, sex } = result.scenario.patient;
  const firstIgf1 = result.daily.find((d) => d.igf1_ng_ml !== null)?.igf1_ng_ml ?? null;
  useEffect(() => {
    let current = true;
    // The interval depends on age and sex only; any positive IGF-1 value serves to ask for it.
    igf1Sds(age_years, sex, firstIgf1 !== null && firstIgf1 > 0 ? firstIgf1 : 100).then(
      (r) => current && setBand({ lower: r.lower, upper: r.upper, referenceAgeYears: r.reference_age_years }),
      (e: unknown) => current && setError(describeError(e)),
    );
    return () => {
      current = false;
    };
  }, [age_years, sex, firstIgf1]);
  return { band, error };
}

function regimenText(result: Result): string {
  const lines = result.scenario.regimen;
  if (lines.length === 0) return 'no treatment';
  return lines
    .map(
      (l) =>
        `${drugLabel(l.drug)} ${l.dose.amount} ${l.dose.unit} ${l.route.toUpperCase()} at ${[l.at].flat().join(', ')}`,
    )
    .join('; ');
}

function Summary({ result }: { result: Result }): ReactNode {
  const { patient, duration_days, seed } = result.scenario;
  return (
    <p className="run-summary">
      {patient.sex}, {patient.age_years} y, {patient.weight_kg} kg, {patient.height_cm} cm · {duration_days}{' '}
      days · {regimenText(result)} · seed {seed} · model {result.engine.model}, solver {result.engine.solver},
      engine {result.engine.version}
      {result.optional_effects.length > 0
        ? ` · weak-evidence effects on: ${result.optional_effects.join(', ')}`
        : ''}
    </p>
  );
}

function daysText([from, to]: readonly [number, number]): string {
  return from === to ? `day ${from}` : `days ${from} to ${to}`;
}

function EndpointWindowsNote({ windows }: { windows: EndpointWindows | null }): ReactNode {
  if (!windows) {
    return (
      <p className="muted" data-testid="endpoint-windows">
        This result does not state the windows its endpoints compare.
      </p>
    );
  }
  return (
    <p data-testid="endpoint-windows">
      Baseline: mean of {daysText(windows.baseline)}
      {windows.baseline[0] < 0 ? ' (untreated, simulated before day 0)' : ''}; end: mean of{' '}
      {daysText(windows.end)}, up to the last dose. Both are shaded on the daily charts.
    </p>
  );
}

/** `+1.2`, or `−0.5`: an endpoint's change with its sign. */
function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${formatNumber(value, 3)}`;
}

/** The 5–95 % range and median of an endpoint over the run's draws, when the run has them. */
function EndpointBand({ id, result, units }: { id: string; result: Result; units: UnitSystem }): ReactNode {
  const band = result.endpoint_bands?.[id];
  if (!band || band.p05 === null || band.p95 === null) return null;
  const show = (v: number): string => signed(valueIn(id, v, units));
  return (
    <span className="endpoint-band">
      5–95 % of draws: {show(band.p05)} to {show(band.p95)}
      {band.p50 === null ? '' : `, median ${show(band.p50)}`}
    </span>
  );
}

function Endpoints({ result, units }: { result: Result; units: UnitSystem }): ReactNode {
  const entries = (Object.keys(ENDPOINT_LABELS) as (keyof Result['endpoints'])[]).map(
    (key) => [key, result.endpoints[key]] as const,
  );
  return (
    <div className="endpoints" data-testid="endpoints">
      <h2>Endpoints: end of treatment against the pre-treatment baseline</h2>
      <EndpointWindowsNote windows={endpointWindows(result)} />
      <dl>
        {entries.map(([key, value]) => (
          <div key={key} className={value === null ? 'endpoint endpoint-null' : 'endpoint'}>
            <dt>{labelIn(key, ENDPOINT_LABELS[key], units)}</dt>
            <dd>
              {value === null ? 'not modelled' : signed(valueIn(key, value, units))}
              <EndpointBand id={key} result={result} units={units} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function eventTime(t: number): string {
  return `day ${Math.floor(t / 1440)} ${clockLabel((t % 1440) / 60)}`;
}

function EventList({ events }: { events: readonly ResultEvent[] }): ReactNode {
  const doses = events.filter((e) => e.kind === 'dose');
  const others = events.filter((e) => e.kind !== 'dose');
  const perDrug = new Map<string, number>();
  for (const d of doses) perDrug.set(d.drug, (perDrug.get(d.drug) ?? 0) + 1);
  return (
    <div className="event-list">
      <p>
        {doses.length === 0
          ? 'No doses.'
          : `Doses: ${[...perDrug].map(([drug, n]) => `${n} × ${drugLabel(drug)}`).join(', ')}.`}{' '}
        {others.length === 0 ? 'No titrations or alerts.' : null}
      </p>
      {others.length > 0 ? (
        <ul>
          {others.map((e, i) => (
            <li key={i}>
              <span className={`badge badge-${e.kind}`}>{e.kind}</span> {eventTime(e.t_min)}:{' '}
              {e.kind === 'titration'
                ? `${drugLabel(e.drug)} ${formatNumber(e.from_mcg)} → ${formatNumber(e.to_mcg)} mcg (${e.reason})`
                : e.kind === 'alert'
                  ? `${e.code}: ${e.message}`
                  : null}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** A lab column's header: `igf1 (nmol/L)` from `igf1_ng_ml`, in the reader's units. */
function labHeader(column: string, units: UnitSystem): string {
  const info = seriesInfo(column);
  const unit = unitOfName(column, info.unit, units);
  return unit === '' ? info.name : `${info.name} (${unit})`;
}

function LabsTable({ result, units }: { result: Result; units: UnitSystem }): ReactNode {
  if (result.labs.length === 0) return <p className="muted">No monitoring draws.</p>;
  const requested = [...new Set(result.labs.flatMap((row) => Object.keys(row)))].filter(
    (k) => k !== 'day' && k !== 'time',
  );
  const columns = requested.filter((c) => result.labs.some((row) => typeof row[c] === 'number'));
  const empty = requested.filter((c) => !columns.includes(c));
  return (
    <>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th>day</th>
              <th>time</th>
              {columns.map((c) => (
                <th key={c}>{labHeader(c, units)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {result.labs.map((row, i) => (
              <tr key={i}>
                <td>{row.day}</td>
                <td>{row.time}</td>
                {columns.map((c) => {
                  const v = row[c];
                  return <td key={c}>{typeof v === 'number' ? formatNumber(valueIn(c, v, units)) : '—'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {empty.length > 0 ? (
        <p className="muted">
          Requested but without values (the model part is not there yet): {empty.join(', ')}.
        </p>
      ) : null}
    </>
  );
}

function MissingNotes({ missing }: { missing: ReturnType<typeof dailyCharts>['missing'] }): ReactNode {
  if (missing.length === 0) return null;
  return (
    <div className="notice" data-testid="missing-parts">
      <strong>Not shown, no values in this result:</strong>
      <ul>
        {missing.map((m) => (
          <li key={m.id}>
            {m.title} ({m.fields.map((f) => labelOf(DAILY_INFO[f])).join(', ')}): this part of the model is
            not there yet, or it does not apply to this patient.
          </li>
        ))}
      </ul>
    </div>
  );
}

function Downloads({ runId, result }: { runId: string; result: Result }): ReactNode {
  const [error, setError] = useState<string | null>(null);
  const stem = `${result.scenario.name} ${runId.slice(0, 8)}`;
  return (
    <div className="button-row">
      <button
        type="button"
        onClick={() =>
          downloadBlob(
            new Blob([JSON.stringify(result, null, 2)], { type: 'application/json' }),
            exportFileName('result', 'json', stem),
          )
        }
      >
        Result (JSON)
      </button>
      <button
        type="button"
        onClick={() => {
          getDailyCsv(runId).then(
            (csv) =>
              downloadBlob(new Blob([csv], { type: 'text/csv' }), exportFileName('daily', 'csv', stem)),
            (e: unknown) => setError(describeError(e)),
          );
        }}
      >
        Daily table (CSV)
      </button>
      {error ? <span className="notice notice-error">{error}</span> : null}
    </div>
  );
}

/** What exports of this run's charts say about it, and the stem of their file names. */
function exportContextOf(runId: string, result: Result): ExportContext {
  const { engine, scenario } = result;
  return {
    caption:
      `endotwin · ${scenario.name} (run ${runId.slice(0, 8)}) · seed ${engine.seed} · model ${engine.model}, ` +
      `engine ${engine.version}`,
    fileStem: `${scenario.name} ${runId.slice(0, 8)}`,
  };
}

/** The minutes a profile window spans. */
function spanOf(result: Result, window: ProfileWindow): [number, number] {
  if (window !== 'all') return [window.startMin, window.startMin + 1440];
  const t = result.series.t_min ?? [];
  return [t[0] ?? 0, t[t.length - 1] ?? 0];
}

/** A profile chart with sleep, meals and exercise shaded. */
function withLifestyle(result: Result, window: ProfileWindow, spec: ChartSpec | null): ChartSpec | null {
  if (!spec) return null;
  const [from, to] = spanOf(result, window);
  return {
    ...spec,
    subtitle: `${spec.subtitle ?? ''} Shaded: sleep, meals, exercise.`.trim(),
    shading: lifestyleShading(result, window, from, to),
  };
}

/** A daily chart with off days and endpoint windows shaded, first and last dose and titrations marked. */
function withTreatment(result: Result, spec: ChartSpec): ChartSpec {
  return {
    ...spec,
    shading: dailyShading(result),
    markers: [...(spec.markers ?? []), ...dailyMarkers(result)],
  };
}

/** The whole result view of a run. */
export function RunResult({ runId, result }: { runId: string; result: Result }): ReactNode {
  const [profileWindow, setProfileWindow] = useState<ProfileWindow>(() => defaultProfileWindow(result));
  const { band, error: bandError } = useIgf1Band(result);
  const exportContext = useMemo(() => exportContextOf(runId, result), [runId, result]);

  const gh = useMemo(
    () => withLifestyle(result, profileWindow, profileChart(result, 'gh_ug_l', profileWindow)),
    [result, profileWindow],
  );
  const igf1 = useMemo(() => withTreatment(result, igf1Chart(result, band)), [result, band]);
  const sds = useMemo(() => {
    const spec = igf1SdsChart(result);
    return spec ? withTreatment(result, spec) : null;
  }, [result]);
  const change = useMemo(() => {
    const spec = changeChart(result, endpointWindows(result)?.baseline ?? null);
    return spec ? withTreatment(result, spec) : null;
  }, [result]);
  const daily = useMemo(() => {
    const { charts, missing } = dailyCharts(result);
    return { charts: charts.map((spec) => withTreatment(result, spec)), missing };
  }, [result]);
  // Sampled series other than GH (IGF-1 is slow: its daily chart says more than a 24-hour trace).
  const sampled = useMemo(
    () =>
      Object.keys(result.series)
        .filter((name) => !['t_min', 'gh_ug_l', 'igf1_ng_ml'].includes(name))
        .map((name) => withLifestyle(result, profileWindow, profileChart(result, name, profileWindow)))
        .filter((spec) => spec !== null),
    [result, profileWindow],
  );
  const timeline = useMemo(() => timelineChart(result), [result]);
  const [units, setUnits] = useUnitSystem();

  return (
    <ChartExportContext.Provider value={exportContext}>
      <div className="run-result" data-testid="run-result">
        <Summary result={result} />
        <Downloads runId={runId} result={result} />
        <Findings screening={result.screening} />
        <UnitToggle value={units} onChange={setUnits} />
        <Endpoints result={result} units={units} />

        <h2>Plots</h2>
        <p className="muted">
          Drag across a plot to zoom in on a time range; double-click it (or “Reset zoom”) to zoom out.
        </p>
        <ProfileWindowPicker result={result} value={profileWindow} onChange={setProfileWindow} />
        {gh ? (
          <Chart spec={gh} />
        ) : (
          <p className="notice">GH was not sampled: add gh_ug_l to output.series.</p>
        )}
        <Chart spec={igf1} />
        {bandError ? <p className="notice notice-error">Reference band unavailable: {bandError}</p> : null}
        {sds ? <Chart spec={sds} /> : null}
        {change ? <Chart spec={change} /> : null}
        {daily.charts.map((spec) => (
          <Chart key={spec.id} spec={spec} />
        ))}
        {sampled.map((spec) => (
          <Chart key={spec.id} spec={spec} />
        ))}
        <MissingNotes missing={daily.missing} />

        <h2>Events</h2>
        {timeline ? <Chart spec={timeline} /> : null}
        <EventList events={result.events} />

        <h2>Monitoring labs</h2>
        <LabsTable result={result} units={units} />
      </div>
    </ChartExportContext.Provider>
  );
}
