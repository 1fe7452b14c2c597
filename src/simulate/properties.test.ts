// SPDX-License-Identifier: MIT
/**
 * Property tests over random patients (fast-check): energy and mass balance of body composition, and no negative
 * or non-finite output across ages 18–90, BMI 16–50, both sexes and every drug at its labelled maximum dose. Runs
 * are kept to a few days and the number of cases modest (the machine's cores are shared).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { integrate } from '../engine/integrate.js';
import { CallbackSink } from '../engine/sinks.js';
import type { DrugName } from '../physiology/drug-catalog.js';
import { parseScenario } from '../protocol/parse-scenario.js';
import { DAILY_FIELDS, type DailyRow } from '../scenario/result.js';
import { burnIn } from './burn-in.js';
import { buildTimeline, eventsIn } from './events.js';
import { prepareScenario, simulate } from './index.js';
import { solverOptions } from './settings.js';
import { setUpPatient } from './setup.js';

/** A random adult: age, sex, height and a BMI from which the weight follows. */
const patientArb = fc
  .record({
    age_years: fc.integer({ min: 18, max: 90 }),
    sex: fc.constantFrom('male', 'female'),
    height_cm: fc.integer({ min: 150, max: 195 }),
    bmi: fc.double({ min: 16, max: 50, noNaN: true }),
  })
  .map(({ bmi, ...p }) => ({ ...p, weight_kg: Math.round(bmi * (p.height_cm / 100) ** 2 * 10) / 10 }));

/**
 * The largest labelled (or studied) dose of each drug, with its schedule. Sources: sermorelin 2 mg SC (Geref label
 * PK study; Vittone 1997); CJC-1295 125 µg/kg (Teichman 2006); CJC-1295 without DAC: no label, 300 µg (3× the
 * usual 100 µg); ipamorelin 140 nmol/kg ≈ 100 µg/kg IV (Gobburu 1999); tesamorelin 2 mg (Egrifta label); MK-677
 * 50 mg (Chapman 1997); rhGH 0.03 mg/kg (Rudman 1990); hexarelin 2 µg/kg IV (PubMed 7586608); GHRP-6 300 µg/kg
 * by mouth (Ghigo 1994); testosterone cypionate 400 mg IM (label); clomiphene 150 mg (label); hCG 10,000 IU (label);
 * testosterone enanthate 600 mg IM weekly (Bhasin 1996).
 */
const LABELLED_MAXIMUM: Readonly<Record<DrugName, Record<string, unknown>>> = {
  sermorelin: { dose: { amount: 2, unit: 'mg' }, route: 'sc', at: 'bedtime' },
  cjc1295_dac: { dose: { amount: 125, unit: 'mcg_per_kg' }, route: 'sc', at: '09:00', days: { every: 7 } },
  cjc1295_nodac: { dose: { amount: 300, unit: 'mcg' }, route: 'sc', at: 'bedtime' },
  ipamorelin: { dose: { amount: 100, unit: 'mcg_per_kg' }, route: 'iv', over_min: 15, at: '09:00' },
  tesamorelin: { dose: { amount: 2, unit: 'mg' }, route: 'sc', at: 'bedtime' },
  mk677: { dose: { amount: 50, unit: 'mg' }, route: 'oral', at: '08:00' },
  rhgh: { dose: { amount: 0.03, unit: 'mg_per_kg' }, route: 'sc', at: '21:00' },
  hexarelin: { dose: { amount: 2, unit: 'mcg_per_kg' }, route: 'iv', at: '09:00' },
  ghrp6: { dose: { amount: 300, unit: 'mcg_per_kg' }, route: 'oral', at: '09:00' },
  testosterone_cypionate: {
    dose: { amount: 400, unit: 'mg' },
    route: 'im',
    at: '09:00',
    days: { every: 14 },
  },
  clomiphene: { dose: { amount: 150, unit: 'mg' }, route: 'oral', at: '08:00' },
  hcg: { dose: { amount: 10000, unit: 'iu' }, route: 'im', at: '09:00', days: { every: 3 } },
  testosterone_enanthate: { dose: { amount: 600, unit: 'mg' }, route: 'im', at: '09:00', days: { every: 7 } },
};

/** Concentration-like outputs that must never go negative. */
const NON_NEGATIVE_SERIES = [
  'gh_ug_l',
  'igf1_ng_ml',
  'glucose_mg_dl',
  'insulin_uU_ml',
  'ffa_mmol_l',
  'lipolysis_umol_kg_min',
  'lh_iu_l',
  'fsh_iu_l',
  'testosterone_ng_dl',
  'free_testosterone_pg_ml',
  'shbg_nmol_l',
  'estradiol_pg_ml',
  'cortisol_ug_dl',
  'prolactin_ng_ml',
  'weight_kg',
  'fat_mass_kg',
  'lean_mass_kg',
  'visceral_fat_cm2',
];

/** Daily fields that may be negative (a standard-deviation score). */
const SIGNED_FIELDS: ReadonlySet<keyof DailyRow> = new Set(['igf1_sds']);

describe('no output goes negative or non-finite (random patients, every drug at its labelled maximum)', () => {
  it('holds over ages 18–90, BMI 16–50, both sexes and the twelve drugs', { timeout: 300_000 }, () => {
    const drugs = Object.keys(LABELLED_MAXIMUM) as DrugName[];
    fc.assert(
      fc.property(
        patientArb,
        fc.constantFrom(...drugs),
        fc.integer({ min: 0, max: 1000 }),
        (patient, drug, seed) => {
          const result = simulate(
            parseScenario({
              seed,
              duration_days: 4,
              patient: { ...patient, variability: 'typical' },
              regimen: [{ drug, ...LABELLED_MAXIMUM[drug] }],
              output: { sample_every_min: 30, series: NON_NEGATIVE_SERIES, window_days: [0, 4] },
            }),
          );
          for (const row of result.daily) {
            for (const field of DAILY_FIELDS) {
              const value = row[field];
              if (value === null) {
                // Only testosterone may be missing, and only in women.
                expect([field, patient.sex]).toEqual(['testosterone_mean_ng_dl', 'female']);
                continue;
              }
              expect(Number.isFinite(value), `${drug} ${field} = ${value}`).toBe(true);
              if (!SIGNED_FIELDS.has(field)) expect(value, `${drug} ${field}`).toBeGreaterThanOrEqual(0);
            }
          }
          for (const name of NON_NEGATIVE_SERIES) {
            const values = result.series[name];
            expect(
              values.every((v) => Number.isFinite(v) && v >= 0),
              `${drug} series ${name}`,
            ).toBe(true);
          }
        },
      ),
      { numRuns: 24, seed: 20261122 },
    );
  });
});

describe('energy and mass balance of body composition (random patients)', () => {
  it(
    'stored energy changes by the integrated surplus, and weight is fat plus lean',
    { timeout: 300_000 },
    () => {
      fc.assert(
        fc.property(patientArb, fc.integer({ min: 0, max: 1000 }), (patient, seed) => {
          // A 2-day water-only fast after the burn-in: intake is zero, so the surplus (−expenditure) is smooth and a
          // fine trapezoid integrates it without the jumps meals put into intake.
          const scenario = parseScenario({
            seed,
            duration_days: 3,
            patient,
            lifestyle: { fasting: [{ start_day: 0, days: 3 }] },
          });
          const setup = setUpPatient(scenario);
          const timeline = buildTimeline(prepareScenario({ scenario }), setup);
          const start = burnIn(scenario, setup, timeline, () => undefined);
          const m = setup.model;
          const [ei, ee, stored, weight, fat, lean] = [
            'energy_intake_kcal_per_d',
            'energy_expenditure_kcal_per_d',
            'energy_stored_kcal',
            'weight_kg',
            'fat_mass_kg',
            'lean_mass_kg',
          ].map((name) => m.outputIndex(name));
          let integral = 0;
          let previous: { t: number; surplus: number } | undefined;
          let first = Number.NaN;
          let last = Number.NaN;
          const sink = new CallbackSink((t, v) => {
            const surplus = (v[ei] - v[ee]) / 1440;
            if (previous) integral += ((surplus + previous.surplus) / 2) * (t - previous.t);
            previous = { t, surplus };
            if (Number.isNaN(first)) first = v[stored];
            last = v[stored];
            expect(Math.abs(v[weight] - (v[fat] + v[lean]))).toBeLessThan(1e-9 * v[weight]);
          });
          const t1 = 2 * 1440;
          integrate({
            model: m,
            t0: 0,
            t1,
            p: setup.p,
            y0: start.y,
            u0: start.u,
            events: eventsIn(timeline.background, 0, t1, true),
            solver: 'dopri5',
            options: solverOptions(m),
            sink,
            sampleEvery: 0.5,
          });
          // About 1,500–3,500 kcal a day drawn from the stores; the two estimates agree to 0.5 %.
          expect(integral).toBeLessThan(-2000);
          expect(Math.abs(last - first - integral)).toBeLessThan(0.005 * Math.abs(integral));
        }),
        { numRuns: 8, seed: 7 },
      );
    },
  );
});
