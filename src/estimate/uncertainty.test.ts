// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { CALIBRATION_FILE } from '../physiology/calibrated-values.js';
import { RANDOM_EFFECTS } from '../physiology/patient.js';
import { parseScenario } from '../protocol/parse-scenario.js';
import { createRunPool } from './pool.js';
import { drawParameterSets, uncertaintyBands } from './uncertainty.js';

const input = {
  seed: 9,
  duration_days: 3,
  patient: { age_years: 50, sex: 'male', weight_kg: 84, height_cm: 178, variability: 'typical' },
  output: { series: [] },
} as const;

describe('uncertainty bands', () => {
  it('draws the random effects around the typical patient, leaving lab-calibrated parameters alone', () => {
    const withLab = parseScenario({ ...input, patient: { ...input.patient, labs: { igf1_ng_ml: 150 } } });
    const sets = drawParameterSets(withLab, 400);
    expect(Object.keys(sets[0]).sort()).toEqual(
      RANDOM_EFFECTS.map((e) => e.parameter)
        .filter((name) => name !== 'igf1_prod_scale')
        .sort(),
    );
    // The log-normal factor has mean 1 and CV 0.4 on the GHRH amplitude: the sample CV within ±0.1 of it.
    const amplitudes = sets.map((s) => s.ghrh_pulse_amplitude);
    const mean = amplitudes.reduce((a, b) => a + b, 0) / amplitudes.length;
    const sd = Math.sqrt(amplitudes.reduce((a, x) => a + (x - mean) ** 2, 0) / (amplitudes.length - 1));
    expect(Math.abs(sd / mean - 0.4)).toBeLessThan(0.1);
  });

  it('draws the calibrated parameters from the calibration posterior for a patient without variability', () => {
    const { names, mean_log: mean, covariance_log: cov } = CALIBRATION_FILE.posterior;
    const k = names.indexOf('sermorelin_ec50_ng_ml');
    expect(k).toBeGreaterThanOrEqual(0);
    const scenario = parseScenario({
      ...input,
      patient: { ...input.patient, variability: 'none' },
      regimen: [{ drug: 'sermorelin', dose: { amount: 200, unit: 'mcg' }, route: 'sc', at: '22:00' }],
    });
    const sets = drawParameterSets(scenario, 2000);
    expect(Object.keys(sets[0])).toEqual(['sermorelin_ec50_ng_ml']); // no GHRP-6 here, no random effects
    const logs = sets.map((s) => Math.log(s.sermorelin_ec50_ng_ml));
    const m = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sd = Math.sqrt(logs.reduce((a, x) => a + (x - m) ** 2, 0) / (logs.length - 1));
    const expectedSd = Math.sqrt(cov[k][k]);
    expect(Math.abs(m - mean[k])).toBeLessThan((4 * expectedSd) / Math.sqrt(logs.length));
    expect(Math.abs(sd / expectedSd - 1)).toBeLessThan(0.1);
  });

  it('gives ordered 5/50/95 % bands by day and for the endpoints, and refuses a patient without variability', async () => {
    const scenario = parseScenario(input);
    const pool = createRunPool(0);
    const { bands, endpoint_bands } = await uncertaintyBands(scenario, 6, pool);
    const igf1 = bands.igf1_ng_ml;
    expect(igf1.p50).toHaveLength(3);
    for (let d = 0; d < 3; d++) {
      expect(igf1.p05[d]).toBeLessThanOrEqual(igf1.p50[d] ?? NaN);
      expect(igf1.p50[d]).toBeLessThanOrEqual(igf1.p95[d] ?? NaN);
    }
    expect((igf1.p95[2] ?? 0) - (igf1.p05[2] ?? 0)).toBeGreaterThan(1);
    expect(endpoint_bands.igf1_change_pct.p50).not.toBeNull();
    expect(bands.estradiol_mean_pg_ml.p50[0]).not.toBeNull();
    const none = parseScenario({ ...input, patient: { ...input.patient, variability: 'none' } });
    expect(() => drawParameterSets(none, 2)).toThrow(/variability: typical/);
  });
});
