// SPDX-License-Identifier: MIT
/**
 * Properties of the GH-secretagogue mechanism (somatotroph.ts, hypothalamus.ts): a GHS-receptor agonist acts
 * mostly through endogenous GHRH (Popovic 1995; Pandya 1998), so its GH response falls when endogenous GHRH is
 * removed, and GHRH plus a GHRP release more GH than the sum of the two given alone (Peñalva 1993; Popovic 1995).
 */
import { describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/parse-scenario.js';
import type { Result } from '../scenario/result.js';
import { simulate } from '../simulate/index.js';

const youngMan = { age_years: 28, sex: 'male', weight_kg: 75, height_cm: 178 };

/** Endogenous GHRH set a billion times below its values (parameters must stay positive). */
const NO_ENDOGENOUS_GHRH = {
  ghrh_pulse_amplitude: 1e-9,
  sleep_onset_pulse_amplitude: 1e-9,
  ghrh_tonic: 1e-12,
  ghrh_exercise_gain: 1e-12,
};

type Line = Record<string, unknown>;

const ivBolus = (drug: string, mcgPerKg: number): Line => ({
  drug,
  dose: { amount: mcgPerKg, unit: 'mcg_per_kg' },
  route: 'iv',
  at: '09:00',
  start_day: 1,
  end_day: 2,
});

/** GH over the 2 h after a 09:00 IV bolus on day 1 (fasting morning), 2-minute samples. */
function ghAfterBolus(regimen: Line[], parameters: Record<string, number> = {}): Result {
  return simulate(
    parseScenario({
      seed: 11,
      duration_days: 2,
      patient: youngMan,
      lifestyle: { meals: [{ time: '12:30', carbs_g: 80, fat_g: 25, protein_g: 30 }] },
      regimen,
      parameters,
      output: { sample_every_min: 2, series: ['gh_ug_l'], window_days: [1, 2] },
    }),
  );
}

/** Area (µg·min/L) of GH above its pre-dose value over 09:00–11:00 of day 1. */
function areaAboveBaseline(r: Result): number {
  const from = 1440 + 540;
  const to = from + 120;
  let base = 0;
  let area = 0;
  r.series.t_min.forEach((t, i) => {
    if (t <= from) base = r.series.gh_ug_l[i];
    else if (t < to) area += Math.max(0, r.series.gh_ug_l[i] - base) * 2;
  });
  return area;
}

describe('GH secretagogues at the receptor', () => {
  it('the GH response to a GHS-receptor agonist needs endogenous GHRH', () => {
    const intact = areaAboveBaseline(ghAfterBolus([ivBolus('ghrp6', 1)]));
    const blocked = areaAboveBaseline(ghAfterBolus([ivBolus('ghrp6', 1)], NO_ENDOGENOUS_GHRH));
    // Pandya 1998: a GHRH antagonist removed most of the response (AUC 1701 → 376 µg·min/L).
    expect(blocked).toBeLessThan(0.5 * intact);
  });

  it('GHRH and a GHRP together release more GH than the sum of the two alone', () => {
    const ghrh = areaAboveBaseline(ghAfterBolus([ivBolus('sermorelin', 1)]));
    const ghrp = areaAboveBaseline(ghAfterBolus([ivBolus('ghrp6', 1)]));
    const both = areaAboveBaseline(ghAfterBolus([ivBolus('sermorelin', 1), ivBolus('ghrp6', 1)]));
    expect(ghrh).toBeGreaterThan(0);
    expect(ghrp).toBeGreaterThan(0);
    // Humans: 2–2.5 times the sum (Peñalva 1993: 4412 vs 973 + 821; Popovic 1995: 3772 vs 1435 + 484). The model
    // gives ≈ 1.09 times with the calibrated sermorelin potency (1.15 before it), because each peptide alone
    // already releases too much GH (validation cases popovic-1995-ghrh-100ug-auc, penalva-1993-ghrh-ghrp6-auc):
    // the property holds, its size does not yet.
    expect(both).toBeGreaterThan(ghrh + ghrp);
  });

  it('exogenous GHRH still works without endogenous GHRH (it acts at the pituitary)', () => {
    const intact = areaAboveBaseline(ghAfterBolus([ivBolus('sermorelin', 1)]));
    const blocked = areaAboveBaseline(ghAfterBolus([ivBolus('sermorelin', 1)], NO_ENDOGENOUS_GHRH));
    expect(blocked).toBeGreaterThan(0.5 * intact);
  });
});
