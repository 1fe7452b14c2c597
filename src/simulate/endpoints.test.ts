// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { expandRegimen } from '../protocol/regimen.js';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { DailyRow } from '../scenario/result.js';
import { endpointsOf, endpointWindows } from './endpoints.js';
import { simulate } from './index.js';

const patient = { age_years: 62, sex: 'male', weight_kg: 88, height_cm: 178 };
const line = (days: Record<string, number>, extra: Record<string, unknown> = {}) => ({
  drug: 'sermorelin',
  dose: { amount: 300, unit: 'mcg' },
  route: 'sc',
  at: 'bedtime',
  days,
  ...extra,
});

function windowsOf(doc: Record<string, unknown>) {
  const scenario = parseScenario({ patient, ...doc });
  return endpointWindows(scenario, expandRegimen(scenario), scenario.duration_days);
}

describe('endpointWindows', () => {
  it('5-on/2-off for 26 weeks: the week before day 0 against the last whole cycle up to the last dose', () => {
    // Day 0 is a Monday-like cycle start: doses on days 0–4, 7–11, …; the last dose is on day 179.
    expect(windowsOf({ duration_days: 182, regimen: [line({ on: 5, off: 2 })] })).toEqual({
      baseline_days: [-7, 0],
      end_days: [173, 180],
    });
  });

  it('a later first dose has its baseline inside the run; an every-3-days line ends on 3 whole cycles', () => {
    expect(windowsOf({ duration_days: 60, regimen: [line({ every: 3 }, { start_day: 10 })] })).toEqual({
      baseline_days: [3, 10],
      // Doses on days 10, 13, …, 58: the last cycle-aligned 9 days up to day 58.
      end_days: [50, 59],
    });
  });

  it('never starts the end window before the first dose; an untreated run compares its last week', () => {
    expect(
      windowsOf({ duration_days: 9, regimen: [line({ every: 1 }, { start_day: 1, end_day: 2 })] }),
    ).toEqual({
      baseline_days: [-6, 1],
      end_days: [1, 2],
    });
    expect(windowsOf({ duration_days: 30 })).toEqual({ baseline_days: [-7, 0], end_days: [23, 30] });
  });
});

describe('endpointsOf', () => {
  const row = (day: number, igf1: number, lean: number, testosterone: number | null): DailyRow =>
    ({
      day,
      igf1_ng_ml: igf1,
      gh_mean_ug_l: 1,
      lean_mass_kg: lean,
      fat_mass_kg: 20,
      visceral_fat_cm2: 100,
      homa_ir: 1,
      glucose_fasting_mg_dl: 90,
      testosterone_mean_ng_dl: testosterone,
    }) as DailyRow;

  it('averages concentrations over each window, reads body composition on its last day, null when missing', () => {
    const rows = [
      row(-2, 100, 50, null),
      row(-1, 120, 51, null),
      row(0, 150, 52, null),
      row(1, 170, 53, null),
    ];
    const endpoints = endpointsOf(rows, { baseline_days: [-2, 0], end_days: [0, 2] });
    expect(endpoints.igf1_change_pct).toBeCloseTo((160 / 110 - 1) * 100, 3);
    expect(endpoints.lean_mass_change_kg).toBe(2);
    expect(endpoints.gh_mean_change_pct).toBe(0);
    expect(endpoints.testosterone_change_pct).toBeNull();
  });
});

describe('simulate: endpoints against the pre-treatment baseline', () => {
  it('a first dose on day 7 takes its baseline from the run’s untreated days 0–6', () => {
    const result = simulate(
      parseScenario({ duration_days: 14, seed: 5, patient, regimen: [line({ every: 1 }, { start_day: 7 })] }),
    );
    expect(result.endpoint_windows).toEqual({ baseline_days: [0, 7], end_days: [7, 14] });
    const mean = (from: number, to: number) =>
      result.daily.slice(from, to).reduce((sum, d) => sum + (d.igf1_ng_ml ?? 0), 0) / (to - from);
    expect(result.endpoints.igf1_change_pct).toBeCloseTo((mean(7, 14) / mean(0, 7) - 1) * 100, 2);
  });

  it('a first dose on day 0 is compared with a simulated untreated week before day 0, not with day 0', () => {
    const doc = { duration_days: 14, seed: 5, patient, regimen: [line({ on: 5, off: 2 })] };
    const result = simulate(parseScenario(doc));
    expect(result.endpoint_windows).toEqual({ baseline_days: [-7, 0], end_days: [5, 12] });
    // Nightly sermorelin raises mean GH over the treated weeks; an off day last must not turn that into a fall.
    expect(result.endpoints.gh_mean_change_pct).toBeGreaterThan(0);
    // The untreated patient's own endpoints stay near zero: the simulated baseline week is the same steady state.
    const untreated = simulate(parseScenario({ ...doc, regimen: [] }));
    expect(Math.abs(untreated.endpoints.igf1_change_pct ?? Infinity)).toBeLessThan(10);
    expect(Math.abs(untreated.endpoints.lean_mass_change_kg ?? Infinity)).toBeLessThan(0.2);
  });
});
