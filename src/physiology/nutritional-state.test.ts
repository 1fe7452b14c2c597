// SPDX-License-Identifier: MIT
/**
 * Meals and fasting through `simulate`: glucose comes back to its baseline after a meal, and a fast empties liver
 * glycogen, lowers IGF-1, raises fatty acids, ketones and GH, and is reversed by refeeding. The published figures are
 * checked by the validation cases; these tests check the directions and the return to baseline.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { DailyRow, Result } from '../scenario/result.js';
import { simulate } from '../simulate/index.js';

const man25 = { age_years: 25, sex: 'male', weight_kg: 75, height_cm: 178 };

function run(doc: Record<string, unknown>): Result {
  return simulate(parseScenario(doc));
}

/** Samples of a series between two times (minutes from the start of day 0). */
function samples(result: Result, name: string, from: number, to: number): number[] {
  const values = result.series[name] ?? [];
  return result.series.t_min.flatMap((t, i) => (t >= from && t <= to ? [values[i] ?? Number.NaN] : []));
}

const field = (rows: readonly DailyRow[], day: number, name: keyof DailyRow): number =>
  rows[day][name] ?? NaN;

describe('a meal', () => {
  // One 75-g glucose drink at 08:00 and nothing else until the next morning.
  const r = run({
    seed: 1,
    duration_days: 2,
    patient: man25,
    lifestyle: { meals: [{ time: '08:00', carbs_g: 75 }] },
    output: { sample_every_min: 5, series: ['glucose_mg_dl', 'insulin_uU_ml'], window_days: [1, 2] },
  });
  const before = samples(r, 'glucose_mg_dl', 1440 + 470, 1440 + 479);
  const after = samples(r, 'glucose_mg_dl', 1440 + 480, 1440 + 480 + 300);
  const late = samples(r, 'glucose_mg_dl', 1440 + 480 + 240, 1440 + 480 + 300);

  it('raises glucose and insulin and then lets glucose return to its pre-meal level within 4–5 h', () => {
    const base = before[before.length - 1];
    expect(Math.max(...after)).toBeGreaterThan(base + 15);
    const insulin = samples(r, 'insulin_uU_ml', 1440 + 480, 1440 + 600);
    expect(Math.max(...insulin)).toBeGreaterThan(3 * samples(r, 'insulin_uU_ml', 1440 + 470, 1440 + 479)[0]);
    for (const g of late) expect(Math.abs(g - base)).toBeLessThan(12);
  });

  it('peaks within the first 90 minutes', () => {
    const peakAt = after.indexOf(Math.max(...after)) * 5;
    expect(peakAt).toBeLessThanOrEqual(90);
  });
});

describe('a five-day fast and refeeding', () => {
  const r = run({
    seed: 2,
    duration_days: 12,
    patient: man25,
    lifestyle: { fasting: [{ start_day: 1, days: 5 }] },
    output: { sample_every_min: 60, series: ['liver_glycogen_g', 'ketones_mmol_l'], window_days: [0, 12] },
  });
  const d = r.daily;

  it('brings fasting glucose back to its pre-fast level within days of refeeding', () => {
    // The fall of fasting glucose during the fast is too small in this model (see docs/model.md, known misses).
    expect(
      Math.abs(field(d, 11, 'glucose_fasting_mg_dl') - field(d, 0, 'glucose_fasting_mg_dl')),
    ).toBeLessThan(5);
  });

  it('lowers IGF-1 over the fast and lets it recover after refeeding', () => {
    expect(field(d, 5, 'igf1_ng_ml')).toBeLessThan(field(d, 1, 'igf1_ng_ml'));
    expect(field(d, 11, 'igf1_ng_ml')).toBeGreaterThan(field(d, 6, 'igf1_ng_ml'));
  });

  it('raises fatty acids, ketones and GH, and empties liver glycogen, all reversed by refeeding', () => {
    expect(field(d, 4, 'ffa_mean_mmol_l')).toBeGreaterThan(1.5 * field(d, 0, 'ffa_mean_mmol_l'));
    expect(field(d, 4, 'gh_mean_ug_l')).toBeGreaterThan(1.5 * field(d, 0, 'gh_mean_ug_l'));
    const glycogen = (day: number) => samples(r, 'liver_glycogen_g', day * 1440 + 420, day * 1440 + 420)[0];
    const ketones = (day: number) => samples(r, 'ketones_mmol_l', day * 1440 + 420, day * 1440 + 420)[0];
    expect(glycogen(4)).toBeLessThan(0.25 * glycogen(0));
    expect(ketones(4)).toBeGreaterThan(4 * ketones(0));
    expect(glycogen(11)).toBeGreaterThan(0.6 * glycogen(0));
    expect(glycogen(11)).toBeGreaterThan(glycogen(8));
    expect(ketones(10)).toBeLessThan(1.5 * ketones(0));
  });
});
