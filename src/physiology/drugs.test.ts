// SPDX-License-Identifier: MIT
/**
 * Drug behaviours of the composed model, run through `simulate`: directions and rough sizes against the published
 * figures of physiology.md. Each test names its source.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { Result } from '../scenario/result.js';
import { simulate } from '../simulate/index.js';

const youngMan = { age_years: 30, sex: 'male', weight_kg: 75, height_cm: 178 };
const olderMan = { age_years: 62, sex: 'male', weight_kg: 88, height_cm: 178, body_fat_pct: 28 };

type Line = Record<string, unknown>;

function run(
  patient: object,
  regimen: Line[],
  days: number,
  series: string[] = ['gh_ug_l'],
  every = 5,
): Result {
  return simulate(
    parseScenario({
      seed: 7,
      duration_days: days,
      patient,
      regimen,
      output: { sample_every_min: every, series, window_days: [0, days] },
    }),
  );
}

/** Samples of `name` in [from, to) minutes. */
function window(r: Result, name: string, from: number, to: number): { t: number[]; v: number[] } {
  const t: number[] = [];
  const v: number[] = [];
  r.series.t_min.forEach((time, i) => {
    if (time >= from && time < to) {
      t.push(time);
      v.push(r.series[name][i]);
    }
  });
  return { t, v };
}

const peak = (r: Result, name: string, from: number, to: number) => Math.max(...window(r, name, from, to).v);
const tmax = (r: Result, name: string, from: number, to: number) => {
  const w = window(r, name, from, to);
  return w.t[w.v.indexOf(Math.max(...w.v))] - from;
};
const auc = (r: Result, name: string, from: number, to: number, step: number) =>
  window(r, name, from, to).v.reduce((a, b) => a + b * step, 0);
const igf1 = (r: Result, day: number) => r.daily[day].igf1_ng_ml ?? Number.NaN;

const bolus = (drug: string, amount: number, unit: string, route: string, at: string, day: number): Line => ({
  drug,
  dose: { amount, unit },
  route,
  at,
  start_day: day,
  end_day: day + 1,
});

describe('sermorelin 300 µg SC nightly in a 62-year-old man (Khorram 1997; Vittone 1997)', () => {
  const r = run(
    olderMan,
    [{ drug: 'sermorelin', dose: { amount: 300, unit: 'mcg' }, route: 'sc', at: 'bedtime', start_day: 1 }],
    43,
  );

  it('raises IGF-1 within the first weeks, then plateaus (model ≈ +15–25 %; recalled +20–35 %)', () => {
    const rise = igf1(r, 14) / igf1(r, 0) - 1;
    expect(rise).toBeGreaterThan(0.08);
    expect(rise).toBeLessThan(0.4);
    const late = [28, 35, 42].map((d) => igf1(r, d));
    expect(Math.max(...late) / Math.min(...late)).toBeLessThan(1.12);
  });

  it('gives the day’s largest GH pulse within 90 min after the bedtime dose', () => {
    for (const day of [2, 3, 4]) {
      const dayMax = peak(r, 'gh_ug_l', day * 1440, (day + 1) * 1440);
      expect(peak(r, 'gh_ug_l', day * 1440 + 23 * 60, day * 1440 + 24.5 * 60)).toBe(dayMax);
    }
  });
});

describe('CJC-1295 with DAC 60 µg/kg (Ionescu & Frohman 2006)', () => {
  const r = run(
    { ...youngMan, weight_kg: 80 },
    [bolus('cjc1295_dac', 60, 'mcg_per_kg', 'sc', '09:00', 1)],
    9,
  );
  const base = r.daily[0];
  const week = r.daily[8];

  it('raises trough GH several-fold and mean GH and IGF-1 by tens of per cent at one week', () => {
    expect((week.gh_trough_ug_l ?? 0) / (base.gh_trough_ug_l ?? 1)).toBeGreaterThan(4);
    expect((week.gh_mean_ug_l ?? 0) / (base.gh_mean_ug_l ?? 1)).toBeGreaterThan(1.2);
    expect((week.igf1_ng_ml ?? 0) / (base.igf1_ng_ml ?? 1)).toBeGreaterThan(1.2);
  });

  it('leaves burst frequency about unchanged (days 5–8 against the same seed untreated: same GHRH pulses)', () => {
    const placebo = run({ ...youngMan, weight_kg: 80 }, [], 9);
    const bursts = (result: Result) => result.daily.slice(5).reduce((a, d) => a + (d.gh_pulses ?? 0), 0);
    expect(bursts(r) / bursts(placebo)).toBeGreaterThan(0.75);
    expect(bursts(r) / bursts(placebo)).toBeLessThan(1.33);
  });
});

describe('ipamorelin 30 µg/kg IV over 15 min (Gobburu 1999)', () => {
  const dose = { ...bolus('ipamorelin', 30, 'mcg_per_kg', 'iv', '08:00', 1), over_min: 15 };
  const r = run(youngMan, [dose], 2, ['gh_ug_l', 'ipamorelin_ng_ml', 'cortisol_ug_dl', 'prolactin_ng_ml'], 2);
  const start = 1440 + 480;

  it('is eliminated with a 2-h half-life', () => {
    const c1 = window(r, 'ipamorelin_ng_ml', start + 120, start + 121).v[0];
    const c2 = window(r, 'ipamorelin_ng_ml', start + 240, start + 241).v[0];
    expect(c1 / c2).toBeCloseTo(2, 2);
  });

  it('gives one GH episode peaking about 0.67 h after the start of the infusion, mostly over by 3 h', () => {
    const t = tmax(r, 'gh_ug_l', start, start + 240);
    expect(t).toBeGreaterThanOrEqual(25);
    expect(t).toBeLessThanOrEqual(60);
    expect(window(r, 'gh_ug_l', start + 180, start + 181).v[0]).toBeLessThan(
      peak(r, 'gh_ug_l', start, start + 240) / 5,
    );
  });

  it('does not raise cortisol or prolactin (Raun 1998)', () => {
    for (const name of ['cortisol_ug_dl', 'prolactin_ng_ml']) {
      expect(peak(r, name, start, start + 180)).toBeCloseTo(
        peak(r, name, start - 1440, start - 1440 + 180),
        6,
      );
    }
  });
});

describe('rhGH 3 IU/m²/day SC for 14 days in healthy men (Skjaerbaek 1996: IGF-1 190 → 525 µg/L)', () => {
  const patient = { age_years: 30, sex: 'male', weight_kg: 78, height_cm: 182 };
  const r = run(
    patient,
    [
      {
        drug: 'rhgh',
        dose: { amount: 5.9, unit: 'iu' },
        route: 'sc',
        at: '21:00',
        start_day: 1,
        end_day: 15,
      },
    ],
    16,
    ['gh_secretion_ug_min'],
  );

  it('raises IGF-1 to about 525 ng/mL and plateaus within two weeks', () => {
    expect(igf1(r, 15)).toBeGreaterThan(420);
    expect(igf1(r, 15)).toBeLessThan(630);
    expect(igf1(r, 15) / igf1(r, 10)).toBeLessThan(1.06);
    expect(igf1(r, 3)).toBeLessThan(igf1(r, 8));
  });

  it('suppresses endogenous GH secretion through the feedback loops', () => {
    const secreted = (day: number) => auc(r, 'gh_secretion_ug_min', day * 1440, (day + 1) * 1440, 5);
    expect(secreted(14)).toBeLessThan(secreted(0) * 0.8);
  });
});

describe('MK-677 10 mg/day for 4 days in GH-deficient men (Chapman 1997)', () => {
  const patient = {
    age_years: 25,
    sex: 'male',
    weight_kg: 78,
    height_cm: 178,
    conditions: ['gh_deficiency'],
  };
  const r = run(
    patient,
    [
      {
        drug: 'mk677',
        dose: { amount: 10, unit: 'mg' },
        route: 'oral',
        at: '08:30',
        start_day: 1,
        end_day: 5,
      },
    ],
    6,
  );

  it('raises IGF-1 by about half (published +52 %)', () => {
    const rise = igf1(r, 5) / igf1(r, 0) - 1;
    expect(rise).toBeGreaterThan(0.3);
    expect(rise).toBeLessThan(0.75);
  });

  it('leaves cortisol and prolactin unchanged', () => {
    expect(r.daily[4].cortisol_mean_ug_dl).toBeCloseTo(r.daily[0].cortisol_mean_ug_dl ?? 0, 6);
    expect(r.daily[4].prolactin_mean_ng_ml).toBeCloseTo(r.daily[0].prolactin_mean_ng_ml ?? 0, 6);
  });
});

describe('GHRH 1 µg/kg IV (Ghigo 1994: GH peak 5.1 ± 1.5 µg/L in women 65–82 y)', () => {
  const test = [bolus('sermorelin', 1, 'mcg_per_kg', 'iv', '09:00', 1)];
  const from = 1440 + 540;
  const old = run({ age_years: 72, sex: 'female', weight_kg: 65, height_cm: 160 }, test, 2, ['gh_ug_l'], 2);
  const young = run(youngMan, test, 2, ['gh_ug_l'], 2);

  it('gives a GH peak of a few µg/L in old women (model ≈ 7, above the published mean)', () => {
    expect(peak(old, 'gh_ug_l', from, from + 180)).toBeGreaterThan(2.1);
    expect(peak(old, 'gh_ug_l', from, from + 180)).toBeLessThan(8.1);
  });

  it('gives a larger response in young men (somatostatin tone rises with age)', () => {
    expect(peak(young, 'gh_ug_l', from, from + 180)).toBeGreaterThan(
      1.5 * peak(old, 'gh_ug_l', from, from + 180),
    );
  });
});

describe('hexarelin IV (Massoud 1996)', () => {
  const at = (dose: number) =>
    run(youngMan, [bolus('hexarelin', dose, 'mcg_per_kg', 'iv', '09:00', 1)], 2, [
      'gh_ug_l',
      'cortisol_ug_dl',
      'prolactin_ng_ml',
    ]);
  const from = 1440 + 540;
  const rise = (r: Result, name: string) =>
    peak(r, name, from, from + 120) / (window(r, name, from - 60, from).v.reduce((a, b) => a + b, 0) / 12) -
    1;
  const low = at(0.125);
  const mid = at(0.5);
  const high = at(1);

  it('raises GH with a saturating dose-response', () => {
    const [g1, g2, g3] = [low, mid, high].map((r) => peak(r, 'gh_ug_l', from, from + 120));
    expect(g2).toBeGreaterThan(g1);
    expect(g3).toBeGreaterThan(g2);
    expect(g3 - g2).toBeLessThan(g2 - g1);
  });

  it('raises cortisol by tens of per cent at ≥ 0.5 µg/kg but hardly at 0.125 µg/kg', () => {
    expect(rise(high, 'cortisol_ug_dl')).toBeGreaterThan(0.25);
    expect(rise(low, 'cortisol_ug_dl')).toBeLessThan(0.1);
  });

  it('raises prolactin steeply (plateau ≈ +180 %)', () => {
    expect(rise(high, 'prolactin_ng_ml')).toBeGreaterThan(1);
    expect(rise(low, 'prolactin_ng_ml')).toBeLessThan(rise(mid, 'prolactin_ng_ml'));
  });
});

describe('GHRH and GHS together (Farhy, Bowers & Veldhuis 2007; Massoud 1996)', () => {
  const from = 1440 + 540;
  const ghAuc = (regimen: Line[]) =>
    auc(run(youngMan, regimen, 2, ['gh_ug_l'], 2), 'gh_ug_l', from, from + 180, 2);
  const ghrh = bolus('sermorelin', 1, 'mcg_per_kg', 'iv', '09:00', 1);
  const hexarelin = bolus('hexarelin', 0.125, 'mcg_per_kg', 'iv', '09:00', 1);

  it('gives more than the sum of the two (synergy)', () => {
    const none = ghAuc([]);
    const both = ghAuc([ghrh, hexarelin]) - none;
    const sum = ghAuc([ghrh]) - none + (ghAuc([hexarelin]) - none);
    expect(both).toBeGreaterThan(sum);
  });
});

describe('GHRH-receptor desensitisation and recovery (the 5-on/2-off rationale; weak evidence)', () => {
  const from = (day: number) => day * 1440 + 540;
  const infusion: Line = {
    drug: 'sermorelin',
    dose: { amount: 3000, unit: 'mcg' },
    route: 'iv',
    over_min: 1440,
    at: '09:00',
    start_day: 1,
    end_day: 4,
  };
  const response = (regimen: Line[], day: number) =>
    auc(run(youngMan, regimen, 7), 'gh_ug_l', from(day), from(day) + 120, 5);

  it('blunts the response to a GHRH bolus right after three days of continuous exposure', () => {
    const test = bolus('sermorelin', 1, 'mcg_per_kg', 'iv', '09:00', 4);
    expect(response([infusion, test], 4)).toBeLessThan(0.6 * response([test], 4));
  });

  it('restores most of the response after two days off', () => {
    const test = bolus('sermorelin', 1, 'mcg_per_kg', 'iv', '09:00', 6);
    expect(response([infusion, test], 6)).toBeGreaterThan(0.8 * response([test], 6));
  });
});
