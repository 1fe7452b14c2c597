// SPDX-License-Identifier: MIT
/**
 * Form fields bound to a field path of the scenario document, each showing the validation issues that concern it
 * (with their field path) right below it.
 */
import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { FieldIssue } from '../api/types.js';
import { parseNumberInput } from '../scenario/document.js';
import { issuesFor } from '../scenario/issues.js';

/** The path one level up: `regimen[0].dose.amount` → `regimen[0].dose` → `regimen[0]` → `regimen` → ''. */
export function parentPath(path: string): string {
  return path.replace(/(\.[^.[\]]+|\[\d+\]|^[^.[\]]+)$/, '');
}

/** Focuses the input bound to a field path (or to the nearest enclosing path), if it is on the page. */
export function focusField(path: string): void {
  for (let p = path; p !== ''; p = parentPath(p)) {
    const element = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(p)}"]`);
    if (!element) continue;
    element.scrollIntoView({ block: 'center' });
    const input = element.matches('input, select, textarea')
      ? element
      : element.querySelector<HTMLElement>('input, select');
    input?.focus();
    return;
  }
}

/** The issues of one field, each with its path. */
export function FieldIssues({ issues, path }: { issues: readonly FieldIssue[]; path: string }): ReactNode {
  const mine = issuesFor(issues, path);
  if (mine.length === 0) return null;
  return (
    <ul className="field-issues" role="alert">
      {mine.map((issue, i) => (
        <li key={i}>
          <code>{issue.path || '(document)'}</code> {issue.message}
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  readonly label: string;
  /** Field path in API form (`patient.age_years`). */
  readonly path: string;
  readonly issues: readonly FieldIssue[];
  /** Unit or short hint shown after the label. */
  readonly hint?: string;
  /** Takes about twice the width of a plain field (long option labels). */
  readonly wide?: boolean;
}

function Field(props: FieldProps & { id: string; children: ReactNode }): ReactNode {
  const invalid = issuesFor(props.issues, props.path).length > 0;
  return (
    <div
      className={['field', invalid ? 'field-invalid' : '', props.wide ? 'field-wide' : ''].join(' ').trim()}
    >
      <label htmlFor={props.id}>
        {props.label}
        {props.hint ? <span className="field-hint"> {props.hint}</span> : null}
      </label>
      {props.children}
      <FieldIssues issues={props.issues} path={props.path} />
    </div>
  );
}

function numberText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  return typeof value === 'string' ? value : '';
}

/**
 * A number input. It keeps the text being typed (`6.` on the way to `6.5`) and hands the parsed value up: a number,
 * `undefined` when empty (an optional field), or the raw text when it is not a number (the API then names it).
 */
export function NumberField(
  props: FieldProps & {
    value: unknown;
    onChange: (value: number | string | undefined) => void;
    step?: number;
    placeholder?: string;
  },
): ReactNode {
  const id = useId();
  const [text, setText] = useState(numberText(props.value));
  useEffect(() => {
    // Follow changes from elsewhere (the YAML view, a loaded scenario) unless they are what is typed here.
    if (parseNumberInput(text) !== props.value) setText(numberText(props.value));
    // Only outside changes of the value matter here, hence `text` is deliberately not a dependency.
  }, [props.value]);
  return (
    <Field {...props} id={id}>
      <input
        id={id}
        data-path={props.path}
        type="text"
        inputMode="decimal"
        value={text}
        placeholder={props.placeholder}
        aria-invalid={issuesFor(props.issues, props.path).length > 0}
        onChange={(event) => {
          setText(event.target.value);
          props.onChange(parseNumberInput(event.target.value));
        }}
      />
      {typeof parseNumberInput(text) === 'string' ? (
        <p className="field-issues" role="alert">
          “{text.trim()}” is not a number: write digits, with a point for decimals (e.g. 0.25).
        </p>
      ) : null}
    </Field>
  );
}

/** A text input (names, clock times). */
export function TextField(
  props: FieldProps & {
    value: string;
    onChange: (value: string) => void;
    placeholder?: string;
    type?: 'text' | 'time';
  },
): ReactNode {
  const id = useId();
  return (
    <Field {...props} id={id}>
      <input
        id={id}
        data-path={props.path}
        type={props.type ?? 'text'}
        value={props.value}
        placeholder={props.placeholder}
        aria-invalid={issuesFor(props.issues, props.path).length > 0}
        onChange={(event) => props.onChange(event.target.value)}
      />
    </Field>
  );
}

/** A choice among fixed options. */
export function SelectField<T extends string>(
  props: FieldProps & {
    value: string;
    options: readonly T[];
    labels?: Readonly<Partial<Record<T, string>>>;
    onChange: (value: T) => void;
  },
): ReactNode {
  const id = useId();
  const known = (props.options as readonly string[]).includes(props.value);
  return (
    <Field {...props} id={id}>
      <select
        id={id}
        data-path={props.path}
        value={props.value}
        aria-invalid={issuesFor(props.issues, props.path).length > 0}
        onChange={(event) => props.onChange(event.target.value as T)}
      >
        {known ? null : <option value={props.value}>{props.value || '(choose)'}</option>}
        {props.options.map((option) => (
          <option key={option} value={option}>
            {props.labels?.[option] ?? option}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A set of checkboxes for a list of names (conditions, weekdays). */
export function CheckboxList<T extends string>(props: {
  legend: string;
  path: string;
  options: readonly T[];
  selected: readonly string[];
  issues: readonly FieldIssue[];
  onChange: (selected: T[]) => void;
  labels?: (option: T) => string;
}): ReactNode {
  const toggle = (option: T, on: boolean): void => {
    const next = props.options.filter((o) => (o === option ? on : props.selected.includes(o)));
    props.onChange(next);
  };
  return (
    <fieldset className="checkbox-list" data-path={props.path}>
      <legend>{props.legend}</legend>
      {props.options.map((option) => (
        <label key={option} className="checkbox">
          <input
            type="checkbox"
            checked={props.selected.includes(option)}
            onChange={(event) => toggle(option, event.target.checked)}
          />
          {props.labels ? props.labels(option) : option}
        </label>
      ))}
      <FieldIssues issues={props.issues} path={props.path} />
    </fieldset>
  );
}
