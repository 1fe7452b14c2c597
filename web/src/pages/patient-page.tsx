// SPDX-License-Identifier: MIT
/**
 * One patient: covariates and imported labs, and their twin: the history taken so far and the days to predict go
 * to `POST /api/v1/patients/{id}/predict`, which fits the twin to the stored labs and predicts; the page plots the
 * measured IGF-1 against the predicted median and 90 % band and lists the fitted parameters with their intervals.
 */
import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { deletePatient, describeError } from '../api/client.js';
import { getPatient, predictPatient } from '../api/patients.js';
import type { FittedParameter, PatientPrediction, PatientRecord, PredictRequest } from '../api/patients.js';
import { predictionChart } from '../patients/labs.js';
import { Chart } from '../plots/chart.js';
import { formatNumber } from '../plots/ticks.js';
import { Link, navigate } from '../router.js';
import { usePageTitle } from '../components/use-page-title.js';
import { RequestProgressView } from '../components/request-progress.js';
import { quantityOfName } from '../../../src/scenario/vocabulary.js';
import { unitOfName, valueIn } from '../units/convert.js';
import { UnitToggle } from '../units/unit-toggle.js';
import { useUnitSystem } from '../units/unit-system.js';

const MS_PER_DAY = 86_400_000;

/** Whole days from the first to the last lab date (at least 1): the default length of the history. */
function labSpanDays(patient: PatientRecord): number {
  const times = patient.labs.map((l) => Date.parse(l.drawn_at.slice(0, 10))).filter(Number.isFinite);
  if (times.length === 0) return 28;
  return Math.max(1, Math.round((Math.max(...times) - Math.min(...times)) / MS_PER_DAY));
}

/** Non-empty lines of a text area. */
function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function LabsTable({ patient }: { patient: PatientRecord }): ReactNode {
  if (patient.labs.length === 0) return <p className="muted">No labs stored.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="patient-labs">
        <thead>
          <tr>
            <th>Drawn</th>
            <th>Lab</th>
            <th>Value</th>
            <th>Unit</th>
          </tr>
        </thead>
        <tbody>
          {patient.labs.map((l, i) => (
            <tr key={i}>
              <td>{l.drawn_at}</td>
              <td>{l.analyte}</td>
              <td>{l.value}</td>
              <td>{l.unit}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ParameterTable({ parameters }: { parameters: readonly FittedParameter[] }): ReactNode {
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="twin-parameters">
        <thead>
          <tr>
            <th>Parameter</th>
            <th>Population</th>
            <th>Fitted</th>
            <th>95 % interval</th>
            <th>Unit</th>
          </tr>
        </thead>
        <tbody>
          {parameters.map((p) => (
            <tr key={p.name}>
              <td title={p.description}>{p.name}</td>
              <td>{formatNumber(p.population)}</td>
              <td>{formatNumber(p.estimate)}</td>
              <td>
                {formatNumber(p.ci95[0])} – {formatNumber(p.ci95[1])}
              </td>
              <td>{p.unit}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PredictionView({ prediction, name }: { prediction: PatientPrediction; name: string }): ReactNode {
  const notes = [...prediction.fit.notes, ...prediction.notes];
  const ignored = prediction.fit.ignored;
  const [units, setUnits] = useUnitSystem();
  return (
    <div data-testid="twin-prediction">
      <UnitToggle value={units} onChange={setUnits} />
      <Chart spec={predictionChart(prediction, name)} />
      <h2>Fitted twin</h2>
      {prediction.fit.converged ? null : (
        <p className="notice notice-error">The fit did not converge: read the parameters with care.</p>
      )}
      <ParameterTable parameters={prediction.fit.parameters} />
      {notes.length + ignored.length > 0 ? (
        <ul className="muted">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
          {ignored.map((l) => (
            <li key={`${l.day}-${l.lab}-${l.value}`}>
              Day {l.day} {l.lab} {formatNumber(valueIn(l.lab, l.value, units))}
              {quantityOfName(l.lab) ? ` ${unitOfName(l.lab, '', units)}` : ''}: not used ({l.reason})
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

function PredictForm({
  patient,
  onDone,
}: {
  patient: PatientRecord;
  onDone: (p: PatientPrediction) => void;
}): ReactNode {
  const [history, setHistory] = useState('');
  const [historyDays, setHistoryDays] = useState(() => labSpanDays(patient));
  const [future, setFuture] = useState('');
  const [futureDays, setFutureDays] = useState(90);
  const [draws, setDraws] = useState(20);
  const [progressToken, setProgressToken] = useState<string | null>(null);
  const busy = progressToken !== null;
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const futureRegimen = lines(future);
    const body: PredictRequest = {
      scenario: {
        name: `${patient.name} history`,
        seed: 1,
        duration_days: historyDays,
        regimen: lines(history),
      },
      future_days: futureDays,
      draws,
      ...(futureRegimen.length > 0 ? { regimen: futureRegimen } : {}),
    };
    const token = crypto.randomUUID();
    setProgressToken(token);
    setError(null);
    predictPatient(patient.id, body, token).then(
      (p) => {
        setProgressToken(null);
        onDone(p);
      },
      (e: unknown) => {
        setProgressToken(null);
        setError(describeError(e));
      },
    );
  };

  return (
    <form onSubmit={submit} aria-label="Predict">
      <fieldset className="form-section">
        <legend>Twin: history and prediction</legend>
        <label className="field field-wide">
          Regimen taken so far, one line each (empty: untreated); day 0 is the first lab
          <textarea
            rows={2}
            value={history}
            onChange={(e) => setHistory(e.target.value)}
            placeholder="sermorelin 300 mcg sc at bedtime daily"
          />
        </label>
        <label className="field field-wide">
          Regimen of the predicted days (empty: the one above continues)
          <textarea
            rows={2}
            value={future}
            onChange={(e) => setFuture(e.target.value)}
            placeholder="sermorelin 500 mcg sc at bedtime 5on2off"
          />
        </label>
        <div className="field-row">
          <label className="field">
            History (days)
            <input
              type="number"
              min={1}
              value={historyDays}
              onChange={(e) => setHistoryDays(Number(e.target.value))}
            />
          </label>
          <label className="field">
            Predict (days)
            <input
              type="number"
              min={1}
              value={futureDays}
              onChange={(e) => setFutureDays(Number(e.target.value))}
            />
          </label>
          <label className="field">
            Draws (1–50)
            <input
              type="number"
              min={1}
              max={50}
              value={draws}
              onChange={(e) => setDraws(Number(e.target.value))}
            />
          </label>
        </div>
        {error ? (
          <p className="notice notice-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Fitting and predicting…' : 'Fit and predict'}
          </button>
        </div>
        {progressToken !== null ? (
          <RequestProgressView token={progressToken} label="Twin fit and prediction progress" />
        ) : null}
      </fieldset>
    </form>
  );
}

/** The page of one stored patient. */
export function PatientPage({ patientId }: { patientId: string }): ReactNode {
  const [patient, setPatient] = useState<PatientRecord | null>(null);
  const [prediction, setPrediction] = useState<PatientPrediction | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getPatient(patientId).then(setPatient, (e: unknown) => setError(describeError(e)));
  }, [patientId]);
  usePageTitle(patient ? `Patient: ${patient.name}` : 'Patient');
  if (error) return <p className="notice notice-error">{error}</p>;
  if (!patient) return <p className="muted">Loading…</p>;
  const c = patient.covariates;
  return (
    <section>
      <p className="breadcrumb">
        <Link href="/patients">Patients</Link> / {patient.name}
      </p>
      <h1>{patient.name}</h1>
      <p className="lead">
        {String(c.age_years)} years, {String(c.sex)}, {String(c.weight_kg)} kg, {String(c.height_cm)} cm
      </p>
      <p className="notice" role="note">
        The twin is the model adjusted to these labs; its prediction and interval say nothing about what the
        model leaves out. Research and education only, not a clinical tool and not dosing advice.
      </p>
      <LabsTable patient={patient} />
      <div className="button-row">
        <button
          type="button"
          className="danger"
          onClick={() => {
            if (!window.confirm(`Delete the patient “${patient.name}” and their labs?`)) return;
            deletePatient(patient.id).then(
              () => navigate('/patients'),
              (e: unknown) => setError(describeError(e)),
            );
          }}
        >
          Delete patient
        </button>
      </div>
      <PredictForm patient={patient} onDone={setPrediction} />
      {prediction ? <PredictionView prediction={prediction} name={patient.name} /> : null}
    </section>
  );
}
