// SPDX-License-Identifier: MIT
/**
 * Scenarios: the saved scenarios (the examples are preloaded by `endotwin serve`) on the left, the editor on the
 * right. `/scenarios` starts a new scenario, `/scenarios/{id}` opens a saved one, `/scenarios?run={id}` opens the
 * scenario of a run.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { describeError, getRun, getScenario, listScenarios } from '../api/client.js';
import type { ScenarioSummary } from '../api/types.js';
import { ScenarioEditor } from '../editor/scenario-editor.js';
import { Link, navigate } from '../router.js';
import { newScenario } from '../scenario/document.js';
import type { Doc } from '../scenario/document.js';
import { usePageTitle } from '../components/use-page-title.js';

/** The document to edit, once loaded. */
type Loaded =
  | { readonly kind: 'loading' }
  | {
      readonly kind: 'ready';
      readonly key: string;
      readonly doc: Doc;
      readonly title: string;
      /** The saved scenario being edited, or `null` for a new document or a run's copy. */
      readonly savedId: string | null;
      readonly description: string | null;
    }
  | { readonly kind: 'error'; readonly message: string };

async function loadDocument(scenarioId: string | null, runId: string | null): Promise<Loaded> {
  if (scenarioId !== null) {
    const record = await getScenario(scenarioId);
    return {
      kind: 'ready',
      key: `scenario:${record.id}`,
      doc: record.document,
      title: record.name,
      savedId: record.id,
      description: record.description,
    };
  }
  if (runId !== null) {
    const run = await getRun(runId);
    if (!run.scenario) throw new Error(`run ${runId} has no scenario`);
    return {
      kind: 'ready',
      key: `run:${run.id}`,
      doc: run.scenario,
      title: `${run.name} (from a run)`,
      savedId: null,
      description: null,
    };
  }
  return {
    kind: 'ready',
    key: 'new',
    doc: newScenario(),
    title: 'New scenario',
    savedId: null,
    description: null,
  };
}

function ScenarioList(props: {
  scenarios: ScenarioSummary[] | null;
  error: string | null;
  selected: string | null;
}): ReactNode {
  return (
    <nav className="scenario-list" aria-label="Saved scenarios">
      <Link
        href="/scenarios"
        className="button new-scenario"
        aria-current={props.selected === null ? 'page' : undefined}
      >
        + New scenario
      </Link>
      <h2>Saved scenarios</h2>
      {props.error ? <p className="notice notice-error">{props.error}</p> : null}
      {props.scenarios === null && !props.error ? <p className="muted">Loading…</p> : null}
      {props.scenarios?.length === 0 ? <p className="muted">None yet.</p> : null}
      <ul>
        {(props.scenarios ?? []).map((s) => (
          <li key={s.id}>
            <Link href={`/scenarios/${s.id}`} aria-current={props.selected === s.id ? 'page' : undefined}>
              {s.name}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The scenarios page. */
export function ScenariosPage({
  scenarioId,
  query,
}: {
  scenarioId: string | null;
  query: URLSearchParams;
}): ReactNode {
  const runId = query.get('run');
  const [scenarios, setScenarios] = useState<ScenarioSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'loading' });
  const [listVersion, setListVersion] = useState(0);
  usePageTitle(loaded.kind === 'ready' ? `Scenario: ${loaded.title}` : 'Scenarios');

  useEffect(() => {
    listScenarios().then(setScenarios, (error: unknown) => setListError(describeError(error)));
  }, [listVersion]);

  useEffect(() => {
    let current = true;
    setLoaded({ kind: 'loading' });
    loadDocument(scenarioId, runId).then(
      (result) => current && setLoaded(result),
      (error: unknown) => current && setLoaded({ kind: 'error', message: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [scenarioId, runId]);

  return (
    <div className="scenarios-page">
      <ScenarioList scenarios={scenarios} error={listError} selected={scenarioId} />
      <div className="scenarios-main">
        {loaded.kind === 'loading' ? <p className="muted">Loading…</p> : null}
        {loaded.kind === 'error' ? <p className="notice notice-error">{loaded.message}</p> : null}
        {loaded.kind === 'ready' ? (
          <>
            <h1>{loaded.title}</h1>
            {loaded.description ? (
              <p className="scenario-description" data-testid="scenario-description">
                {loaded.description}
              </p>
            ) : null}
            {query.get('deleted') === '1' ? (
              <p className="notice notice-ok" role="status">
                The scenario was deleted. Runs made from it are still under Runs.
              </p>
            ) : null}
            {query.get('saved') === '1' ? (
              <p className="notice notice-ok" role="status">
                Saved. It is in the list on the left; Run it from here.
              </p>
            ) : null}
            <p className="lead">
              Edit the patient, lifestyle and regimen in the form or in the YAML, then <strong>Run</strong>.
              Each run gets its own page with plots; <Link href="/compare">Compare</Link> overlays finished
              runs.
            </p>
            <ScenarioEditor
              key={loaded.key}
              initial={loaded.doc}
              savedId={loaded.savedId}
              onSaved={(record) => {
                setListVersion((v) => v + 1);
                if (record.id === loaded.savedId) setLoaded({ ...loaded, title: record.name });
                navigate(`/scenarios/${record.id}?saved=1`, { replace: true, force: true });
              }}
              onDeleted={() => {
                setListVersion((v) => v + 1);
                navigate('/scenarios?deleted=1', { replace: true, force: true });
              }}
            />
          </>
        ) : null}
      </div>
    </div>
  );
}
