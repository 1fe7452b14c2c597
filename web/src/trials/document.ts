// SPDX-License-Identifier: MIT
/**
 * The trial document as the trial page edits it: YAML text, an example to start from, and the arm operations of
 * the arms panel (list, add, remove), each a text → text function so the textarea stays the one source of truth.
 */
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

/** The document the page starts with: SCENARIO.md's trial, short and small enough for the API. */
export const EXAMPLE_TRIAL = `schema: endotwin/trial/v1
name: Sermorelin nightly vs placebo in older adults
seed: 7
duration_days: 28
design: paired
population:
  n: 20
  age_years: { min: 55, max: 71 }
  sex: { female: 0.5 }
  bmi: { mean: 26.5, sd: 3.5 }
arms:
  - name: placebo
    regimen: []
  - name: sermorelin
    regimen:
      - { drug: sermorelin, dose: { amount: 500, unit: mcg }, route: sc, at: bedtime }
endpoints: [igf1_change_pct, gh_mean_change_pct, lean_mass_change_kg, fat_mass_change_kg, homa_ir_change_pct]
output: { patients: true }
`;

/** An arm as the panel shows it. */
export interface ArmSummary {
  readonly name: string;
  /** One line per regimen line, e.g. `sermorelin 500 mcg sc at bedtime`. */
  readonly lines: readonly string[];
}

/** A regimen line the panel can add. */
export interface NewArm {
  readonly name: string;
  readonly drug: string;
  readonly amount: number;
  readonly unit: string;
  readonly route: string;
  readonly at: string;
}

type Doc = Record<string, unknown> & { arms?: unknown };

function read(text: string): Doc {
  const doc = parseYaml(text) as unknown;
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) {
    throw new Error('the trial document must be a YAML mapping');
  }
  return doc as Doc;
}

function armsArray(doc: Doc): Record<string, unknown>[] {
  return Array.isArray(doc.arms) ? (doc.arms as Record<string, unknown>[]) : [];
}

function describeLine(line: unknown): string {
  if (typeof line === 'string') return line;
  const l = line as {
    drug?: string;
    dose?: { amount?: number; unit?: string };
    route?: string;
    at?: unknown;
  };
  return `${l.drug ?? '?'} ${l.dose?.amount ?? '?'} ${l.dose?.unit ?? ''} ${l.route ?? ''} at ${JSON.stringify(l.at ?? '?')}`;
}

/** The arms of the document text (an empty list when the text does not parse). */
export function armsOf(text: string): ArmSummary[] {
  try {
    return armsArray(read(text)).map((arm) => ({
      name: typeof arm['name'] === 'string' ? arm['name'] : '(no name)',
      lines: Array.isArray(arm['regimen']) ? (arm['regimen'] as unknown[]).map(describeLine) : [],
    }));
  } catch {
    return [];
  }
}

/** The text with one more arm (a one-line regimen, daily). @throws Error when the text does not parse. */
export function addArm(text: string, arm: NewArm): string {
  const doc = read(text);
  const line = { drug: arm.drug, dose: { amount: arm.amount, unit: arm.unit }, route: arm.route, at: arm.at };
  doc.arms = [...armsArray(doc), { name: arm.name, regimen: [line] }];
  return stringifyYaml(doc);
}

/** The text without arm `index`. @throws Error when the text does not parse. */
export function removeArm(text: string, index: number): string {
  const doc = read(text);
  doc.arms = armsArray(doc).filter((_, i) => i !== index);
  return stringifyYaml(doc);
}

/** The document to submit: the text parsed, with every patient's endpoints kept (the page plots them). */
export function submittable(text: string): Doc {
  const doc = read(text);
  const output = (doc['output'] ?? {}) as Record<string, unknown>;
  return { ...doc, output: { ...output, patients: true } };
}
