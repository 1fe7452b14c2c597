// SPDX-License-Identifier: MIT
/**
 * Dose units as values: a scenario dose (`{ amount, unit }`) in micrograms for a drug and a body weight, and the
 * per-administration hard maximum of the drug catalogue. The unit names and spellings are the scenario vocabulary's
 * (`scenario/vocabulary.ts`, shared with the web app); what they mean in micrograms is decided here.
 */
import { DRUGS } from '../physiology/drug-catalog.js';
import type { DrugName } from '../physiology/drug-catalog.js';
import type { ScenarioIssue } from '../scenario/parse.js';
import type { Dose } from '../scenario/schema.js';

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

/**
 * Checks a scenario dose at `path`: the unit must suit the drug (IU only for drugs with an IU conversion) and the
 * amount must not exceed the drug's hard maximum per administration. Problems are appended to `issues`.
 */
export function checkDoseLimits(
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
