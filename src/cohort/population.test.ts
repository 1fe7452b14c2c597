// SPDX-License-Identifier: MIT
/** The sampled cohort: seeded, correlated as the published relations say, screened by the criteria. */
import { describe, expect, it } from 'vitest';
import { igf1Reference } from '../analysis/igf1-sds.js';
import { parseTrial } from './parse.js';
import { patientSeed, sampleCohort, ScreeningError } from './population.js';
import type { CohortRow } from './population.js';
import type { TrialInput } from './schema.js';

const placebo = { name: 'placebo', regimen: [] };
const base = (over: Partial<TrialInput> = {}): TrialInput => ({
  seed: 11,
  duration_days: 14,
  population: { n: 2000, age_years: { min: 25, max: 75 } },
  arms: [placebo],
  ...over,
});

function correlation(rows: readonly CohortRow[], x: (r: CohortRow) => number, y: (r: CohortRow) => number) {
  const n = rows.length;
  const mx = rows.reduce((s, r) => s + x(r), 0) / n;
  const my = rows.reduce((s, r) => s + y(r), 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const r of rows) {
    sxy += (x(r) - mx) * (y(r) - my);
    sxx += (x(r) - mx) ** 2;
    syy += (y(r) - my) ** 2;
  }
  return sxy / Math.sqrt(sxx * syy);
}

describe('sampleCohort', () => {
  const cohort = sampleCohort(parseTrial(base()));
  const rows = cohort.rows;

  it('is a pure function of the document and seed', () => {
    expect(sampleCohort(parseTrial(base()))).toEqual(cohort);
    expect(sampleCohort(parseTrial(base({ seed: 12 }))).rows[0]).not.toEqual(rows[0]);
  });

  it('patient k’s scenario seed depends on (trial seed, k) only, not on the criteria', () => {
    const screened = sampleCohort(parseTrial(base({ inclusion: { bmi: { max: 24 } } })));
    expect(screened.rows[5].seed).toBe(rows[5].seed);
    expect(screened.rows[5].seed).toBe(patientSeed(11, 5));
    expect(screened.rows[5].candidate).not.toBe(rows[5].candidate);
  });

  it('follows the population description: sex ratio, age range, BMI mean', () => {
    const women = rows.filter((r) => r.sex === 'female').length / rows.length;
    expect(women).toBeGreaterThan(0.46);
    expect(women).toBeLessThan(0.54);
    expect(Math.min(...rows.map((r) => r.age_years))).toBeGreaterThanOrEqual(25);
    expect(Math.max(...rows.map((r) => r.age_years))).toBeLessThanOrEqual(75);
    const bmi = rows.reduce((s, r) => s + r.bmi, 0) / rows.length;
    expect(bmi).toBeGreaterThan(26);
    expect(bmi).toBeLessThan(27.2);
  });

  it('older patients are fatter (Deurenberg 1991: +0.23 %/year) and heavier ones have more visceral fat', () => {
    expect(
      correlation(
        rows,
        (r) => r.age_years,
        (r) => r.body_fat_pct,
      ),
    ).toBeGreaterThan(0.25);
    expect(
      correlation(
        rows,
        (r) => r.bmi,
        (r) => r.visceral_fat_cm2,
      ),
    ).toBeGreaterThan(0.5);
  });

  it('IGF-1 falls with age as the reference table does, and its SDS is standard normal', () => {
    const men = rows.filter((r) => r.sex === 'male');
    expect(
      correlation(
        men,
        (r) => r.age_years,
        (r) => Math.log(r.igf1_ng_ml ?? 1),
      ),
    ).toBeLessThan(-0.3);
    const sds = rows.map((r) => r.igf1_sds ?? Number.NaN);
    const mean = sds.reduce((s, x) => s + x, 0) / sds.length;
    const sd = Math.sqrt(sds.reduce((s, x) => s + (x - mean) ** 2, 0) / (sds.length - 1));
    expect(Math.abs(mean)).toBeLessThan(0.08);
    expect(sd).toBeGreaterThan(0.93);
    expect(sd).toBeLessThan(1.07);
    const old = men.filter((r) => r.age_years > 70).map((r) => r.igf1_ng_ml ?? 0);
    const median = [...old].sort((a, b) => a - b)[Math.floor(old.length / 2)];
    expect(median / igf1Reference(72.5, 'male').median).toBeGreaterThan(0.85);
    expect(median / igf1Reference(72.5, 'male').median).toBeLessThan(1.15);
  });

  it('rejection sampling: every row meets the criteria and the screening counts add up', () => {
    const trial = parseTrial(
      base({
        population: { n: 100, age_years: { min: 55, max: 71 } },
        inclusion: { igf1_ng_ml: { max: 120 }, bmi: { min: 20, max: 32 } },
        exclusion: { visceral_fat_cm2: { min: 250 } },
      }),
    );
    const c = sampleCohort(trial);
    expect(c.rows).toHaveLength(100);
    for (const r of c.rows) {
      expect(r.igf1_ng_ml).toBeLessThanOrEqual(120);
      expect(r.bmi).toBeGreaterThanOrEqual(20);
      expect(r.bmi).toBeLessThanOrEqual(32);
      expect(r.visceral_fat_cm2).toBeLessThan(250);
    }
    const rejected = Object.values(c.screening.rejected).reduce((s, n) => s + n, 0);
    expect(c.screening.screened).toBe(c.screening.enrolled + rejected);
    expect(c.screening.rejected['inclusion.igf1_ng_ml']).toBeGreaterThan(0);
  });

  it('parallel design: n patients per arm, allocated in turn', () => {
    const trial = parseTrial(
      base({
        design: 'parallel',
        population: { n: 5, age_years: { min: 40, max: 50 } },
        arms: [placebo, { name: 'b', regimen: [] }],
      }),
    );
    const c = sampleCohort(trial);
    expect(c.rows.map((r) => r.arm)).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 1]);
  });

  it('says which criterion starved the trial when max_screened runs out', () => {
    const trial = parseTrial(
      base({
        population: { n: 10, age_years: { min: 30, max: 40 } },
        inclusion: { bmi: { max: 10 } },
        max_screened: 50,
      }),
    );
    expect(() => sampleCohort(trial)).toThrow(ScreeningError);
    expect(() => sampleCohort(trial)).toThrow(/screened 50 candidates .*\(inclusion\.bmi rejected 50\)/);
  });
});
