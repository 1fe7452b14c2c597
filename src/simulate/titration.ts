// SPDX-License-Identifier: MIT
/** The titration rule: at each check, a dose step up or down towards the target IGF-1 SDS range. */
import { igf1Sds } from '../analysis/igf1-sds.js';
import type { DrugName } from '../physiology/drug-catalog.js';
import { doseToMcg } from '../scenario/parse.js';
import type { ResultEvent } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import { MIN_PER_DAY, round } from './settings.js';

/** Titration checks: minutes of the draws at every `every_days` before the end. */
export function titrationTimes(scenario: Scenario, drawMin: number): number[] {
  const t = scenario.titration;
  if (!t) return [];
  const times: number[] = [];
  for (let day = t.every_days; day < scenario.duration_days; day += t.every_days) {
    times.push(day * MIN_PER_DAY + drawMin);
  }
  return times;
}

/** The regimen with one drug's dose set to `mcg` (titration). */
export function withDose(scenario: Scenario, drug: DrugName, mcg: number): Scenario {
  return {
    ...scenario,
    regimen: scenario.regimen.map((line) =>
      line.drug === drug ? { ...line, dose: { amount: mcg, unit: 'mcg' as const } } : line,
    ),
  };
}

/** The current per-administration dose (µg) of the titrated drug: its first regimen line's. */
function currentDoseMcg(scenario: Scenario, drug: DrugName): number {
  const line = scenario.regimen.find((l) => l.drug === drug);
  return line ? doseToMcg(line.dose, drug, scenario.patient.weight_kg) : 0;
}

/** Applies the titration rule at a check: returns the new dose (µg) and the event, or undefined to keep it. */
export function titrate(
  scenario: Scenario,
  t: number,
  igf1: number,
): { mcg: number; event: ResultEvent } | undefined {
  const rule = scenario.titration;
  if (!rule) return undefined;
  const w = scenario.patient.weight_kg;
  const sds = igf1Sds(scenario.patient.age_years, scenario.patient.sex, igf1).sds;
  const from = currentDoseMcg(scenario, rule.drug);
  const step = doseToMcg(rule.step, rule.drug, w);
  const max = doseToMcg(rule.max, rule.drug, w);
  const min = rule.min ? doseToMcg(rule.min, rule.drug, w) : step;
  const [lo, hi] = rule.target_igf1_sds;
  let to = from;
  if (sds < lo) to = Math.min(max, from + step);
  else if (sds > hi) to = Math.max(min, from - step);
  if (to === from) return undefined;
  const direction = to > from ? `below ${lo}` : `above ${hi}`;
  return {
    mcg: to,
    event: {
      t_min: t,
      kind: 'titration',
      drug: rule.drug,
      from_mcg: round(from),
      to_mcg: round(to),
      reason: `IGF-1 ${round(igf1)} ng/mL (SDS ${sds.toFixed(2)}) is ${direction}, the target range [${lo}, ${hi}]`,
    },
  };
}
