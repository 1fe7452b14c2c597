// SPDX-License-Identifier: MIT
/**
 * Parsing a scenario document (YAML or JSON text, or an object) into a normalised `Scenario`: the contract's schema
 * and field rules (`scenario/parse.ts`) together with the regimen's own (its text entries read with the grammar of
 * `regimen-text.ts`, routes, dose units and limits, spans, titration doses). Errors name the field path, the value
 * and what is allowed.
 */
import { DRUGS } from '../physiology/drug-catalog.js';
import type { DrugName } from '../physiology/drug-catalog.js';
import {
  ScenarioError,
  checkScenarioSchema,
  issuesFromZod,
  normaliseScenario,
  readDocument,
  scenarioFieldIssues,
} from '../scenario/parse.js';
import type { ScenarioIssue, ScenarioWithLines } from '../scenario/parse.js';
import { regimenLineSchema } from '../scenario/schema.js';
import type { ParsedScenario, RegimenLine, Scenario } from '../scenario/schema.js';
import { checkDoseLimits } from './dose.js';
import { RegimenTextError, parseRegimenTextLines } from './regimen-text.js';

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
  scenario: ScenarioWithLines;
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

function checkRegimen(s: ScenarioWithLines, issues: ScenarioIssue[]): void {
  s.regimen.forEach((line, i) => {
    const path = `regimen[${i}]`;
    const info = DRUGS[line.drug];
    if (!info.routes.includes(line.route)) {
      issues.push({
        path: `${path}.route`,
        message: `${line.drug} has no route '${line.route}'; allowed: ${info.routes.join(', ')}`,
      });
    }
    checkDoseLimits(line.dose, line.drug, s.patient.weight_kg, `${path}.dose`, issues);
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

function checkTitration(s: ScenarioWithLines, issues: ScenarioIssue[]): void {
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
  checkDoseLimits(t.step, t.drug, s.patient.weight_kg, 'titration.step', issues);
  checkDoseLimits(t.max, t.drug, s.patient.weight_kg, 'titration.max', issues);
  if (t.min) checkDoseLimits(t.min, t.drug, s.patient.weight_kg, 'titration.min', issues);
}

/**
 * Validates a scenario document (already read from YAML/JSON) and returns it normalised: text regimen entries
 * become line objects, so the result holds objects only.
 * @throws ScenarioError listing every problem with its field path.
 */
export function parseScenario(doc: unknown): Scenario {
  const { scenario, origins, issues: textIssues } = expandRegimenText(checkScenarioSchema(doc));
  if (textIssues.length > 0) throw new ScenarioError(textIssues);
  const issues: ScenarioIssue[] = [];
  checkRegimen(scenario, issues);
  checkTitration(scenario, issues);
  issues.push(...scenarioFieldIssues(scenario));
  if (issues.length > 0) throw new ScenarioError(issues.map((issue) => reAddressed(issue, origins)));
  return normaliseScenario(scenario);
}

/** Reads and validates scenario text (YAML or JSON). */
export function parseScenarioText(text: string): Scenario {
  return parseScenario(readDocument(text));
}
