// SPDX-License-Identifier: MIT
/**
 * Tissues that read the GH pattern: the same daily GH dose given as a continuous infusion raises IGF-1 more (the
 * hepatic response is concave) and drives less lipolysis (adipocytes become refractory under sustained GH) than the
 * same dose given as pulses (Surya 2009; Laursen 2001; Cersosimo 1996).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { Result } from '../scenario/result.js';
import { simulate } from '../simulate/index.js';

const obeseMan = { age_years: 45, sex: 'male', weight_kg: 105, height_cm: 178, body_fat_pct: 40 };
const DAILY_MCG = 1125;

type Line = Record<string, unknown>;

function run(regimen: Line[]): Result {
  return simulate(
    parseScenario({
      seed: 906,
      duration_days: 4,
      patient: obeseMan,
      regimen,
      output: { sample_every_min: 10, series: ['lipolysis_umol_kg_min'], window_days: [3, 4] },
    }),
  );
}

const continuous: Line[] = [
  {
    drug: 'rhgh',
    dose: { amount: DAILY_MCG, unit: 'mcg' },
    route: 'iv',
    over_min: 1440,
    at: '07:00',
    start_day: 0,
  },
];
/** Four IV pulses a day, 15 % at 07, 13 and 18 h and 55 % at midnight (the Surya 2009 pattern). */
const pulses: Line[] = [
  {
    drug: 'rhgh',
    dose: { amount: 0.15 * DAILY_MCG, unit: 'mcg' },
    route: 'iv',
    at: ['07:00', '13:00', '18:00'],
  },
  { drug: 'rhgh', dose: { amount: 0.55 * DAILY_MCG, unit: 'mcg' }, route: 'iv', at: '00:00', start_day: 1 },
];

const mean = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;

describe('GH pattern read by liver and fat', () => {
  const inf = run(continuous);
  const pul = run(pulses);

  it('continuous GH raises IGF-1 more than the same dose in pulses', () => {
    expect(inf.daily[3].igf1_ng_ml ?? 0).toBeGreaterThan((pul.daily[3].igf1_ng_ml ?? 0) * 1.1);
  });

  it('pulses drive more lipolysis over a day than the same dose given continuously', () => {
    expect(mean(pul.series.lipolysis_umol_kg_min)).toBeGreaterThan(mean(inf.series.lipolysis_umol_kg_min));
  });
});
