// SPDX-License-Identifier: MIT
/**
 * Compare: pick two or more finished runs and see them on the same axes (daily IGF-1, daily mean GH, the 24-hour
 * GH profile), one colour per run, the legend by run name. The selection lives in the URL (`?runs=a,b`).
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { describeError, getResult, listRuns } from '../api/client.js';
import type { Result, RunView } from '../api/types.js';
import { Chart } from '../plots/chart.js';
import { WindowSelect } from '../components/window-select.js';
import { commonProfileOptions, compareDailyChart, compareProfileChart } from '../results/compare.js';
import type { NamedResult } from '../results/compare.js';
import type { ProfileWindow } from '../results/charts.js';
import { windowValue } from '../results/charts.js';
import { navigate } from '../router.js';
import { usePageTitle } from '../components/use-page-title.js';

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

  const daily = useMemo(
    () =>
      named.length === 0
        ? []
        : [
            compareDailyChart(named, 'igf1_ng_ml', 'compare-igf1', 'IGF-1 over the days (morning)'),
            compareDailyChart(named, 'gh_mean_ug_l', 'compare-gh-mean', 'Mean GH per day'),
          ],
    [named],
  );
  const profile = useMemo(() => compareProfileChart(named, shown), [named, shown]);

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
