// SPDX-License-Identifier: MIT
/**
 * Compare: pick two or more finished runs and see them on the same axes (every daily field any of them has, IGF-1
 * with its reference band, and the 24-hour GH profile), one colour per run, the legend by run name. The selection
 * lives in the URL (`?runs=a,b`).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { describeError, getResult, igf1Sds, listRuns } from '../api/client.js';
import type { Result, RunView } from '../api/types.js';
import { Chart } from '../plots/chart.js';
import { WindowSelect } from '../components/window-select.js';
import { commonProfileOptions, compareAllDailyCharts, compareProfileChart } from '../results/compare.js';
import type { NamedResult } from '../results/compare.js';
import type { Igf1Band, ProfileWindow } from '../results/charts.js';
import { windowValue } from '../results/charts.js';
import { navigate } from '../router.js';
import { usePageTitle } from '../components/use-page-title.js';
import { UnitToggle } from '../units/unit-toggle.js';
import { useUnitSystem } from '../units/unit-system.js';

function selectedIds(query: URLSearchParams): string[] {
  return (query.get('runs') ?? '').split(',').filter((id) => id !== '');
}

/** Results of the selected runs, each fetched once and kept while the page is open. */
function useResults(ids: readonly string[]): { results: Map<string, Result>; error: string | null } {
  const [results, setResults] = useState(new Map<string, Result>());
  const [error, setError] = useState<string | null>(null);
  const requested = useRef(new Set<string>());
  const key = ids.join(',');
  useEffect(() => {
    for (const id of key.split(',').filter(Boolean)) {
      if (requested.current.has(id)) continue;
      requested.current.add(id);
      getResult(id).then(
        (result) => setResults((m) => new Map(m).set(id, result)),
        (e: unknown) => {
          requested.current.delete(id);
          setError(describeError(e));
        },
      );
    }
  }, [key]);
  return { results, error };
}

/** The IGF-1 reference band when every run's patient has the same age and sex, else `null`. */
function useCommonIgf1Band(named: readonly NamedResult[]): Igf1Band | null {
  const patients = new Set(
    named.map((n) => `${n.result.scenario.patient.age_years}|${n.result.scenario.patient.sex}`),
  );
  const only = patients.size === 1 ? named[0].result.scenario.patient : null;
  const age = only?.age_years ?? null;
  const sex = only?.sex ?? null;
  const [band, setBand] = useState<Igf1Band | null>(null);
  useEffect(() => {
    setBand(null);
    if (age === null || sex === null) return;
    let current = true;
    // The interval depends on age and sex only; any positive value serves to ask for it.
    igf1Sds(age, sex, 100).then(
      (r) => current && setBand({ lower: r.lower, upper: r.upper, referenceAgeYears: r.reference_age_years }),
      () => undefined, // without the band the chart says so in its subtitle
    );
    return () => {
      current = false;
    };
  }, [age, sex]);
  return band;
}

function RunPicker(props: {
  runs: RunView[];
  selected: string[];
  onChange: (ids: string[]) => void;
}): ReactNode {
  const toggle = (id: string, on: boolean): void => {
    props.onChange(on ? [...props.selected, id] : props.selected.filter((s) => s !== id));
  };
  return (
    <fieldset className="run-picker">
      <legend>Finished runs ({props.runs.length})</legend>
      {props.runs.length === 0 ? <p className="muted">No finished run yet: run a scenario first.</p> : null}
      {props.runs.map((run) => (
        <label key={run.id} className="checkbox">
          <input
            type="checkbox"
            checked={props.selected.includes(run.id)}
            onChange={(event) => toggle(run.id, event.target.checked)}
          />
          {run.name} <span className="muted">({new Date(run.created_at).toLocaleString()})</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The compare page. */
export function ComparePage({ query }: { query: URLSearchParams }): ReactNode {
  usePageTitle('Compare runs');
  const selected = selectedIds(query);
  const selectedKey = selected.join(',');
  const [runs, setRuns] = useState<RunView[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [picked, setPicked] = useState<ProfileWindow | null>(null);
  useEffect(() => {
    listRuns('done').then(setRuns, (e: unknown) => setListError(describeError(e)));
  }, []);
  const { results, error } = useResults(selected);

  const named: NamedResult[] = useMemo(
    () =>
      selectedKey
        .split(',')
        .filter(Boolean)
        .flatMap((id) => {
          const result = results.get(id);
          const name = runs?.find((r) => r.id === id)?.name ?? result?.scenario.name ?? id;
          return result ? [{ id, name, result }] : [];
        }),
    [selectedKey, results, runs],
  );
  const options = useMemo(() => commonProfileOptions(named), [named]);
  // The chosen window while every run still covers it, else the first common one.
  const chosen = picked === null ? undefined : options.find((o) => o.value === windowValue(picked));
  const shown: ProfileWindow = chosen?.window ?? options[0]?.window ?? 'all';

  const band = useCommonIgf1Band(named);
  const daily = useMemo(() => (named.length === 0 ? [] : compareAllDailyCharts(named, band)), [named, band]);
  const profile = useMemo(() => compareProfileChart(named, shown), [named, shown]);
  const [units, setUnits] = useUnitSystem();

  const setSelected = (ids: string[]): void => {
    navigate(ids.length > 0 ? `/compare?runs=${ids.map(encodeURIComponent).join(',')}` : '/compare', {
      replace: true,
    });
  };

  return (
    <section className="compare-page">
      <h1>Compare runs</h1>
      <p className="lead">
        Tick two or more finished runs: they are drawn on the same axes, one colour per run.
      </p>
      {listError ? <p className="notice notice-error">{listError}</p> : null}
      {runs ? (
        <RunPicker runs={runs} selected={selected} onChange={setSelected} />
      ) : (
        <p className="muted">Loading runs…</p>
      )}
      {error ? <p className="notice notice-error">{error}</p> : null}
      {selected.length === 1 ? <p className="notice">Pick at least one more run to compare.</p> : null}
      {named.length < selected.length ? <p className="muted">Loading results…</p> : null}
      {named.length > 0 ? (
        <div data-testid="compare-charts">
          <UnitToggle value={units} onChange={setUnits} />
          {daily.map((spec) => (
            <Chart key={spec.id} spec={spec} />
          ))}
          <WindowSelect
            label="24 hours of the GH profile"
            options={options}
            value={shown}
            onChange={setPicked}
          />
          {profile ? (
            <Chart spec={profile} />
          ) : (
            <p className="notice">No selected run sampled GH (output.series).</p>
          )}
        </div>
      ) : null}
    </section>
  );
}
