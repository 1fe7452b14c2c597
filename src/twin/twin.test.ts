// SPDX-License-Identifier: MIT
/**
 * The twin against a known truth: a "true" patient is simulated with parameters away from the population values,
 * its IGF-1 and fasting glucose are drawn on days 0, 28 and 56 with log-normal assay noise of known SD, and the fit
 * from the population values must find the truth within its stated uncertainty; the prediction interval of the
 * next weeks must cover the true patient's trajectory.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { ScenarioInput } from '../scenario/schema.js';
import { setUpPatient, simulate } from '../simulate/index.js';
import { fitTwin } from './fit.js';
import { normalSource } from '../estimate/numeric.js';
import { TwinInputError } from './observations.js';
import type { TwinLabValue } from './observations.js';
import { predictTwin } from './predict.js';

const patient = { age_years: 62, sex: 'male', weight_kg: 88, height_cm: 178 } as const;
const historyInput: ScenarioInput = {
  seed: 11,
  duration_days: 56,
  patient,
  regimen: ['sermorelin 500 mcg sc at bedtime daily'],
  // Default monitoring days for 56 days: 0, 28 and 56.
  monitoring: { labs: ['igf1', 'glucose_fasting'] },
  output: { series: [] },
};
const history = parseScenario(historyInput);
const setup = setUpPatient(history);
const population = (name: string): number => setup.p[setup.model.parameterIndex(name)];

/** The true patient: 30 % more IGF-1 production, three times as sensitive to sermorelin. */
const truth: Record<string, number> = {
  igf1_prod_scale: 1.3 * population('igf1_prod_scale'),
  sermorelin_ec50_ng_ml: population('sermorelin_ec50_ng_ml') / 3,
};
const NOISE_SD = { igf1: 0.05, glucose_fasting: 0.03 } as const;

function noisyLabs(): TwinLabValue[] {
  const next = normalSource(2026);
  return simulate(history, { parameterOverrides: truth }).labs.flatMap((row) => [
    { day: row.day, lab: 'igf1' as const, value: Number(row.igf1_ng_ml) * Math.exp(NOISE_SD.igf1 * next()) },
    {
      day: row.day,
      lab: 'glucose_fasting' as const,
      value: Number(row.glucose_fasting_mg_dl) * Math.exp(NOISE_SD.glucose_fasting * next()),
    },
  ]);
}

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof TwinInputError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a TwinInputError');
}

describe('fitTwin on a simulated patient with known parameters', () => {
  const labs = noisyLabs();
  const fit = fitTwin({ scenario: history, labs, measurementSdLog: NOISE_SD });

  it('fits the production scale and the drug potency, from the population values, and converges', () => {
    expect(fit.parameters.map((p) => p.name)).toEqual(['igf1_prod_scale', 'sermorelin_ec50_ng_ml']);
    expect(fit.parameters.map((p) => p.population)).toEqual([
      population('igf1_prod_scale'),
      population('sermorelin_ec50_ng_ml'),
    ]);
    expect(fit.converged).toBe(true);
    // Each Jacobian column is one simulation: p + 1 per iteration at the least.
    expect(fit.simulations).toBeGreaterThanOrEqual(1 + 3 * fit.iterations);
  });

  it('recovers the truth within its uncertainty (|z| < 2.5 on the log scale)', () => {
    for (const p of fit.parameters) {
      const z = (p.log_estimate - Math.log(truth[p.name])) / p.log_se;
      expect(Math.abs(z), p.name).toBeLessThan(2.5);
      expect(truth[p.name]).toBeGreaterThan(p.ci95[0] * 0.999);
      expect(truth[p.name]).toBeLessThan(p.ci95[1] * 1.001);
    }
  });

  it('learns from the labs: the production scale is estimated well and nearer the truth than the population', () => {
    const [production, potency] = fit.parameters;
    expect(production.log_se).toBeLessThan(0.15);
    expect(Math.abs(production.log_estimate - Math.log(truth.igf1_prod_scale))).toBeLessThan(
      Math.abs(Math.log(production.population) - Math.log(truth.igf1_prod_scale)),
    );
    // The potency is the weaker direction: three labs of a saturating response, but still narrower than its prior.
    expect(potency.log_se).toBeLessThan(potency.prior_sd_log);
    expect(potency.estimate).toBeLessThan(potency.population);
  });

  it('reports residuals consistent with the assay noise and the covariance it used', () => {
    expect(fit.residuals).toHaveLength(labs.length);
    for (const r of fit.residuals) {
      expect(Math.abs(r.log_residual)).toBeLessThan(4 * NOISE_SD[r.lab as keyof typeof NOISE_SD]);
      expect(r.log_residual).toBeCloseTo(Math.log(r.observed / r.fitted), 10);
    }
    expect(fit.variance_factor).toBeGreaterThanOrEqual(1);
    expect(fit.residual_sd_log.igf1).toBeCloseTo(Math.sqrt(fit.variance_factor) * NOISE_SD.igf1, 12);
    const [a, b] = fit.covariance_log;
    expect(a[1]).toBeCloseTo(b[0], 12);
    expect(Math.sqrt(a[0])).toBeCloseTo(fit.parameters[0].log_se, 12);
  });

  it('predicts the next weeks with a 90 % interval that covers the true trajectory', () => {
    const future = parseScenario({ ...historyInput, duration_days: 84 });
    const prediction = predictTwin(fit, future, { draws: 24, seed: 3 });
    const trueDaily = simulate(future, { parameterOverrides: truth }).daily;
    const populationDaily = simulate(future).daily;
    expect(prediction.daily).toHaveLength(trueDaily.length);
    expect(prediction.intervals.igf1_ng_ml).toBe('parameters+residual');
    expect(prediction.intervals.gh_mean_ug_l).toBe('parameters');
    let closer = 0;
    for (const [d, row] of prediction.daily.entries()) {
      const igf1 = Number(trueDaily[d].igf1_ng_ml);
      const [lo, median, hi] = [row.igf1_ng_ml_p05, row.igf1_ng_ml_median, row.igf1_ng_ml_p95].map(Number);
      expect(lo).toBeLessThan(median);
      expect(median).toBeLessThan(hi);
      expect(igf1, `day ${d}`).toBeGreaterThanOrEqual(lo);
      expect(igf1, `day ${d}`).toBeLessThanOrEqual(hi);
      if (Math.abs(median - igf1) < Math.abs(Number(populationDaily[d].igf1_ng_ml) - igf1)) closer++;
    }
    // The twin's median tracks the true patient better than the untuned population patient does.
    expect(closer / prediction.daily.length).toBeGreaterThan(0.9);
  });
});

describe('fitTwin input', () => {
  it('uses a baseline IGF-1 of patient.labs as the day-0 observation', () => {
    const withBaseline = parseScenario({
      ...historyInput,
      duration_days: 28,
      patient: { ...patient, labs: { igf1_ng_ml: 110 } },
    });
    const fit = fitTwin({
      scenario: withBaseline,
      labs: [{ day: 28, lab: 'igf1', value: 140 }],
      maxIterations: 2,
    });
    expect(fit.scenario.patient.labs.igf1_ng_ml).toBeUndefined();
    expect(fit.residuals.map((r) => [r.day, r.observed])).toEqual([
      [0, 110],
      [28, 140],
    ]);
    expect(fit.notes[0]).toMatch(/used as the IGF-1 observation of day 0/);
  });

  it('ignores labs the model does not simulate, saying why', () => {
    const short = parseScenario({ ...historyInput, duration_days: 7 });
    const fit = fitTwin({
      scenario: short,
      labs: [
        { day: 0, lab: 'igf1', value: 100 },
        { day: 7, lab: 'hba1c', value: 5.6 },
      ],
      maxIterations: 1,
    });
    expect(fit.ignored).toEqual([
      { day: 7, lab: 'hba1c', value: 5.6, reason: 'the model does not simulate this lab' },
    ]);
  });

  it("ignores a lab the model has no value for in this patient (a woman's testosterone)", () => {
    const woman = parseScenario({
      ...historyInput,
      duration_days: 7,
      patient: { age_years: 55, sex: 'female', weight_kg: 66, height_cm: 165 },
    });
    const fit = fitTwin({
      scenario: woman,
      labs: [
        { day: 0, lab: 'igf1', value: 100 },
        { day: 7, lab: 'testosterone_total', value: 30 },
      ],
      maxIterations: 1,
    });
    expect(fit.residuals.map((r) => r.lab)).toEqual(['igf1']);
    expect(fit.ignored).toEqual([
      {
        day: 7,
        lab: 'testosterone_total',
        value: 30,
        reason: 'the model has no value of this lab for this patient',
      },
    ]);
  });

  it('predicts a course without the fitted drug, leaving its potency out with a note', () => {
    const fit = fitTwin({
      scenario: parseScenario({ ...historyInput, duration_days: 7 }),
      labs: [{ day: 0, lab: 'igf1', value: 100 }],
      maxIterations: 1,
    });
    const untreated = parseScenario({ ...historyInput, duration_days: 3, regimen: [] });
    const prediction = predictTwin(fit, untreated, { draws: 2 });
    expect(prediction.daily).toHaveLength(3);
    expect(prediction.notes).toEqual([
      "sermorelin_ec50_ng_ml is fitted but the course's model has no such parameter (its drugs: none); not used",
    ]);
  });

  it('names the entry and field of bad input', () => {
    const titrated = parseScenario({
      ...historyInput,
      titration: {
        drug: 'sermorelin',
        target_igf1_sds: [0, 1],
        every_days: 28,
        step: { amount: 100, unit: 'mcg' },
        max: { amount: 500, unit: 'mcg' },
      },
    });
    const issues = issuesOf(() =>
      fitTwin({
        scenario: titrated,
        labs: [
          { day: 60, lab: 'igf1', value: 100 },
          { day: 28, lab: 'igf1', value: Number.NaN },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['labs[0].day', 'labs[1].value', 'scenario.titration']);
    expect(issues[0].message).toMatch(/from 0 to the scenario's duration_days \(56\), got 60/);
  });

  it('refuses a future that is not the fitted patient', () => {
    const fit = fitTwin({
      scenario: parseScenario({ ...historyInput, duration_days: 7 }),
      labs: [{ day: 0, lab: 'igf1', value: 100 }],
      maxIterations: 1,
    });
    const other = parseScenario({ ...historyInput, seed: 12, patient: { ...patient, age_years: 63 } });
    expect(issuesOf(() => predictTwin(fit, other, { draws: 1 })).map((i) => i.path)).toEqual([
      'future.patient.age_years',
      'future.seed',
    ]);
  });
});
