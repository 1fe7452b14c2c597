// SPDX-License-Identifier: MIT
/**
 * Metabolism and body composition through `simulate`: the behaviours MODEL.md item 7–8 and seed 003 require, each
 * test naming its source. Ranges are deliberately loose where the literature is; the published figures are checked
 * more tightly by the validation cases.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { DailyRow, Result } from '../scenario/result.js';
import { simulate } from '../simulate/index.js';
import { trainingLevel } from './body-composition.js';

const man40 = { age_years: 40, sex: 'male', weight_kg: 80, height_cm: 178 };

function run(doc: Record<string, unknown>): Result {
  return simulate(parseScenario(doc));
}

/** Mean of a daily field over days [from, to]. */
function mean(rows: readonly DailyRow[], field: keyof DailyRow, from: number, to: number): number {
  const values = rows.slice(from, to + 1).map((r) => r[field] ?? Number.NaN);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('sustained against pulsatile GH (MODEL.md item 7)', () => {
  // The same 500 µg of GH a day, as a continuous IV infusion or as four IV pulses between the morning draws.
  const continuous = run({
    seed: 4,
    duration_days: 21,
    patient: man40,
    regimen: [{ drug: 'rhgh', dose: { amount: 500, unit: 'mcg' }, route: 'iv', over_min: 1440, at: '00:00' }],
  });
  const pulses = run({
    seed: 4,
    duration_days: 21,
    patient: man40,
    regimen: [
      {
        drug: 'rhgh',
        dose: { amount: 125, unit: 'mcg' },
        route: 'iv',
        at: ['02:00', '08:00', '14:00', '20:00'],
      },
    ],
  });
  const untreated = run({ seed: 4, duration_days: 21, patient: man40 });

  it('continuous GH raises fasting glucose, insulin and HOMA-IR within weeks, more than the same GH in pulses', () => {
    for (const field of ['glucose_fasting_mg_dl', 'insulin_fasting_uU_ml', 'homa_ir'] as const) {
      const c = mean(continuous.daily, field, 7, 20);
      const p = mean(pulses.daily, field, 7, 20);
      const u = mean(untreated.daily, field, 7, 20);
      expect(c).toBeGreaterThan(u);
      expect(c).toBeGreaterThan(p);
    }
    expect(mean(continuous.daily, 'homa_ir', 7, 20)).toBeGreaterThan(
      1.2 * mean(untreated.daily, 'homa_ir', 7, 20),
    );
  });

  it('raises IGF-1 in both patterns', () => {
    expect(mean(continuous.daily, 'igf1_ng_ml', 14, 20)).toBeGreaterThan(
      1.2 * untreated.daily[0].igf1_ng_ml!,
    );
    expect(mean(pulses.daily, 'igf1_ng_ml', 14, 20)).toBeGreaterThan(1.1 * untreated.daily[0].igf1_ng_ml!);
  });
});

describe('the three phases of GH therapy in a 12-month run (seed 003)', () => {
  // A GH-deficient man on a replacement dose: mobilisation (weeks 1–4), body-composition shift (months 2–6),
  // stabilisation (after month 6).
  const r = run({
    seed: 5,
    duration_days: 365,
    patient: { age_years: 45, sex: 'male', weight_kg: 88, height_cm: 178, conditions: ['gh_deficiency'] },
    regimen: [{ drug: 'rhgh', dose: { amount: 0.5, unit: 'mg' }, route: 'sc', at: '21:00' }],
  });
  const d = r.daily;
  const at = (day: number, field: keyof DailyRow): number => mean(d, field, day - 3, day);

  it('weeks 1–4: lipolysis, fatty acids and HOMA-IR rise; insulin sensitivity falls', () => {
    expect(at(28, 'lipolysis_mean_umol_kg_min')).toBeGreaterThan(d[0].lipolysis_mean_umol_kg_min!);
    expect(at(28, 'ffa_mean_mmol_l')).toBeGreaterThan(d[0].ffa_mean_mmol_l!);
    expect(at(28, 'homa_ir')).toBeGreaterThan(1.25 * d[0].homa_ir!);
    expect(at(28, 'insulin_sensitivity_si')).toBeLessThan(0.8 * d[0].insulin_sensitivity_si!);
  });

  it('months 2–6: lean mass up, fat and visceral fat down, insulin sensitivity recovering', () => {
    expect(at(182, 'lean_mass_kg') - d[0].lean_mass_kg!).toBeGreaterThan(1);
    expect(at(182, 'fat_mass_kg')).toBeLessThan(d[0].fat_mass_kg! - 1);
    expect(at(182, 'visceral_fat_cm2')).toBeLessThan(0.9 * d[0].visceral_fat_cm2!);
    expect(at(182, 'insulin_sensitivity_si')).toBeGreaterThan(at(28, 'insulin_sensitivity_si'));
  });

  it('after month 6: body composition stabilises and insulin sensitivity keeps moving back towards baseline', () => {
    const fat0to6 = d[0].fat_mass_kg! - at(182, 'fat_mass_kg');
    const fat6to12 = at(182, 'fat_mass_kg') - at(364, 'fat_mass_kg');
    expect(fat6to12).toBeLessThan(0.5 * fat0to6);
    expect(Math.abs(at(364, 'lean_mass_kg') - at(182, 'lean_mass_kg'))).toBeLessThan(0.5);
    expect(at(364, 'insulin_sensitivity_si')).toBeGreaterThan(at(28, 'insulin_sensitivity_si'));
    expect(at(364, 'homa_ir')).toBeLessThan(at(28, 'homa_ir'));
  });
});

describe('baseline labs and the untreated steady state', () => {
  it('calibrates fasting glucose and insulin to the baseline labs (untreated mean within 6 %)', () => {
    const labs = { glucose_fasting_mg_dl: 104, insulin_fasting_uU_ml: 14, testosterone_total_ng_dl: 380 };
    const r = run({ seed: 2, duration_days: 6, patient: { ...man40, age_years: 58, labs } });
    expect(Math.abs(mean(r.daily, 'glucose_fasting_mg_dl', 0, 5) / 104 - 1)).toBeLessThan(0.06);
    expect(Math.abs(mean(r.daily, 'insulin_fasting_uU_ml', 0, 5) / 14 - 1)).toBeLessThan(0.12);
    expect(Math.abs(mean(r.daily, 'testosterone_total_ng_dl', 0, 5) / 380 - 1)).toBeLessThan(0.12);
  });

  it('keeps an untreated patient in energy balance: weight drifts < 0.5 kg in 6 months', () => {
    const r = run({ seed: 3, duration_days: 182, patient: { ...man40, age_years: 62, weight_kg: 92 } });
    expect(Math.abs(mean(r.daily, 'weight_kg', 175, 181) - mean(r.daily, 'weight_kg', 0, 6))).toBeLessThan(
      0.5,
    );
  });

  it('orders insulin resistance by adiposity: HOMA-IR of an obese man above a lean one (Clasey 2001)', () => {
    const lean = run({ seed: 1, duration_days: 4, patient: { ...man40, weight_kg: 72 } });
    const obese = run({
      seed: 1,
      duration_days: 4,
      patient: { ...man40, weight_kg: 110, visceral_fat_cm2: 220 },
    });
    expect(mean(obese.daily, 'homa_ir', 0, 3)).toBeGreaterThan(1.5 * mean(lean.daily, 'homa_ir', 0, 3));
  });

  it('burns fat in a 3-day water-only fast, about 70–90 % of the energy deficit from fat (Hall 2011 partition)', () => {
    const r = run({
      seed: 1,
      duration_days: 5,
      patient: man40,
      lifestyle: { fasting: [{ start_day: 1, days: 3 }] },
    });
    const fatLost = r.daily[1].fat_mass_kg! - r.daily[4].fat_mass_kg!;
    const leanLost = r.daily[1].lean_mass_kg! - r.daily[4].lean_mass_kg!;
    expect(fatLost).toBeGreaterThan(0.4);
    const fatEnergy = fatLost * (9440 + 180);
    const leanEnergy = leanLost * (1816 + 230);
    expect(fatEnergy / (fatEnergy + leanEnergy)).toBeGreaterThan(0.7);
    expect(fatEnergy / (fatEnergy + leanEnergy)).toBeLessThan(0.95);
    // Fasting raises fatty acids towards 1 mmol/L (Møller 1993: FFA after 36 h of fasting).
    expect(r.daily[3].ffa_mean_mmol_l).toBeGreaterThan(1.5 * r.daily[0].ffa_mean_mmol_l!);
  });
});

describe('resistance training', () => {
  it('maps weekly minutes to an adaptation m / (m + 180): three 1-h sessions give 0.5', () => {
    expect(trainingLevel(0)).toBe(0);
    expect(trainingLevel(180)).toBeCloseTo(0.5, 12);
    expect(trainingLevel(540)).toBeCloseTo(0.75, 12);
    expect(trainingLevel(-5)).toBe(0);
  });

  it('adds lean mass on testosterone when combined with training (Bhasin 1996)', () => {
    const regimen = [
      {
        drug: 'testosterone_cypionate',
        dose: { amount: 200, unit: 'mg' },
        route: 'im',
        at: '09:00',
        days: { every: 7 },
      },
    ];
    const training = [
      {
        kind: 'resistance',
        days: ['mon', 'wed', 'fri'],
        time: '18:00',
        duration_min: 60,
        intensity: 'moderate',
      },
    ];
    const alone = run({ seed: 8, duration_days: 56, patient: man40, regimen });
    const trained = run({
      seed: 8,
      duration_days: 56,
      patient: man40,
      regimen,
      lifestyle: { exercise: training },
    });
    expect(alone.endpoints.lean_mass_change_kg).toBeGreaterThan(1);
    expect(trained.endpoints.lean_mass_change_kg!).toBeGreaterThan(
      1.2 * alone.endpoints.lean_mass_change_kg!,
    );
  });
});
