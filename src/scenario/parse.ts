// SPDX-License-Identifier: MIT
/**
 * Parsing a scenario document (YAML or JSON text, or an object) into a normalised `Scenario`, with errors that
 * name the field path, the value and what is allowed.
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { DRUGS } from '../physiology/drug-catalog.js';
import type { DrugName } from '../physiology/drug-catalog.js';
import { PARAM_UNITS, isParamName } from '../physiology/param-names.generated.js';
import { RegimenTextError, parseRegimenTextLines } from './regimen-text.js';
import { regimenLineSchema, scenarioSchema } from './schema.js';
import type { Dose, ParsedScenario, RegimenLine, Scenario } from './schema.js';
import { quoteValue } from './quote.js';

/** One problem found in a scenario: where, and what is wrong. */
export interface ScenarioIssue {
  /** Field path such as `regimen[0].dose.amount`. */
  readonly path: string;
  readonly message: string;
}

/** A scenario (or another input document) that does not satisfy the contract. */
export class ScenarioError extends Error {
  readonly code = 'INVALID_SCENARIO';
  constructor(readonly issues: readonly ScenarioIssue[]) {
    super(issues.map((i) => `${i.path || '(document)'}: ${i.message}`).join('\n'));
    this.name = 'ScenarioError';
  }
}

/** Formats a zod path (`['regimen', 0, 'dose']`) as `regimen[0].dose`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function valueAt(doc: unknown, path: readonly PropertyKey[]): unknown {
  let node: unknown = doc;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Turns zod issues into ours, quoting the offending value where there is one. */
export function issuesFromZod(error: z.ZodError, doc: unknown): ScenarioIssue[] {
  return error.issues.flatMap(typeMatchedBranch).map((issue) => {
    const value = valueAt(doc, issue.path);
    const shown = value === undefined ? '' : ` (got ${quoteValue(value)})`;
    return { path: formatPath(issue.path), message: `${issue.message}${shown}` };
  });
}

/**
 * A union's failure reported through the one branch whose type the value had (a regimen entry that is an object
 * fails as a line object, with the path of the bad field, not as "a line or a text"); the union's own issue when
 * no single branch matched the type.
 */
function typeMatchedBranch(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== 'invalid_union') return [issue];
  const matched = issue.errors.filter(
    (branch) => !branch.some((inner) => inner.code === 'invalid_type' && inner.path.length === 0),
  );
  if (matched.length !== 1) return [issue];
  return matched[0].flatMap((inner) => typeMatchedBranch({ ...inner, path: [...issue.path, ...inner.path] }));
}

/** Reads YAML or JSON text (JSON is YAML) into a plain value, reporting syntax errors with their line. */
export function readDocument(text: string): unknown {
  try {
    return parseYaml(text, { prettyErrors: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ScenarioError([{ path: '', message: `not valid YAML or JSON: ${message}` }]);
  }
}

/** Converts a dose to micrograms for a drug and body weight; the caller has checked the unit is allowed. */
export function doseToMcg(dose: Dose, drug: DrugName, weightKg: number): number {
  switch (dose.unit) {
    case 'mcg':
      return dose.amount;
    case 'mg':
      return dose.amount * 1000;
    case 'mcg_per_kg':
      return dose.amount * weightKg;
    case 'mg_per_kg':
      return dose.amount * 1000 * weightKg;
    case 'iu': {
      const perIu = DRUGS[drug].mcgPerIu;
      if (perIu === undefined) throw new Error(`${drug} is not dosed in IU`);
      return dose.amount * perIu;
    }
  }
}

function checkDose(
  dose: Dose,
  drug: DrugName,
  weightKg: number,
  path: string,
  issues: ScenarioIssue[],
): void {
  const info = DRUGS[drug];
  if (dose.unit === 'iu' && info.mcgPerIu === undefined) {
    issues.push({
      path: `${path}.unit`,
      message: `${drug} is not dosed in IU; use mcg, mg, mcg_per_kg or mg_per_kg`,
    });
    return;
  }
  const mcg = doseToMcg(dose, drug, weightKg);
  if (mcg > info.hardMaxMcg) {
    issues.push({
      path: `${path}.amount`,
      message:
        `${dose.amount} ${dose.unit} (${mcg.toPrecision(4)} mcg) is above the hard maximum of ${info.hardMaxMcg} mcg ` +
        `per administration for ${drug} (${info.maxSource})`,
    });
  }
}

/** A document after the schema, with its text regimen entries read into line objects. */
type ExpandedScenario = Omit<ParsedScenario, 'regimen'> & { readonly regimen: RegimenLine[] };

/** Where a line of the expanded regimen came from: its entry's path, and the entry's text for a text entry. */
interface LineOrigin {
  readonly path: string;
  readonly text?: string;
}

/** The lines of one text entry, checked against the same ranges as a line written as an object. */
function textEntryLines(
  text: string,
  path: string,
  previousDrug: DrugName | undefined,
  issues: ScenarioIssue[],
): RegimenLine[] {
  let lines: RegimenLine[];
  try {
    lines = parseRegimenTextLines(text, previousDrug === undefined ? {} : { drug: previousDrug });
  } catch (error) {
    if (!(error instanceof RegimenTextError)) throw error;
    issues.push({
      path: error.field === undefined ? path : `${path}.${error.field}`,
      message: error.message,
    });
    return [];
  }
  return lines.flatMap((line) => {
    const checked = regimenLineSchema.safeParse(line);
    if (checked.success) return [checked.data];
    for (const issue of issuesFromZod(checked.error, line)) {
      issues.push({ path: `${path}.${issue.path}`, message: `${issue.message} (in "${text.trim()}")` });
    }
    return [];
  });
}

/**
 * Reads the text entries of `regimen` into line objects (a text entry may give several: `then`, `;`). A text
 * entry that names no drug continues with the drug of the line before it.
 */
function expandRegimenText(s: ParsedScenario): {
  scenario: ExpandedScenario;
  origins: LineOrigin[];
  issues: ScenarioIssue[];
} {
  const regimen: RegimenLine[] = [];
  const origins: LineOrigin[] = [];
  const issues: ScenarioIssue[] = [];
  s.regimen.forEach((entry, i) => {
    const path = `regimen[${i}]`;
    if (typeof entry !== 'string') {
      regimen.push(entry);
      origins.push({ path });
      return;
    }
    for (const line of textEntryLines(entry, path, regimen[regimen.length - 1]?.drug, issues)) {
      regimen.push(line);
      origins.push({ path, text: entry.trim() });
    }
  });
  return { scenario: { ...s, regimen }, origins, issues };
}

/**
 * An issue about line `j` of the expanded regimen, re-addressed to the entry it came from (`regimen[j].dose` →
 * `regimen[i].dose`), quoting the text of a text entry.
 */
function reAddressed(issue: ScenarioIssue, origins: readonly LineOrigin[]): ScenarioIssue {
  const match = /^regimen\[(\d+)\]/.exec(issue.path);
  const origin = match ? origins[Number(match[1])] : undefined;
  if (!match || !origin) return issue;
  return {
    path: origin.path + issue.path.slice(match[0].length),
    message: origin.text === undefined ? issue.message : `${issue.message} (in "${origin.text}")`,
  };
}

function checkRegimen(s: ExpandedScenario, issues: ScenarioIssue[]): void {
  s.regimen.forEach((line, i) => {
    const path = `regimen[${i}]`;
    const info = DRUGS[line.drug];
    if (!info.routes.includes(line.route)) {
      issues.push({
        path: `${path}.route`,
        message: `${line.drug} has no route '${line.route}'; allowed: ${info.routes.join(', ')}`,
      });
    }
    checkDose(line.dose, line.drug, s.patient.weight_kg, `${path}.dose`, issues);
    const end = line.end_day ?? s.duration_days;
    if (end > s.duration_days) {
      issues.push({
        path: `${path}.end_day`,
        message: `must be at most duration_days (${s.duration_days}), got ${end}`,
      });
    }
    if (line.start_day >= end) {
      issues.push({
        path: `${path}.start_day`,
        message: `must be before end_day (${end}), got ${line.start_day}`,
      });
    }
    if (line.over_min > 0 && line.route === 'oral') {
      issues.push({
        path: `${path}.over_min`,
        message: 'an oral dose cannot be an infusion; use over_min: 0',
      });
    }
  });
}

function checkTitration(s: ExpandedScenario, issues: ScenarioIssue[]): void {
  const t = s.titration;
  if (!t) return;
  if (!s.regimen.some((line) => line.drug === t.drug)) {
    issues.push({
      path: 'titration.drug',
      message: `${t.drug} is not in the regimen; titration adjusts a regimen line`,
    });
  }
  if (t.target_igf1_sds[0] >= t.target_igf1_sds[1]) {
    issues.push({
      path: 'titration.target_igf1_sds',
      message: 'the lower bound must be below the upper bound',
    });
  }
  checkDose(t.step, t.drug, s.patient.weight_kg, 'titration.step', issues);
  checkDose(t.max, t.drug, s.patient.weight_kg, 'titration.max', issues);
  if (t.min) checkDose(t.min, t.drug, s.patient.weight_kg, 'titration.min', issues);
}

function checkDays(s: ExpandedScenario, issues: ScenarioIssue[]): void {
  s.monitoring.at_days?.forEach((day, i) => {
    if (day > s.duration_days) {
      issues.push({
        path: `monitoring.at_days[${i}]`,
        message: `must be at most ${s.duration_days}, got ${day}`,
      });
    }
  });
  const w = s.output.window_days;
  if (w && (w[0] >= w[1] || w[1] > s.duration_days)) {
    issues.push({
      path: 'output.window_days',
      message: `must be [from, to] with 0 ≤ from < to ≤ ${s.duration_days}, got [${w[0]}, ${w[1]}]`,
    });
  }
  s.lifestyle.fasting.forEach((f, i) => {
    if (f.start_day >= s.duration_days) {
      issues.push({
        path: `lifestyle.fasting[${i}].start_day`,
        message: `must be below duration_days (${s.duration_days}), got ${f.start_day}`,
      });
    }
  });
}

/** Checks `parameters`: every name a model parameter, every unit (where given) its declared one. */
function checkParameters(s: ExpandedScenario, issues: ScenarioIssue[]): void {
  for (const [name, entry] of Object.entries(s.parameters ?? {})) {
    const path = `parameters.${name}`;
    if (!isParamName(name)) {
      issues.push({
        path,
        message: `'${name}' is not a parameter of the model; endotwin model params lists them`,
      });
      continue;
    }
    const value = typeof entry === 'number' ? entry : entry.value;
    if (!Number.isFinite(value)) issues.push({ path, message: `must be a finite number, got ${value}` });
    if (typeof entry !== 'number' && entry.unit !== PARAM_UNITS[name]) {
      issues.push({
        path: `${path}.unit`,
        message: `must be the parameter's unit '${PARAM_UNITS[name]}', got '${entry.unit}'`,
      });
    }
  }
}

/** Parameter values as plain numbers (the units were checked). */
function parameterValues(
  parameters: ExpandedScenario['parameters'],
): Readonly<Record<string, number>> | undefined {
  if (parameters === undefined) return undefined;
  return Object.fromEntries(
    Object.entries(parameters).map(([name, entry]) => [
      name,
      typeof entry === 'number' ? entry : entry.value,
    ]),
  );
}

/** Conditions only a female patient can have. */
const FEMALE_ONLY_CONDITIONS = ['pregnancy', 'lactation'] as const;

/** Covariate combinations that cannot be true of one patient (a man marked pregnant). */
function checkPatient(s: ExpandedScenario, issues: ScenarioIssue[]): void {
  if (s.patient.sex !== 'male') return;
  s.patient.conditions.forEach((condition, i) => {
    if ((FEMALE_ONLY_CONDITIONS as readonly string[]).includes(condition)) {
      issues.push({
        path: `patient.conditions[${i}]`,
        message: `${condition} does not apply to a male patient (patient.sex is male); remove it or set sex: female`,
      });
    }
  });
}

function defaultMonitoringDays(duration: number): number[] {
  const days: number[] = [];
  for (let d = 0; d <= duration; d += 28) days.push(d);
  if (days[days.length - 1] !== duration) days.push(duration);
  return days;
}

/** Fills in what depends on other fields: end days, monitoring days, the series window. */
function normalise(s: ExpandedScenario): Scenario {
  const { parameters, ...rest } = s;
  const values = parameterValues(parameters);
  return {
    ...rest,
    ...(values === undefined ? {} : { parameters: values }),
    regimen: s.regimen.map((line) => ({ ...line, end_day: line.end_day ?? s.duration_days })),
    monitoring: {
      ...s.monitoring,
      at_days: [...new Set(s.monitoring.at_days ?? defaultMonitoringDays(s.duration_days))].sort(
        (a, b) => a - b,
      ),
    },
    output: { ...s.output, window_days: s.output.window_days ?? [0, Math.min(s.duration_days, 7)] },
  };
}

/**
 * Validates a scenario document (already read from YAML/JSON) and returns it normalised: text regimen entries
 * become line objects, so the result holds objects only.
 * @throws ScenarioError listing every problem with its field path.
 */
export function parseScenario(doc: unknown): Scenario {
  const result = scenarioSchema.safeParse(doc);
  if (!result.success) throw new ScenarioError(issuesFromZod(result.error, doc));
  const { scenario, origins, issues: textIssues } = expandRegimenText(result.data);
  if (textIssues.length > 0) throw new ScenarioError(textIssues);
  const issues: ScenarioIssue[] = [];
  checkRegimen(scenario, issues);
  checkTitration(scenario, issues);
  checkDays(scenario, issues);
  checkParameters(scenario, issues);
  checkPatient(scenario, issues);
  if (issues.length > 0) throw new ScenarioError(issues.map((issue) => reAddressed(issue, origins)));
  return normalise(scenario);
}

/** Reads and validates scenario text (YAML or JSON). */
export function parseScenarioText(text: string): Scenario {
  return parseScenario(readDocument(text));
}
