// SPDX-License-Identifier: MIT
/**
 * The scenario document as the editor holds it: a plain JSON object in the shape of `endotwin/scenario/v1`, edited
 * immutably by field path, and its YAML text. The API does all validation; nothing here judges a value.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { drugRoutes, drugUnits } from '../api/contract.js';

/** A scenario document (or any JSON object). */
export type Doc = Readonly<Record<string, unknown>>;

/** A field path as keys and array indices: `['regimen', 0, 'dose', 'amount']`. */
export type Path = readonly (string | number)[];

/** The path as the API writes it: `regimen[0].dose.amount` (same format as the scenario layer's errors). */
export function pathString(path: Path): string {
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or `undefined` where the path does not exist. */
export function getIn(doc: unknown, path: Path): unknown {
  let node: unknown = doc;
  for (const key of path) {
    if (typeof key === 'number' ? !Array.isArray(node) : !isObject(node)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

function setChild(node: unknown, key: string | number, child: unknown): unknown {
  if (typeof key === 'number') {
    const copy = Array.isArray(node) ? [...(node as unknown[])] : [];
    copy[key] = child;
    return copy;
  }
  const copy: Record<string, unknown> = isObject(node) ? { ...node } : {};
  if (child === undefined) delete copy[key];
  else copy[key] = child;
  return copy;
}

/**
 * A copy of `doc` with `value` at `path`, creating the objects and arrays on the way; `undefined` removes an object
 * key (an optional field left empty). Nodes off the path are shared, not copied.
 */
export function setIn<T>(doc: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [key, ...rest] = path;
  const child = rest.length === 0 ? value : setIn(getIn(doc, [key]), rest, value);
  return setChild(doc, key, child) as T;
}

/** A copy of the array at `path` without its element `index`. */
export function removeAt<T>(doc: T, path: Path, index: number): T {
  const list = getIn(doc, path);
  if (!Array.isArray(list)) return doc;
  return setIn(
    doc,
    path,
    list.filter((_, i) => i !== index),
  );
}

/** A new scenario: an untreated 45-year-old man for 28 days, every other field left to its default. */
export function newScenario(): Doc {
  return {
    schema: 'endotwin/scenario/v1',
    name: 'New scenario',
    seed: 1,
    duration_days: 28,
    patient: { age_years: 45, sex: 'male', weight_kg: 80, height_cm: 178, conditions: [] },
    lifestyle: { sleep: { bedtime: '23:00', duration_h: 8 } },
    regimen: [],
  };
}

/** A regimen line to start from: sermorelin 300 mcg SC at bedtime every day. */
export function newRegimenLine(): Doc {
  return {
    drug: 'sermorelin',
    dose: { amount: 300, unit: 'mcg' },
    route: 'sc',
    at: 'bedtime',
    days: { every: 1 },
    start_day: 0,
  };
}

/** A regimen line switched to `drug`, keeping the route and unit when the new drug allows them. */
export function withDrug(line: Doc, drug: string): Doc {
  const routes = drugRoutes(drug);
  const units: readonly string[] = drugUnits(drug);
  const route = routes.includes(line.route as never) ? line.route : routes[0];
  const unit = getIn(line, ['dose', 'unit']);
  const next = { ...line, drug, route };
  return typeof unit === 'string' && !units.includes(unit) ? setIn(next, ['dose', 'unit'], 'mcg') : next;
}

/** The three shapes of a regimen line's `days`. */
export type DaysKind = 'every' | 'cycle' | 'weekdays';

/** Which shape a `days` value has (`every` for anything unrecognised, the schema's default). */
export function daysKind(days: unknown): DaysKind {
  if (isObject(days) && 'on' in days) return 'cycle';
  if (isObject(days) && 'weekdays' in days) return 'weekdays';
  return 'every';
}

/** A sensible `days` value of each shape. */
export function defaultDays(kind: DaysKind): Doc {
  switch (kind) {
    case 'every':
      return { every: 1 };
    case 'cycle':
      return { on: 5, off: 2 };
    case 'weekdays':
      return { weekdays: ['mon', 'wed', 'fri'] };
  }
}

/** `at` as the form shows it: `bedtime`, `21:00`, or a comma-separated list. */
export function formatAt(at: unknown): string {
  if (Array.isArray(at)) return at.map(String).join(', ');
  return typeof at === 'string' ? at : '';
}

/** The form's text back to `at`: one entry stays a string, several become a list. */
export function parseAt(text: string): string | string[] {
  const parts = text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return parts.length === 1 ? parts[0] : parts.length === 0 ? '' : parts;
}

/** The document as YAML, in the field order of the document. */
export function toYaml(doc: Doc): string {
  return stringifyYaml(doc, { lineWidth: 0 });
}

/** The document a YAML (or JSON) text holds, or the syntax error with its line. */
export function fromYaml(text: string): { doc: Doc } | { error: string } {
  let value: unknown;
  try {
    value = parseYaml(text, { prettyErrors: true });
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (!isObject(value)) return { error: 'a scenario is a mapping of fields (name:, patient:, regimen: …)' };
  return { doc: value };
}

/** A number typed in a form field: `undefined` for an empty field, the text itself when it is not a number. */
export function parseNumberInput(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  // Keep what the user typed when it is not a number: the API then names the field and the value.
  return Number.isFinite(value) ? value : trimmed;
}
