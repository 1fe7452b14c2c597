// SPDX-License-Identifier: MIT
/**
 * The titration rule as values: at each check, the titrated drug's dose steps up or down towards the target IGF-1
 * SDS range, and the dose records still to come take the new amount. Nothing is re-expanded: a dose change alters
 * amounts only, never times or lines.
 */
import { igf1Sds } from '../analysis/igf1-sds.js';
import type { DrugName } from '../physiology/drug-catalog.js';
import type { Patient, Titration } from '../scenario/schema.js';
import { doseToMcg } from './dose.js';
import type { DoseRecord, Regimen } from './regimen.js';

/** One dose change decided at a check. */
export interface TitrationStep {
  /** Per-administration dose before the check (µg). */
  readonly fromMcg: number;
  /** Per-administration dose from the check on (µg). */
  readonly toMcg: number;
  /** The IGF-1 SDS for age and sex that decided it. */
  readonly sds: number;
}

/** The per-administration dose (µg) the titration starts from: the titrated drug's first regimen line's (0 if none). */
export function startingDoseMcg(regimen: Regimen, drug: DrugName, weightKg: number): number {
  const line = regimen.lines.find((l) => l.drug === drug);
  return line ? doseToMcg(line.dose, drug, weightKg) : 0;
}

/**
 * Applies the rule at a check with IGF-1 `igf1` (ng/mL): one step up (at most `max`) below the target range, one
 * step down (at least `min`, default one step) above it; `undefined` when the dose stays.
 */
export function titrationStep(
  rule: Titration,
  patient: Patient,
  fromMcg: number,
  igf1: number,
): TitrationStep | undefined {
  const w = patient.weight_kg;
  const sds = igf1Sds(patient.age_years, patient.sex, igf1).sds;
  const step = doseToMcg(rule.step, rule.drug, w);
  const max = doseToMcg(rule.max, rule.drug, w);
  const min = rule.min ? doseToMcg(rule.min, rule.drug, w) : step;
  const [lo, hi] = rule.target_igf1_sds;
  let to = fromMcg;
  if (sds < lo) to = Math.min(max, fromMcg + step);
  else if (sds > hi) to = Math.max(min, fromMcg - step);
  return to === fromMcg ? undefined : { fromMcg, toMcg: to, sds };
}

/**
 * The doses at or after `fromMin`, with every administration of `drug` now `mcg` (the rule sets the drug's dose on
 * all its regimen lines).
 */
export function retitrated(
  doses: readonly DoseRecord[],
  drug: DrugName,
  mcg: number,
  fromMin: number,
): DoseRecord[] {
  return doses
    .filter((d) => d.t_min >= fromMin)
    .map((d) => (d.drug === drug ? { ...d, amount_mcg: mcg } : d));
}
