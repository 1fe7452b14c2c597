// SPDX-License-Identifier: MIT
/**
 * The scenario editor: the form and the YAML view side by side, kept in sync both ways, validated by the API as
 * you type, with Save (in place for a saved scenario, else a new one), Save as (a copy under a new name), Delete,
 * and Run (a new run, then its page). Leaving with unsaved edits asks first.
 */
import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import {
  ApiRequestError,
  deleteScenario,
  describeError,
  saveScenario,
  submitRun,
  updateScenario,
} from '../api/client.js';
import type { FieldIssue, ScenarioRecord, Screening } from '../api/types.js';
import { Findings } from '../components/findings.js';
import { navigate } from '../router.js';
import { useUnsavedGuard } from './use-unsaved-guard.js';
import { fromYaml, getIn, removeAt, setIn, toYaml } from '../scenario/document.js';
import type { Doc, Path } from '../scenario/document.js';
import { focusField } from './fields.js';
import { ScenarioForm } from './scenario-form.js';
import { issuesOfState, useValidation } from './use-validation.js';
import type { ValidationState } from './use-validation.js';

/** The editor's document and the YAML text shown for it. */
interface EditorState {
  readonly doc: Doc;
  readonly yamlText: string;
  /** The YAML text's syntax error; the document is then the last one that parsed. */
  readonly yamlError: string | null;
}

function fromDoc(doc: Doc): EditorState {
  return { doc, yamlText: toYaml(doc), yamlError: null };
}

function withYaml(state: EditorState, text: string): EditorState {
  const parsed = fromYaml(text);
  if ('error' in parsed) return { ...state, yamlText: text, yamlError: parsed.error };
  return { doc: parsed.doc, yamlText: text, yamlError: null };
}

function ValidationStatus({ state, yamlError }: { state: ValidationState; yamlError: boolean }): ReactNode {
  if (yamlError) return <span className="status status-invalid">YAML syntax error</span>;
  switch (state.status) {
    case 'checking':
      return <span className="status status-checking">Checking…</span>;
    case 'valid':
      if (state.screening.status === 'contraindicated') {
        return (
          <span className="status status-invalid">
            ✓ Valid scenario, but contraindicated (see the screening)
          </span>
        );
      }
      return (
        <span className="status status-valid">
          ✓ Valid scenario{state.screening.status === 'caution' ? ', with cautions (see the screening)' : ''}
        </span>
      );
    case 'invalid':
      return (
        <span className="status status-invalid">
          {state.issues.length} problem{state.issues.length === 1 ? '' : 's'}
        </span>
      );
    case 'unavailable':
      return <span className="status status-invalid">Cannot validate: {state.message}</span>;
  }
}

function IssueSummary({ issues }: { issues: readonly FieldIssue[] }): ReactNode {
  if (issues.length === 0) return null;
  return (
    <div className="issue-summary" role="alert" data-testid="issues">
      <strong>Fix these to run the scenario:</strong>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>
            <button type="button" className="link-button" onClick={() => focusField(issue.path)}>
              <code>{issue.path || '(document)'}</code>
            </button>{' '}
            {issue.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What the last Save or Run said. */
type ActionOutcome =
  | { readonly kind: 'none' }
  | { readonly kind: 'busy'; readonly what: string }
  | { readonly kind: 'saved'; readonly record: ScenarioRecord }
  | { readonly kind: 'error'; readonly message: string }
  | { readonly kind: 'contraindicated'; readonly screening: Screening | null; readonly message: string };

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function screeningOf(details: unknown): Screening | null {
  const s = details as Partial<Screening> | undefined;
  return s && typeof s.status === 'string' && Array.isArray(s.findings) ? (s as Screening) : null;
}

function Outcome({ outcome, onRunAnyway }: { outcome: ActionOutcome; onRunAnyway: () => void }): ReactNode {
  switch (outcome.kind) {
    case 'none':
      return null;
    case 'busy':
      return <p className="notice">{outcome.what}…</p>;
    case 'saved':
      return (
        <p className="notice notice-ok" role="status">
          Saved as “{outcome.record.name}”.
        </p>
      );
    case 'error':
      return (
        <p className="notice notice-error" role="alert">
          {outcome.message}
        </p>
      );
    case 'contraindicated':
      return (
        <div className="notice notice-error" role="alert">
          <p>{outcome.message}</p>
          {outcome.screening ? <Findings screening={outcome.screening} /> : null}
          <button type="button" onClick={onRunAnyway}>
            Run anyway, for research (findings kept in the result)
          </button>
        </div>
      );
  }
}

/** Choices of draws for a run's uncertainty bands (the API allows 2–100). */
const DRAW_CHOICES = [20, 50, 100] as const;

/** Whether the run adds uncertainty bands, and from how many draws of the patient. */
function UncertaintySelect(props: {
  value: number | null;
  enabled: boolean;
  onChange: (draws: number | null) => void;
}): ReactNode {
  return (
    <label
      className="inline-field"
      title={
        props.enabled
          ? '5–95 % bands over draws of the patient’s parameters; the run takes about N + 1 times as long'
          : 'Bands draw the patient’s parameters: set patient variability to typical to ask for them'
      }
    >
      Bands{' '}
      <select
        value={props.value === null ? '' : String(props.value)}
        disabled={!props.enabled}
        onChange={(event) => props.onChange(event.target.value === '' ? null : Number(event.target.value))}
      >
        <option value="">none</option>
        {DRAW_CHOICES.map((n) => (
          <option key={n} value={String(n)}>
            {n} draws
          </option>
        ))}
      </select>
    </label>
  );
}

/** The inline "Save as" form: a name for the copy. */
function SaveAsForm(props: {
  initialName: string;
  onSave: (name: string) => void;
  onCancel: () => void;
}): ReactNode {
  const [name, setName] = useState(props.initialName);
  return (
    <form
      className="save-as"
      onSubmit={(event) => {
        event.preventDefault();
        if (name.trim() !== '') props.onSave(name.trim());
      }}
    >
      <label htmlFor="save-as-name">Name of the copy</label>
      <input
        id="save-as-name"
        value={name}
        maxLength={200}
        autoFocus
        onChange={(event) => setName(event.target.value)}
      />
      <button type="submit" className="primary" disabled={name.trim() === ''}>
        Save copy
      </button>
      <button type="button" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

/**
 * The editor for one document. `savedId` is the saved scenario it edits (Save then updates it in place), or
 * `null` for a new or unsaved document; `onSaved` hears of each saved record, `onDeleted` of the deletion.
 */
export function ScenarioEditor(props: {
  initial: Doc;
  savedId: string | null;
  onSaved: (record: ScenarioRecord) => void;
  onDeleted: () => void;
}): ReactNode {
  const [state, setState] = useState(() => fromDoc(props.initial));
  const [outcome, setOutcome] = useState<ActionOutcome>({ kind: 'none' });
  const [savingAs, setSavingAs] = useState(false);
  const [draws, setDraws] = useState<number | null>(null);
  const { dirty, markSaved } = useUnsavedGuard(state.doc, props.initial);
  const validation = useValidation(state.doc);
  const issues = issuesOfState(validation);

  const set = useCallback(
    (path: Path, value: unknown) => setState((s) => fromDoc(setIn(s.doc, path, value))),
    [],
  );
  const remove = useCallback(
    (path: Path, index: number) => setState((s) => fromDoc(removeAt(s.doc, path, index))),
    [],
  );

  const failed = (error: unknown): void => {
    if (error instanceof ApiRequestError && error.code === 'CONTRAINDICATED') {
      setOutcome({ kind: 'contraindicated', screening: screeningOf(error.details), message: error.message });
    } else setOutcome({ kind: 'error', message: describeError(error) });
  };
  const saved = (record: ScenarioRecord): void => {
    markSaved(state.doc);
    setOutcome({ kind: 'saved', record });
    props.onSaved(record);
  };
  const save = (): void => {
    setOutcome({ kind: 'busy', what: 'Saving' });
    const request = props.savedId ? updateScenario(props.savedId, state.doc) : saveScenario(state.doc);
    request.then(saved, failed);
  };
  const saveAs = (name: string): void => {
    setSavingAs(false);
    setOutcome({ kind: 'busy', what: 'Saving a copy' });
    const copy = { ...state.doc, name };
    saveScenario(copy).then((record) => {
      setState(fromDoc(copy));
      markSaved(copy);
      setOutcome({ kind: 'saved', record });
      props.onSaved(record);
    }, failed);
  };
  const deleteSaved = (): void => {
    const id = props.savedId;
    if (id === null) return;
    if (!window.confirm(`Delete the saved scenario “${text(state.doc.name)}”? Runs made from it are kept.`))
      return;
    setOutcome({ kind: 'busy', what: 'Deleting' });
    deleteScenario(id).then(() => {
      markSaved(state.doc);
      props.onDeleted();
    }, failed);
  };
  const canDraw = getIn(state.doc, ['patient', 'variability']) === 'typical';
  const run = (research: boolean): void => {
    setOutcome({ kind: 'busy', what: 'Submitting the run' });
    // The run keeps its own copy of the document, and its page links back to it: nothing is lost by leaving.
    submitRun(state.doc, research, canDraw ? draws : null).then(
      (id) => navigate(`/runs/${id}`, { force: true }),
      failed,
    );
  };
  const blocked = validation.status === 'valid' && validation.screening.status === 'contraindicated';

  return (
    <section className="editor" aria-label="Scenario editor">
      <div className="editor-toolbar">
        <ValidationStatus state={validation} yamlError={state.yamlError !== null} />
        {dirty ? (
          <span className="status status-unsaved" data-testid="unsaved">
            Unsaved changes
          </span>
        ) : null}
        <div className="editor-actions">
          <button type="button" onClick={save} disabled={state.yamlError !== null}>
            Save
          </button>
          <button type="button" onClick={() => setSavingAs(true)} disabled={state.yamlError !== null}>
            Save as…
          </button>
          {props.savedId !== null ? (
            <button type="button" className="danger" onClick={deleteSaved}>
              Delete
            </button>
          ) : null}
          <button
            type="button"
            className="primary"
            onClick={() => run(false)}
            disabled={state.yamlError !== null || validation.status !== 'valid' || blocked}
            title={
              blocked
                ? 'The screening finds a contraindication: see the findings, or run it anyway for research'
                : undefined
            }
          >
            ▶ Run
          </button>
          <UncertaintySelect value={canDraw ? draws : null} onChange={setDraws} enabled={canDraw} />
        </div>
      </div>
      {savingAs ? (
        <SaveAsForm
          initialName={`${text(state.doc.name)} (copy)`}
          onSave={saveAs}
          onCancel={() => setSavingAs(false)}
        />
      ) : null}
      {blocked ? (
        <p className="notice notice-error" role="status">
          Run is disabled: the screening finds a contraindication (listed under the YAML).{' '}
          <button type="button" className="link-button" onClick={() => run(true)}>
            Run anyway, for research (findings kept in the result)
          </button>
        </p>
      ) : null}
      <Outcome outcome={outcome} onRunAnyway={() => run(true)} />
      <IssueSummary issues={issues} />
      <div className="editor-columns">
        <ScenarioForm doc={state.doc} issues={issues} set={set} remove={remove} />
        <div className="yaml-pane">
          <label htmlFor="scenario-yaml">
            YAML <span className="field-hint">edit here or in the form: both stay in sync</span>
          </label>
          <textarea
            id="scenario-yaml"
            spellCheck={false}
            wrap="off"
            value={state.yamlText}
            aria-invalid={state.yamlError !== null}
            onChange={(event) => {
              const text = event.target.value;
              setState((s) => withYaml(s, text));
            }}
          />
          {state.yamlError ? (
            <pre className="yaml-error" role="alert">
              {state.yamlError}
            </pre>
          ) : null}
          {validation.status === 'valid' ? <Findings screening={validation.screening} /> : null}
        </div>
      </div>
    </section>
  );
}
