// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { Random } from '../engine/random.js';
import {
  bodyMeasures,
  deurenbergBodyFatPct,
  drawRandomEffects,
  igf1ProductionScaleFor,
  oestrogenFactor,
  patientParameters,
  RANDOM_EFFECTS,
  slowWaveSleepPct,
  type PatientCovariates,
} from './patient.js';

const man = (ageYears: number, extra: Partial<PatientCovariates> = {}): PatientCovariates => ({
  ageYears,
  sex: 'male',
  weightKg: 80,
  heightCm: 180,
  variability: 'none',
  ...extra,
});

describe('body measures', () => {
  it('Deurenberg 1991: BF% = 1.2·BMI + 0.23·age − 10.8·sex − 5.4', () => {
    expect(deurenbergBodyFatPct(25, 40, 'male')).toBeCloseTo(1.2 * 25 + 0.23 * 40 - 10.8 - 5.4, 12);
    expect(deurenbergBodyFatPct(25, 40, 'female')).toBeCloseTo(1.2 * 25 + 0.23 * 40 - 5.4, 12);
  });

  it('keeps measured values and estimates missing ones', () => {
    const m = bodyMeasures(man(62, { bodyFatPct: 28 }));
    expect(m.bodyFatPct).toBe(28);
    expect(m.bodyFatEstimated).toBe(false);
    expect(m.visceralFatEstimated).toBe(true);
    expect(m.bmi).toBeCloseTo(80 / 1.8 ** 2, 12);
  });

  it('estimates more visceral fat with age and fat mass', () => {
    const young = bodyMeasures(man(25));
    const old = bodyMeasures(man(65));
    expect(old.visceralFatCm2).toBeGreaterThan(young.visceralFatCm2);
  });
});

describe('covariate relations', () => {
  it('slow-wave sleep follows Van Cauter 2000 at its data points (18.9 % young, 3.4 % at 36–50 y)', () => {
    expect(slowWaveSleepPct(20)).toBe(18.9);
    expect(slowWaveSleepPct(43)).toBeCloseTo(3.4, 12);
    expect(slowWaveSleepPct(60)).toBeLessThan(3.4);
  });

  it('the oestrogen factor is 1 in young women, 0 after 55 and in men', () => {
    expect(oestrogenFactor(30, 'female')).toBe(1);
    expect(oestrogenFactor(50, 'female')).toBeCloseTo(0.5, 12);
    expect(oestrogenFactor(60, 'female')).toBe(0);
    expect(oestrogenFactor(30, 'male')).toBe(0);
  });

  it('age raises somatostatin tone and lowers slow-wave sleep and pulse frequency', () => {
    const young = patientParameters(man(25));
    const old = patientParameters(man(65));
    expect(old.multiply.srif_basal).toBeGreaterThan(young.multiply.srif_basal);
    expect(old.set.sws_capacity).toBeLessThan(young.set.sws_capacity);
    expect(old.multiply.ghrh_pulses_per_day).toBeLessThan(young.multiply.ghrh_pulses_per_day);
  });

  it('adiposity raises GH clearance (Langendonk: +33–51 % in obesity)', () => {
    const lean = patientParameters(man(40, { bodyFatPct: 15 }));
    const obese = patientParameters(man(40, { bodyFatPct: 35 }));
    expect(obese.multiply.gh_clearance_factor).toBeGreaterThan(1.3);
    expect(lean.multiply.gh_clearance_factor).toBeCloseTo(1, 12);
  });

  it('premenopausal women get more frequent pulses and higher tonic GHRH than men', () => {
    const woman = patientParameters({ ...man(30), sex: 'female' });
    const m = patientParameters(man(30));
    expect(woman.multiply.ghrh_pulses_per_day).toBeGreaterThan(m.multiply.ghrh_pulses_per_day);
    expect(woman.multiply.ghrh_tonic).toBeGreaterThan(m.multiply.ghrh_tonic);
  });
});

describe('random effects', () => {
  it('are all 1 without variability and identical for the same seed', () => {
    expect(Object.values(patientParameters(man(40)).randomEffects).every((v) => v === 1)).toBe(true);
    const draw = (seed: number) => {
      const r = Random.fromSeed(seed);
      return patientParameters(man(40, { variability: 'typical' }), () => r.nextFloat()).randomEffects;
    };
    expect(draw(3)).toEqual(draw(3));
    expect(draw(3)).not.toEqual(draw(4));
  });

  it('have mean 1 and the documented coefficient of variation', () => {
    const r = Random.fromSeed(11);
    const n = 20000;
    const draws = Array.from({ length: n }, () => drawRandomEffects(() => r.nextFloat()));
    for (const effect of RANDOM_EFFECTS) {
      const values = draws.map((d) => d[effect.parameter]);
      const mean = values.reduce((a, b) => a + b, 0) / n;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1));
      expect(mean).toBeCloseTo(1, 1);
      expect(sd / mean).toBeCloseTo(effect.cv, 1);
    }
  });
});

describe('IGF-1 calibration', () => {
  it('gives the production scale that balances clearance at the target (closed form)', () => {
    const q = { prodMax: 3, prodBasal: 0.02, kTernary: 8e-4, kUnbound: 0.03, satN: 6 };
    const steady = { igf1: 200, hepaticSignal: 0.05, capacity: 450 };
    const target = 120;
    const scale = igf1ProductionScaleFor(target, steady, q);
    const spill = 1 / (1 + (450 / target) ** 6);
    const production = scale * q.prodMax * (q.prodBasal + steady.hepaticSignal);
    expect(production).toBeCloseTo(target * (q.kTernary + q.kUnbound * spill), 12);
  });
});
