// SPDX-License-Identifier: MIT
/** When the titration rule is checked during a run, and the result event of a dose change. */
import type { TitrationStep } from '../protocol/titration.js';
import type { ResultEvent } from '../scenario/result.js';
import type { Scenario, Titration } from '../scenario/schema.js';
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

/** The result event of a dose change at minute `t`, IGF-1 `igf1` (ng/mL) having decided it. */
export function titrationEvent(rule: Titration, t: number, igf1: number, step: TitrationStep): ResultEvent {
  const [lo, hi] = rule.target_igf1_sds;
  const direction = step.toMcg > step.fromMcg ? `below ${lo}` : `above ${hi}`;
  return {
    t_min: t,
    kind: 'titration',
    drug: rule.drug,
    from_mcg: round(step.fromMcg),
    to_mcg: round(step.toMcg),
    reason: `IGF-1 ${round(igf1)} ng/mL (SDS ${step.sds.toFixed(2)}) is ${direction}, the target range [${lo}, ${hi}]`,
  };
}
