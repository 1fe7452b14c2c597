// SPDX-License-Identifier: MIT
/**
 * The scenario contract's part of parsing a document (YAML or JSON text, or an object): the schema, the
 * cross-field rules that need nothing of dosing, and normalisation, with errors that name the field path, the value
 * and what is allowed. `parseScenario` (`protocol/parse-scenario.ts`) puts these together with the regimen's own
 * checks (its text form, dose units and limits).
 */
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { PARAM_UNITS, isParamName } from '../physiology/param-names.generated.js';
import { scenarioSchema } from './schema.js';
import type { ParsedScenario, RegimenLine, Scenario } from './schema.js';
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

/**
 * A document after the schema with its regimen as line objects only (the protocol layer reads the text entries
 * with its grammar, `protocol/parse-scenario.ts`).
 */
export type ScenarioWithLines = Omit<ParsedScenario, 'regimen'> & { readonly regimen: RegimenLine[] };

/**
 * Checks a document against the scenario schema.
 * @throws ScenarioError naming every field that breaks it.
 */
export function checkScenarioSchema(doc: unknown): ParsedScenario {
  const result = scenarioSchema.safeParse(doc);
  if (!result.success) throw new ScenarioError(issuesFromZod(result.error, doc));
  return result.data;
}

function checkDays(s: ScenarioWithLines, issues: ScenarioIssue[]): void {
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
function checkParameters(s: ScenarioWithLines, issues: ScenarioIssue[]): void {
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
  parameters: ScenarioWithLines['parameters'],
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
function checkPatient(s: ScenarioWithLines, issues: ScenarioIssue[]): void {
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

/**
 * The cross-field rules of the contract that need nothing of dosing: monitoring days, the series window and fasting
 * days within the duration, model parameters with their units, covariates one patient can have.
 */
export function scenarioFieldIssues(s: ScenarioWithLines): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  checkDays(s, issues);
  checkParameters(s, issues);
  checkPatient(s, issues);
  return issues;
}

/** Fills in what depends on other fields: end days, monitoring days, the series window. */
export function normaliseScenario(s: ScenarioWithLines): Scenario {
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
