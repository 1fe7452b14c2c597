// SPDX-License-Identifier: MIT
/**
 * Virtual trials: the list of trials, and a trial document to edit (YAML, with an arms panel to add and remove
 * arms) and run. Running posts the document to `POST /api/v1/trials` and opens the trial's page, which shows its
 * live progress and then the results.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { DRUG_NAMES, drugRoutes, drugUnits } from '../api/contract.js';
import { ApiRequestError, describeError } from '../api/client.js';
import { listTrials, submitTrial } from '../api/trials.js';
import type { TrialView } from '../api/trials.js';
import { Link, navigate } from '../router.js';
import { addArm, armsOf, EXAMPLE_TRIAL, removeArm, submittable } from '../trials/document.js';
import '../trials/trials.css';
import { usePageTitle } from '../components/use-page-title.js';

function TrialList(): ReactNode {
  const [trials, setTrials] = useState<TrialView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listTrials().then(setTrials, (e: unknown) => setError(describeError(e)));
  }, []);
  if (error) return <p className="notice notice-error">{error}</p>;
  if (!trials) return <p className="muted">Loading…</p>;
  if (trials.length === 0) return <p className="muted">No trials yet.</p>;
  return (
    <ul className="trial-list">
      {trials.map((t) => (
        <li key={t.id}>
          <Link href={`/trials/${encodeURIComponent(t.id)}`}>{t.name}</Link>{' '}
          <span className={`badge badge-run-${t.status}`}>{t.status}</span>
        </li>
      ))}
    </ul>
  );
}

function AddArmForm({ onAdd }: { onAdd: (arm: Parameters<typeof addArm>[1]) => void }): ReactNode {
  const [name, setName] = useState('');
  const [drug, setDrug] = useState<string>('sermorelin');
  const [amount, setAmount] = useState(300);
  const [unit, setUnit] = useState('mcg');
  const [route, setRoute] = useState('sc');
  const [at, setAt] = useState('bedtime');
  return (
    <form
      className="add-arm"
      onSubmit={(event) => {
        event.preventDefault();
        onAdd({ name: name || `${drug} ${amount} ${unit}`, drug, amount, unit, route, at });
        setName('');
      }}
    >
      <label>
        Arm name{' '}
        <input
          aria-label="Arm name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder={`${drug} ${amount} ${unit}`}
        />
      </label>
      <label>
        Drug{' '}
        <select
          aria-label="Drug"
          value={drug}
          onChange={(e) => {
            setDrug(e.target.value);
            setRoute(drugRoutes(e.target.value)[0]);
            if (!(drugUnits(e.target.value) as readonly string[]).includes(unit)) setUnit('mcg');
          }}
        >
          {DRUG_NAMES.map((d) => (
            <option key={d}>{d}</option>
          ))}
        </select>
      </label>
      <label>
        Dose{' '}
        <input
          aria-label="Dose amount"
          type="number"
          min={0}
          step="any"
          value={amount}
          onChange={(e) => setAmount(Number(e.target.value))}
        />
      </label>
      <select aria-label="Dose unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
        {drugUnits(drug).map((u) => (
          <option key={u}>{u}</option>
        ))}
      </select>
      <select aria-label="Route" value={route} onChange={(e) => setRoute(e.target.value)}>
        {drugRoutes(drug).map((r) => (
          <option key={r}>{r}</option>
        ))}
      </select>
      <label>
        At <input aria-label="Dose time" value={at} onChange={(e) => setAt(e.target.value)} size={8} />
      </label>
      <button type="submit">Add arm</button>
    </form>
  );
}

function ArmsPanel({ text, onChange }: { text: string; onChange: (text: string) => void }): ReactNode {
  const [error, setError] = useState<string | null>(null);
  const apply = (edit: () => string): void => {
    try {
      onChange(edit());
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  };
  const arms = armsOf(text);
  return (
    <section aria-label="Arms">
      <h2>Arms</h2>
      <p className="muted">The first arm is the reference of every difference.</p>
      <ol className="arm-list">
        {arms.map((arm, i) => (
          <li key={`${arm.name}-${i}`}>
            <strong>{arm.name}</strong>: {arm.lines.length === 0 ? 'no treatment' : arm.lines.join('; ')}{' '}
            <button type="button" className="link-button" onClick={() => apply(() => removeArm(text, i))}>
              remove
            </button>
          </li>
        ))}
      </ol>
      <AddArmForm onAdd={(arm) => apply(() => addArm(text, arm))} />
      {error ? <p className="notice notice-error">{error}</p> : null}
    </section>
  );
}

function TrialEditor(): ReactNode {
  const [text, setText] = useState(EXAMPLE_TRIAL);
  const [error, setError] = useState<ApiRequestError | string | null>(null);
  const [research, setResearch] = useState(false);
  const [busy, setBusy] = useState(false);
  const run = (): void => {
    setBusy(true);
    setError(null);
    let document: unknown;
    try {
      document = submittable(text);
    } catch (e) {
      setError(describeError(e));
      setBusy(false);
      return;
    }
    submitTrial(document, research).then(
      (id) => navigate(`/trials/${encodeURIComponent(id)}`),
      (e: unknown) => {
        setError(e instanceof ApiRequestError ? e : describeError(e));
        setBusy(false);
      },
    );
  };
  return (
    <div className="trial-columns">
      <section aria-label="Trial document">
        <h2>Trial document</h2>
        <textarea
          className="trial-document"
          aria-label="Trial document (YAML)"
          spellCheck={false}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {error instanceof ApiRequestError ? (
          <div className="notice notice-error" data-testid="trial-errors">
            <p>{error.message}</p>
            <ul>
              {error.issues.map((i) => (
                <li key={`${i.path}:${i.message}`}>
                  <code>{i.path || '(document)'}</code>: {i.message}
                </li>
              ))}
            </ul>
          </div>
        ) : error ? (
          <p className="notice notice-error">{error}</p>
        ) : null}
        <div className="button-row">
          <button type="button" className="primary" disabled={busy} onClick={run}>
            {busy ? 'Submitting…' : 'Run trial'}
          </button>
          <label>
            <input type="checkbox" checked={research} onChange={(e) => setResearch(e.target.checked)} /> run
            even if contraindicated (research)
          </label>
        </div>
      </section>
      <ArmsPanel text={text} onChange={setText} />
    </div>
  );
}

/** `/trials`: the trial editor and the list of trials. */
export function TrialsPage(): ReactNode {
  usePageTitle('Virtual trials');
  return (
    <section className="trials-page">
      <h1>Virtual trials</h1>
      <p className="lead">
        A sampled population, the same patients in every arm (paired) unless the design is parallel; per-arm
        endpoints with 95 % confidence intervals and each arm&apos;s difference from the first.
      </p>
      <TrialEditor />
      <h2>Trials</h2>
      <TrialList />
    </section>
  );
}
