// SPDX-License-Identifier: MIT
/**
 * The gonadal axis: the Vermeulen free-testosterone equilibrium against its quadratic, the GnRH pulse generator, and
 * the drug and feedback behaviours of MODEL.md item 9 through `simulate`.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { DailyRow, Result } from '../scenario/result.js';
import { prepareScenario, simulate } from '../simulate/index.js';
import { Random } from '../engine/random.js';
import { buildTimeline } from '../simulate/events.js';
import { setUpPatient, STREAM_PULSES, uniformOf } from '../simulate/setup.js';
import { generateGnrhPulses, TESTOSTERONE_NG_DL_PER_NMOL_L } from './gonadal.js';
import { generateGhrhPulses, pulseSettings } from './hypothalamus.js';
import { compiledModel } from './model.js';

const man = { age_years: 32, sex: 'male', weight_kg: 80, height_cm: 180 };

function run(doc: Record<string, unknown>): Result {
  return simulate(parseScenario(doc));
}

function mean(rows: readonly DailyRow[], field: keyof DailyRow, from: number, to: number): number {
  const values = rows.slice(from, to + 1).map((r) => r[field] ?? Number.NaN);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('free testosterone (Vermeulen 1999)', () => {
  const model = compiledModel();
  const p = model.defaultParameters();
  const u = model.defaultInputs();
  const out = new Float64Array(model.outputNames.length);
  const freeT = (totalNgDl: number, shbg: number): number => {
    const y = model.initialState();
    y[model.stateIndex('testosterone')] = totalNgDl;
    y[model.stateIndex('shbg')] = shbg;
    model.outputsFn(0, y, p, u, out);
    return out[model.outputIndex('free_testosterone_pg_ml')] / 288.4;
  };

  it('solves N·Ks·FT² + (N + Ks·(SHBG − TT))·FT − TT = 0 (K_SHBG 1 L/nmol, N 23.4)', () => {
    for (const [tt, shbg] of [
      [600, 35],
      [300, 60],
      [2000, 20],
      [50, 80],
    ]) {
      const t = tt / TESTOSTERONE_NG_DL_PER_NMOL_L;
      const ft = freeT(tt, shbg);
      expect(23.4 * ft * ft + (23.4 + shbg - t) * ft - t).toBeCloseTo(0, 10);
    }
  });

  it('gives the textbook free fraction ≈ 1.5–2.5 % at normal total testosterone and SHBG', () => {
    const fraction = (freeT(600, 35) * TESTOSTERONE_NG_DL_PER_NMOL_L) / 600;
    expect(fraction).toBeGreaterThan(0.015);
    expect(fraction).toBeLessThan(0.025);
  });

  it('raises the free fraction when SHBG falls', () => {
    expect(freeT(600, 20)).toBeGreaterThan(freeT(600, 40));
  });
});

describe('GnRH pulse generator', () => {
  const settings = { pulsesPerDay: 15, intervalShape: 4, refractoryMin: 30, amplitude: 1, amplitudeCv: 0.3 };

  it('deterministic mode: regular pulses, 15 a day, of the mean amplitude', () => {
    const pulses = generateGnrhPulses(settings, 0, 1440, null);
    expect(pulses).toHaveLength(15);
    expect(pulses.every((p) => p.amplitude === 1)).toBe(true);
    expect(pulses[1].t_min - pulses[0].t_min).toBeCloseTo(96, 9);
  });

  it('random mode: about 15 a day over a month, never closer than the refractory interval', () => {
    let seed = 12345;
    const uniform = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pulses = generateGnrhPulses(settings, 0, 30 * 1440, uniform);
    expect(pulses.length / 30).toBeGreaterThan(12);
    expect(pulses.length / 30).toBeLessThan(18);
    for (let i = 1; i < pulses.length; i++)
      expect(pulses[i].t_min - pulses[i - 1].t_min).toBeGreaterThanOrEqual(30);
  });

  it('draws from its own seeded stream: the GHRH pulse train of a run is the one stream 2 alone gives', () => {
    const scenario = parseScenario({ seed: 9, duration_days: 3, patient: man });
    const setup = setUpPatient(scenario);
    const timeline = buildTimeline(prepareScenario({ scenario }), setup);
    const stream2 = uniformOf(Random.fromSeed(9).split(STREAM_PULSES));
    const settings = pulseSettings(setup.model, setup.p);
    const alone = generateGhrhPulses(settings, timeline.changes, timeline.startMin, timeline.endMin, stream2);
    expect(timeline.pulses).toEqual(alone);
    expect(timeline.gnrhPulses.length).toBeGreaterThan(10 * 31);
  });
});

describe('the untreated axis', () => {
  it('men: LH and FSH in the adult ranges, testosterone higher in the morning than at 16:00', () => {
    const r = run({ seed: 3, duration_days: 4, patient: man });
    expect(mean(r.daily, 'lh_mean_iu_l', 0, 3)).toBeGreaterThan(2);
    expect(mean(r.daily, 'lh_mean_iu_l', 0, 3)).toBeLessThan(10);
    expect(mean(r.daily, 'fsh_mean_iu_l', 0, 3)).toBeGreaterThan(1.5);
    expect(mean(r.daily, 'testosterone_mean_ng_dl', 0, 3)).toBeGreaterThan(350);
    expect(mean(r.daily, 'testosterone_mean_ng_dl', 0, 3)).toBeLessThan(1000);
  });

  it('women: higher FSH and LH and low estradiol after the menopause', () => {
    const young = run({
      seed: 3,
      duration_days: 3,
      patient: { age_years: 30, sex: 'female', weight_kg: 62, height_cm: 166 },
    });
    const old = run({
      seed: 3,
      duration_days: 3,
      patient: { age_years: 62, sex: 'female', weight_kg: 70, height_cm: 164 },
    });
    expect(mean(old.daily, 'fsh_mean_iu_l', 0, 2)).toBeGreaterThan(
      5 * mean(young.daily, 'fsh_mean_iu_l', 0, 2),
    );
    expect(mean(old.daily, 'lh_mean_iu_l', 0, 2)).toBeGreaterThan(
      2 * mean(young.daily, 'lh_mean_iu_l', 0, 2),
    );
    expect(mean(old.daily, 'estradiol_mean_pg_ml', 0, 2)).toBeLessThan(20);
    expect(mean(young.daily, 'estradiol_mean_pg_ml', 0, 2)).toBeGreaterThan(50);
  });

  it('high stress lowers testosterone a little through day-averaged cortisol', () => {
    const calm = run({ seed: 3, duration_days: 6, patient: man, lifestyle: { stress: 'low' } });
    const stressed = run({ seed: 3, duration_days: 6, patient: man, lifestyle: { stress: 'high' } });
    const t = (r: Result) => mean(r.daily, 'testosterone_mean_ng_dl', 0, 5);
    expect(t(stressed)).toBeLessThan(t(calm));
    expect(t(stressed)).toBeGreaterThan(0.8 * t(calm));
  });

  it('testosterone falls and LH rises with age (primary ageing of Leydig cells)', () => {
    const young = run({ seed: 3, duration_days: 3, patient: { ...man, age_years: 25 } });
    const old = run({ seed: 3, duration_days: 3, patient: { ...man, age_years: 72 } });
    expect(mean(old.daily, 'free_testosterone_pg_ml', 0, 2)).toBeLessThan(
      0.85 * mean(young.daily, 'free_testosterone_pg_ml', 0, 2),
    );
    expect(mean(old.daily, 'lh_mean_iu_l', 0, 2)).toBeGreaterThan(mean(young.daily, 'lh_mean_iu_l', 0, 2));
  });
});

describe('drugs acting on the gonadal axis', () => {
  const cycle = {
    drug: 'testosterone_cypionate',
    dose: { amount: 250, unit: 'mg' },
    route: 'im',
    at: '09:00',
    days: { every: 7 },
    end_day: 56,
  };

  it('exogenous testosterone suppresses LH and FSH; testosterone recovers over months after stopping', () => {
    const r = run({ seed: 6, duration_days: 196, patient: man, regimen: [cycle] });
    const base = { lh: r.daily[0].lh_mean_iu_l!, t: mean(r.daily, 'testosterone_mean_ng_dl', 190, 195) };
    expect(mean(r.daily, 'lh_mean_iu_l', 35, 55)).toBeLessThan(0.15 * base.lh);
    expect(mean(r.daily, 'fsh_mean_iu_l', 35, 55)).toBeLessThan(0.25 * r.daily[0].fsh_mean_iu_l!);
    // Three weeks after the last depot has gone, testosterone is still well below its recovered level.
    expect(mean(r.daily, 'testosterone_mean_ng_dl', 84, 90)).toBeLessThan(0.85 * base.t);
    expect(mean(r.daily, 'lh_mean_iu_l', 150, 195)).toBeGreaterThan(0.7 * base.lh);
  });

  it('clomiphene raises LH, FSH and testosterone (estradiol feedback blocked)', () => {
    const clomiphene = { drug: 'clomiphene', dose: { amount: 50, unit: 'mg' }, route: 'oral', at: '08:00' };
    const control = run({ seed: 6, duration_days: 35, patient: { ...man, age_years: 55 } });
    const treated = run({
      seed: 6,
      duration_days: 35,
      patient: { ...man, age_years: 55 },
      regimen: [clomiphene],
    });
    for (const field of ['lh_mean_iu_l', 'fsh_mean_iu_l', 'testosterone_mean_ng_dl'] as const) {
      expect(mean(treated.daily, field, 28, 34)).toBeGreaterThan(1.15 * mean(control.daily, field, 28, 34));
    }
  });

  it('hCG raises testosterone directly at the testis while LH falls by feedback', () => {
    const hcg = {
      drug: 'hcg',
      dose: { amount: 2000, unit: 'iu' },
      route: 'sc',
      at: '09:00',
      days: { weekdays: ['mon', 'wed', 'fri'] },
    };
    const r = run({ seed: 6, duration_days: 21, patient: man, regimen: [hcg] });
    expect(mean(r.daily, 'testosterone_mean_ng_dl', 14, 20)).toBeGreaterThan(
      1.3 * r.daily[0].testosterone_mean_ng_dl!,
    );
    expect(mean(r.daily, 'lh_mean_iu_l', 14, 20)).toBeLessThan(0.6 * r.daily[0].lh_mean_iu_l!);
  });

  it('the optional sermorelin_gonadotropins effect raises LH only when switched on (weak evidence)', () => {
    const sermorelin = { drug: 'sermorelin', dose: { amount: 300, unit: 'mcg' }, route: 'sc', at: 'bedtime' };
    const patient = { ...man, age_years: 60 };
    const off = run({ seed: 6, duration_days: 21, patient, regimen: [sermorelin] });
    const on = run({
      seed: 6,
      duration_days: 21,
      patient,
      regimen: [sermorelin],
      model: { optional_effects: ['sermorelin_gonadotropins'] },
    });
    expect(on.optional_effects).toEqual(['sermorelin_gonadotropins']);
    expect(off.optional_effects).toEqual([]);
    expect(mean(on.daily, 'lh_mean_iu_l', 10, 20)).toBeGreaterThan(
      1.05 * mean(off.daily, 'lh_mean_iu_l', 10, 20),
    );
  });
});
