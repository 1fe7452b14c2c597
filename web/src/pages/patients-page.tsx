// SPDX-License-Identifier: MIT
/**
 * Patients: the stored patients, and a form to store one with covariates and labs pasted as CSV
 * (`date,lab,value,unit`). The server checks each lab's analyte, unit and date and names the bad field.
 */
import { useEffect, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { describeError } from '../api/client.js';
import { createPatient, listPatients } from '../api/patients.js';
import type { PatientRecord } from '../api/patients.js';
import { parseLabCsv } from '../patients/labs.js';
import { Link, navigate } from '../router.js';
import { usePageTitle } from '../components/use-page-title.js';

const EXAMPLE_LABS = [
  'date,lab,value,unit',
  '2026-03-02,igf1_ng_ml,120,ng/mL',
  '2026-03-02,glucose_fasting_mg_dl,99,mg/dL',
  '2026-03-30,igf1,19.1,nmol/L',
].join('\n');

function PatientList(): ReactNode {
  const [patients, setPatients] = useState<PatientRecord[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listPatients().then(setPatients, (e: unknown) => setError(describeError(e)));
  }, []);
  if (error) return <p className="notice notice-error">{error}</p>;
  if (!patients) return <p className="muted">Loading…</p>;
  if (patients.length === 0) return <p className="muted">No patients yet.</p>;
  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="patient-list">
        <thead>
          <tr>
            <th>Name</th>
            <th>Labs</th>
            <th>Stored</th>
          </tr>
        </thead>
        <tbody>
          {patients.map((p) => (
            <tr key={p.id}>
              <td>
                <Link href={`/patients/${encodeURIComponent(p.id)}`}>{p.name}</Link>
              </td>
              <td>{p.labs.length}</td>
              <td>{p.created_at.slice(0, 10)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function NewPatientForm(): ReactNode {
  const [name, setName] = useState('');
  const [age, setAge] = useState(50);
  const [sex, setSex] = useState<'male' | 'female'>('male');
  const [weight, setWeight] = useState(80);
  const [height, setHeight] = useState(175);
  const [csv, setCsv] = useState(EXAMPLE_LABS);
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const parsed = parseLabCsv(csv);
    if (parsed.errors.length > 0) {
      setErrors(parsed.errors);
      return;
    }
    setBusy(true);
    setErrors([]);
    const patient = { age_years: age, sex, weight_kg: weight, height_cm: height };
    createPatient({ name: name.trim() || 'Unnamed patient', patient, labs: parsed.labs }).then(
      (record) => navigate(`/patients/${encodeURIComponent(record.id)}`),
      (e: unknown) => {
        setBusy(false);
        setErrors([describeError(e)]);
      },
    );
  };

  const numberInput = (label: string, value: number, set: (v: number) => void): ReactNode => (
    <label className="field">
      {label}
      <input type="number" value={value} onChange={(e) => set(Number(e.target.value))} />
    </label>
  );

  return (
    <form onSubmit={submit} aria-label="New patient">
      <fieldset className="form-section">
        <legend>New patient</legend>
        <div className="field-row">
          <label className="field">
            Name
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Patient A" />
          </label>
          {numberInput('Age (years)', age, setAge)}
          <label className="field">
            Sex
            <select value={sex} onChange={(e) => setSex(e.target.value === 'female' ? 'female' : 'male')}>
              <option value="male">male</option>
              <option value="female">female</option>
            </select>
          </label>
          {numberInput('Weight (kg)', weight, setWeight)}
          {numberInput('Height (cm)', height, setHeight)}
        </div>
        <label className="field field-wide">
          Labs (CSV: date,lab,value,unit; lab e.g. igf1_ng_ml, igf1, glucose_fasting_mg_dl or a LOINC code)
          <textarea rows={6} value={csv} onChange={(e) => setCsv(e.target.value)} spellCheck={false} />
        </label>
        {errors.length > 0 ? (
          <div className="notice notice-error" role="alert">
            <ul>
              {errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Storing…' : 'Store patient'}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** The Patients page. */
export function PatientsPage(): ReactNode {
  usePageTitle('Patients');
  return (
    <section>
      <h1>Patients</h1>
      <p className="lead">
        A patient&apos;s imported labs against their twin: the model fitted to the labs, and its prediction
        with a 90 % interval.
      </p>
      <PatientList />
      <NewPatientForm />
    </section>
  );
}
