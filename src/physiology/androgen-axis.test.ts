// SPDX-License-Identifier: MIT
/**
 * The androgen axis at supraphysiological doses, through `simulate`: depot-ester kinetics, full gonadotropin
 * suppression and its recovery, aromatisation with dose, and the spermatogenesis index.
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { DailyRow, Result } from '../scenario/result.js';
import { simulate } from '../simulate/index.js';

const man = { age_years: 30, sex: 'male', weight_kg: 75, height_cm: 176 };

function enanthate(mgPerWeek: number, endDay?: number): Record<string, unknown> {
  return {
    drug: 'testosterone_enanthate',
    dose: { amount: mgPerWeek, unit: 'mg' },
    route: 'im',
    at: '09:00',
    days: { every: 7 },
    ...(endDay === undefined ? {} : { end_day: endDay }),
  };
}

function run(doc: Record<string, unknown>): Result {
  return simulate(parseScenario({ seed: 11, patient: man, ...doc }));
}

function mean(rows: readonly DailyRow[], field: keyof DailyRow, from: number, to: number): number {
  const values = rows.slice(from, to + 1).map((r) => r[field] ?? Number.NaN);
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('testosterone enanthate depot', () => {
  it('peaks 1.5–3 days after one injection and then falls with a half-life of days, not hours', () => {
    const r = run({
      duration_days: 15,
      regimen: [{ ...enanthate(250), days: { every: 28 } }],
      output: { series: ['testosterone_ng_dl'], sample_every_min: 60 },
    });
    const t = r.series.t_min;
    const testosterone = r.series.testosterone_ng_dl;
    const dose = 9 * 60;
    let peak = 0;
    let tPeak = 0;
    t.forEach((time, i) => {
      if (time > dose && testosterone[i] > peak) [peak, tPeak] = [testosterone[i], time];
    });
    expect((tPeak - dose) / 1440).toBeGreaterThan(1.5);
    expect((tPeak - dose) / 1440).toBeLessThan(3);
    // Morning draws a week apart on the declining limb: the exogenous part halves in ≈ 4.5 days.
    const baseline = r.daily[0].testosterone_total_ng_dl!;
    const excess = (day: number): number => r.daily[day].testosterone_total_ng_dl! - baseline;
    expect(excess(7) / excess(3)).toBeGreaterThan(0.3);
    expect(excess(7) / excess(3)).toBeLessThan(0.8);
  });

  it('weekly 200 mg keeps the trough supraphysiological, about twice the untreated level', () => {
    const r = run({ duration_days: 57, regimen: [enanthate(200)] });
    // The 08:00 draw of day 56 comes before that day's injection: the trough of the eighth week.
    const ratio = r.daily[56].testosterone_total_ng_dl! / r.daily[0].testosterone_total_ng_dl!;
    expect(ratio).toBeGreaterThan(1.6);
    expect(ratio).toBeLessThan(3.5);
  });
});

describe('gonadotropin suppression and recovery', () => {
  const r = run({ duration_days: 300, regimen: [enanthate(200, 168)] });

  it('LH and FSH fall to about the detection limit of sensitive assays within weeks of 200 mg weekly', () => {
    expect(mean(r.daily, 'lh_mean_iu_l', 28, 160)).toBeLessThan(0.2);
    expect(mean(r.daily, 'fsh_mean_iu_l', 28, 160)).toBeLessThan(0.2);
    expect(mean(r.daily, 'lh_mean_iu_l', 28, 160)).toBeLessThan(0.05 * r.daily[0].lh_mean_iu_l!);
  });

  it('LH comes back after stopping; sperm output falls to severe oligozoospermia and returns within a year', () => {
    expect(mean(r.daily, 'lh_mean_iu_l', 240, 299)).toBeGreaterThan(0.7 * r.daily[0].lh_mean_iu_l!);
    const sperm = (day: number): number => r.daily[day].sperm_concentration_m_ml!;
    expect(sperm(0)).toBeGreaterThan(40);
    expect(Math.min(...r.daily.slice(120, 200).map((row) => row.sperm_concentration_m_ml!))).toBeLessThan(1);
    expect(sperm(299)).toBeGreaterThan(20);
  });
});

describe('aromatisation with dose', () => {
  it('trough estradiol rises with the weekly testosterone dose', () => {
    const troughE2 = (mg: number): number => {
      const r = run({ duration_days: 50, regimen: [enanthate(mg)] });
      return mean(r.daily, 'estradiol_mean_pg_ml', 41, 41);
    };
    const e2 = [troughE2(100), troughE2(200), troughE2(400)];
    expect(e2[1]).toBeGreaterThan(1.2 * e2[0]);
    expect(e2[2]).toBeGreaterThan(1.2 * e2[1]);
  });
});

describe('spermatogenesis index', () => {
  it('hCG alongside testosterone keeps Leydig output up and sperm production with it', () => {
    const hcg = {
      drug: 'hcg',
      dose: { amount: 1500, unit: 'iu' },
      route: 'sc',
      at: '09:00',
      days: { weekdays: ['mon', 'thu'] },
    };
    const alone = run({ duration_days: 120, regimen: [enanthate(200)] });
    const both = run({ duration_days: 120, regimen: [enanthate(200), hcg] });
    expect(both.daily[119].sperm_concentration_m_ml!).toBeGreaterThan(
      5 * alone.daily[119].sperm_concentration_m_ml!,
    );
  });

  it('is null for women', () => {
    const r = simulate(
      parseScenario({
        seed: 1,
        duration_days: 2,
        patient: { age_years: 30, sex: 'female', weight_kg: 60, height_cm: 165 },
      }),
    );
    expect(r.daily[1].sperm_concentration_m_ml).toBeNull();
  });
});
