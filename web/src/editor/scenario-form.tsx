// SPDX-License-Identifier: MIT
/**
 * The scenario form: general settings, patient, lifestyle and regimen lines, each field bound to its path in the
 * document. Every change goes straight to the document (and from there to the YAML view and the validator).
 */
import type { ReactNode } from 'react';
import {
  CONDITIONS,
  DRUG_NAMES,
  ROUTE_LABELS,
  SEXES,
  UNIT_LABELS,
  WEEKDAYS,
  drugLabel,
  drugRoutes,
  drugUnits,
} from '../api/contract.js';
import type { FieldIssue } from '../api/types.js';
import {
  daysKind,
  defaultDays,
  formatAt,
  getIn,
  newRegimenLine,
  parseAt,
  pathString,
  withDrug,
} from '../scenario/document.js';
import type { DaysKind, Doc, Path } from '../scenario/document.js';
import { CheckboxList, FieldIssues, NumberField, SelectField, TextField } from './fields.js';

/** What every section gets: the document, its issues, and a setter by path. */
export interface SectionProps {
  readonly doc: Doc;
  readonly issues: readonly FieldIssue[];
  readonly set: (path: Path, value: unknown) => void;
  /** Removes element `index` of the list at `path`. */
  readonly remove: (path: Path, index: number) => void;
}

/** A document value as input text: strings as they are, numbers written out, anything else empty. */
function text(value: unknown): string {
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : '';
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : [];
}

function GeneralSection({ doc, issues, set }: SectionProps): ReactNode {
  return (
    <fieldset className="form-section">
      <legend>Scenario</legend>
      <div className="field-row">
        <TextField
          label="Name"
          path="name"
          issues={issues}
          value={text(doc.name)}
          onChange={(v) => set(['name'], v)}
        />
      </div>
      <div className="field-row">
        <NumberField
          label="Duration"
          hint="days"
          path="duration_days"
          issues={issues}
          value={doc.duration_days}
          onChange={(v) => set(['duration_days'], v)}
        />
        <NumberField
          label="Seed"
          hint="same seed, same result"
          path="seed"
          issues={issues}
          value={doc.seed}
          onChange={(v) => set(['seed'], v)}
        />
      </div>
    </fieldset>
  );
}

const CONDITION_LABELS: Readonly<Record<string, string>> = {
  pregnancy: 'pregnancy',
  lactation: 'lactation',
  active_malignancy: 'active malignancy',
  type2_diabetes: 'type 2 diabetes',
  impaired_fasting_glucose: 'impaired fasting glucose',
  gh_deficiency: 'GH deficiency',
  hypogonadism: 'hypogonadism',
  recent_anabolic_steroid_use: 'recent anabolic steroid use',
  hypothyroidism: 'hypothyroidism',
};

function PatientSection({ doc, issues, set }: SectionProps): ReactNode {
  const at = (key: string): unknown => getIn(doc, ['patient', key]);
  const setPatient = (key: string) => (value: unknown) => set(['patient', key], value);
  return (
    <fieldset className="form-section">
      <legend>Patient</legend>
      <div className="field-row">
        <NumberField
          label="Age"
          hint="years"
          path="patient.age_years"
          issues={issues}
          value={at('age_years')}
          onChange={setPatient('age_years')}
        />
        <SelectField
          label="Sex"
          path="patient.sex"
          issues={issues}
          value={text(at('sex'))}
          options={SEXES}
          onChange={setPatient('sex')}
        />
        <NumberField
          label="Weight"
          hint="kg"
          path="patient.weight_kg"
          issues={issues}
          value={at('weight_kg')}
          onChange={setPatient('weight_kg')}
        />
        <NumberField
          label="Height"
          hint="cm"
          path="patient.height_cm"
          issues={issues}
          value={at('height_cm')}
          onChange={setPatient('height_cm')}
        />
        <NumberField
          label="Body fat"
          hint="% (optional)"
          placeholder="from BMI"
          path="patient.body_fat_pct"
          issues={issues}
          value={at('body_fat_pct')}
          onChange={setPatient('body_fat_pct')}
        />
      </div>
      <CheckboxList
        legend="Conditions"
        path="patient.conditions"
        options={CONDITIONS}
        selected={strings(at('conditions'))}
        issues={issues}
        labels={(c) => CONDITION_LABELS[c] ?? c}
        onChange={setPatient('conditions')}
      />
      <FieldIssues issues={issues.filter((i) => i.path === 'patient')} path="patient" />
    </fieldset>
  );
}

function LifestyleSection({ doc, issues, set }: SectionProps): ReactNode {
  const sleep = ['lifestyle', 'sleep'] as const;
  return (
    <fieldset className="form-section">
      <legend>Lifestyle</legend>
      <div className="field-row">
        <TextField
          label="Bedtime"
          type="time"
          path="lifestyle.sleep.bedtime"
          issues={issues}
          value={text(getIn(doc, [...sleep, 'bedtime']))}
          onChange={(v) => set([...sleep, 'bedtime'], v === '' ? undefined : v)}
        />
        <NumberField
          label="Sleep duration"
          hint="hours"
          path="lifestyle.sleep.duration_h"
          issues={issues}
          value={getIn(doc, [...sleep, 'duration_h'])}
          onChange={(v) => set([...sleep, 'duration_h'], v)}
        />
      </div>
    </fieldset>
  );
}

const DAYS_KIND_LABELS: Readonly<Record<DaysKind, string>> = {
  every: 'every N days',
  cycle: 'N days on, M off',
  weekdays: 'on weekdays',
};

function DaysFields({
  line,
  path,
  issues,
  set,
}: {
  line: Doc;
  path: Path;
  issues: readonly FieldIssue[];
  set: SectionProps['set'];
}): ReactNode {
  const days = line.days;
  const kind = daysKind(days);
  const daysPath = [...path, 'days'];
  const base = pathString(daysPath);
  return (
    <div className="field-row">
      <SelectField
        label="Days"
        path={base}
        issues={issues.filter((i) => i.path === base)}
        value={kind}
        options={['every', 'cycle', 'weekdays'] as const}
        labels={DAYS_KIND_LABELS}
        onChange={(k) => set(daysPath, defaultDays(k))}
      />
      {kind === 'every' ? (
        <NumberField
          label="Every"
          hint="days"
          path={`${base}.every`}
          issues={issues}
          value={getIn(days, ['every'])}
          onChange={(v) => set([...daysPath, 'every'], v)}
        />
      ) : null}
      {kind === 'cycle' ? (
        <>
          <NumberField
            label="On"
            hint="days"
            path={`${base}.on`}
            issues={issues}
            value={getIn(days, ['on'])}
            onChange={(v) => set([...daysPath, 'on'], v)}
          />
          <NumberField
            label="Off"
            hint="days"
            path={`${base}.off`}
            issues={issues}
            value={getIn(days, ['off'])}
            onChange={(v) => set([...daysPath, 'off'], v)}
          />
        </>
      ) : null}
      {kind === 'weekdays' ? (
        <CheckboxList
          legend="Weekdays"
          path={`${base}.weekdays`}
          options={WEEKDAYS}
          selected={strings(getIn(days, ['weekdays']))}
          issues={issues}
          onChange={(v) => set([...daysPath, 'weekdays'], v)}
        />
      ) : null}
    </div>
  );
}

function RegimenLine({
  line,
  index,
  issues,
  set,
  remove,
}: { line: Doc; index: number } & Omit<SectionProps, 'doc'>): ReactNode {
  const path: Path = ['regimen', index];
  const base = pathString(path);
  const drug = text(line.drug);
  const field = (key: string): string => `${base}.${key}`;
  return (
    <div className="regimen-line" data-path={base}>
      <div className="regimen-line-head">
        <h4>
          Line {index + 1}: {drugLabel(drug)}
        </h4>
        <button
          type="button"
          className="link-button"
          onClick={() => remove(['regimen'], index)}
          aria-label={`Remove line ${index + 1}`}
        >
          Remove
        </button>
      </div>
      <div className="field-row">
        <SelectField
          label="Drug"
          wide
          path={field('drug')}
          issues={issues}
          value={drug}
          options={DRUG_NAMES}
          labels={Object.fromEntries(DRUG_NAMES.map((d) => [d, drugLabel(d)]))}
          onChange={(d) => set(path, withDrug(line, d))}
        />
        <NumberField
          label="Amount"
          path={field('dose.amount')}
          issues={issues}
          value={getIn(line, ['dose', 'amount'])}
          onChange={(v) => set([...path, 'dose', 'amount'], v)}
        />
        <SelectField
          label="Unit"
          path={field('dose.unit')}
          issues={issues}
          value={text(getIn(line, ['dose', 'unit']))}
          options={drugUnits(drug)}
          labels={UNIT_LABELS}
          onChange={(u) => set([...path, 'dose', 'unit'], u)}
        />
        <SelectField
          label="Route"
          hint="this drug’s routes"
          path={field('route')}
          issues={issues}
          value={text(line.route)}
          options={drugRoutes(drug)}
          labels={ROUTE_LABELS}
          onChange={(r) => set([...path, 'route'], r)}
        />
        <TextField
          label="At"
          hint="bedtime or HH:MM, comma-separated"
          path={field('at')}
          issues={issues}
          value={formatAt(line.at)}
          onChange={(v) => set([...path, 'at'], parseAt(v))}
        />
      </div>
      <DaysFields line={line} path={path} issues={issues} set={set} />
      <div className="field-row">
        <NumberField
          label="Start day"
          path={field('start_day')}
          issues={issues}
          value={line.start_day}
          onChange={(v) => set([...path, 'start_day'], v)}
        />
        <NumberField
          label="End day"
          hint="exclusive; empty = to the end"
          path={field('end_day')}
          issues={issues}
          value={line.end_day}
          onChange={(v) => set([...path, 'end_day'], v)}
        />
      </div>
      <FieldIssues issues={issues.filter((i) => i.path === base)} path={base} />
    </div>
  );
}

function RegimenSection({ doc, issues, set, remove }: SectionProps): ReactNode {
  const lines = Array.isArray(doc.regimen) ? (doc.regimen as Doc[]) : [];
  return (
    <fieldset className="form-section">
      <legend>Regimen</legend>
      {lines.length === 0 ? <p className="muted">No drug: the untreated patient.</p> : null}
      {lines.map((line, i) => (
        <RegimenLine key={i} line={line} index={i} issues={issues} set={set} remove={remove} />
      ))}
      <button type="button" onClick={() => set(['regimen', lines.length], newRegimenLine())}>
        + Add a drug
      </button>
      <FieldIssues issues={issues.filter((i) => i.path === 'regimen')} path="regimen" />
    </fieldset>
  );
}

/** The output window: which days the sampled series (the 24-hour profiles) cover, and how often. */
function OutputSection({ doc, issues, set }: SectionProps): ReactNode {
  const output = (typeof doc.output === 'object' && doc.output !== null ? doc.output : {}) as Record<
    string,
    unknown
  >;
  const window = Array.isArray(output.window_days) ? (output.window_days as unknown[]) : [];
  const setWindow = (index: 0 | 1, value: unknown): void => {
    // Unset, the window is days 0 to 7 (or to the end of a shorter scenario).
    const next: unknown[] = [window[0] ?? 0, window[1] ?? Math.min(Number(doc.duration_days) || 7, 7)];
    next[index] = value;
    set(['output', 'window_days'], next);
  };
  return (
    <fieldset className="form-section">
      <legend>Output</legend>
      <p className="field-hint">
        The 24-hour charts can show any day inside this window; a longer window makes a larger result.
      </p>
      <div className="field-row">
        <NumberField
          label="Sampled from day"
          path="output.window_days[0]"
          issues={issues}
          value={window[0]}
          placeholder="0"
          onChange={(v) => setWindow(0, v)}
        />
        <NumberField
          label="to day"
          hint="exclusive"
          path="output.window_days[1]"
          issues={issues}
          value={window[1]}
          placeholder="7"
          onChange={(v) => setWindow(1, v)}
        />
        <NumberField
          label="Every"
          hint="minutes"
          path="output.sample_every_min"
          issues={issues}
          value={output.sample_every_min}
          placeholder="10"
          onChange={(v) => set(['output', 'sample_every_min'], v)}
        />
      </div>
      <FieldIssues issues={issues.filter((i) => i.path === 'output.window_days')} path="output.window_days" />
    </fieldset>
  );
}

/** The whole form. */
export function ScenarioForm(props: SectionProps): ReactNode {
  return (
    <div className="scenario-form">
      <GeneralSection {...props} />
      <PatientSection {...props} />
      <LifestyleSection {...props} />
      <RegimenSection {...props} />
      <OutputSection {...props} />
    </div>
  );
}
