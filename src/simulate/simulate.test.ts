// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../scenario/parse.js';
import { parseScenario } from '../protocol/parse-scenario.js';
import { DAILY_FIELDS, type Result } from '../scenario/result.js';
import { seriesNames, simulate } from './index.js';

const patient = { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 180 };
const sermorelin = { drug: 'sermorelin', dose: { amount: 300, unit: 'mcg' }, route: 'sc', at: 'bedtime' };

function sim(doc: Record<string, unknown>, onProgress?: (f: number) => void): Result {
  return simulate(parseScenario({ duration_days: 5, patient, ...doc }), onProgress ? { onProgress } : {});
}

/** Every number in a JSON value. */
function numbersIn(value: unknown): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(numbersIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(numbersIn);
  return [];
}

describe('simulate: the result contract', () => {
  const result = sim({ seed: 3, regimen: [sermorelin], duration_days: 6 });

  it('is deterministic: same scenario and seed give the same JSON bytes; another seed differs', () => {
    const again = sim({ seed: 3, regimen: [sermorelin], duration_days: 6 });
    expect(JSON.stringify(again)).toBe(JSON.stringify(result));
    expect(JSON.stringify(sim({ seed: 4, regimen: [sermorelin], duration_days: 6 }).daily)).not.toBe(
      JSON.stringify(result.daily),
    );
  });

  it('has only finite numbers', () => {
    expect(numbersIn(result).every(Number.isFinite)).toBe(true);
  });

  it('reports the engine and one daily row per day with every contract field, each a finite number for a man', () => {
    expect(result.schema).toBe('endotwin/result/v1');
    expect(result.engine).toEqual({
      version: '0.1.0',
      model: 'endotwin-physiology/1',
      solver: 'dopri5',
      seed: 3,
    });
    expect(result.daily).toHaveLength(6);
    for (const row of result.daily) {
      const keys = Object.keys(row);
      expect(DAILY_FIELDS.filter((f) => !keys.includes(f))).toEqual([]);
      for (const field of DAILY_FIELDS) expect(Number.isFinite(row[field])).toBe(true);
      expect(row.gh_trough_ug_l).toBeLessThan(row.gh_mean_ug_l ?? 0);
      // Skin is an optional effect, off here.
      expect(row.skin_thickness_index).toBeNull();
    }
    for (const value of Object.values(result.endpoints)) expect(Number.isFinite(value)).toBe(true);
    expect(result.optional_effects).toEqual([]);
  });

  it('reports testosterone as null for a woman, and LH, FSH and estradiol as numbers', () => {
    const woman = { age_years: 35, sex: 'female', weight_kg: 64, height_cm: 166 };
    const r = simulate(parseScenario({ duration_days: 2, patient: woman, seed: 1 }));
    for (const row of r.daily) {
      expect(row.testosterone_mean_ng_dl).toBeNull();
      expect(row.free_testosterone_pg_ml).toBeNull();
      expect(row.lh_mean_iu_l).toBeGreaterThan(0);
      expect(row.fsh_mean_iu_l).toBeGreaterThan(0);
      expect(row.estradiol_mean_pg_ml).toBeGreaterThan(20);
    }
    expect(r.endpoints.testosterone_change_pct).toBeNull();
  });

  it('lists every dose as an event', () => {
    const doses = result.events.filter((e) => e.kind === 'dose');
    expect(doses).toHaveLength(6);
    expect(doses[0]).toEqual({
      t_min: 23 * 60,
      kind: 'dose',
      drug: 'sermorelin',
      amount_mcg: 300,
      route: 'sc',
    });
  });

  it('draws the requested labs at day 0 and at the last monitoring day (after the last full day)', () => {
    expect(result.labs.map((l) => l.day)).toEqual([0, 6]);
    expect(Object.keys(result.labs[0]).sort()).toEqual(
      ['day', 'time', 'igf1_ng_ml', 'igf1_sds', 'glucose_fasting_mg_dl', 'insulin_fasting_uU_ml'].sort(),
    );
    expect(result.labs[0].igf1_ng_ml).toBe(result.daily[0].igf1_ng_ml);
  });

  it('samples the requested series every sample_every_min within the window', () => {
    const r = sim({
      output: { sample_every_min: 15, series: ['gh_ug_l', 'sermorelin_ng_ml'], window_days: [1, 3] },
    });
    expect(r.series.t_min[0]).toBe(1440);
    expect(r.series.t_min[r.series.t_min.length - 1]).toBe(3 * 1440 - 15);
    expect(r.series.t_min).toHaveLength((2 * 1440) / 15);
    expect(r.series.gh_ug_l).toHaveLength(r.series.t_min.length);
    // A drug that is not in the regimen has a zero concentration.
    expect(r.series.sermorelin_ng_ml.every((v) => v === 0)).toBe(true);
  });
});

describe('simulate: options and edge cases', () => {
  it('rejects an unknown series with the field path and the allowed names', () => {
    try {
      sim({ output: { series: ['gh_ug_l', 'glucose'] } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ScenarioError);
      const issue = (error as ScenarioError).issues[0];
      expect(issue.path).toBe('output.series[1]');
      expect(issue.message).toContain('gh_ug_l');
    }
    expect(seriesNames()).toContain('igf1_ng_ml');
  });

  it('calibrates the patient to a baseline IGF-1 (labs.igf1_ng_ml): the untreated mean within 7 %', () => {
    for (const target of [90, 180]) {
      const r = sim({ patient: { ...patient, labs: { igf1_ng_ml: target } }, duration_days: 4 });
      const mean = r.daily.reduce((a, d) => a + (d.igf1_ng_ml ?? 0), 0) / r.daily.length;
      expect(Math.abs(mean / target - 1)).toBeLessThan(0.07);
      expect(Math.abs((r.daily[0].igf1_ng_ml ?? 0) / target - 1)).toBeLessThan(0.12);
    }
  });

  it('deterministic pulses do not depend on the seed', () => {
    const a = sim({ seed: 1, model: { pulse_generator: 'deterministic' } });
    const b = sim({ seed: 2, model: { pulse_generator: 'deterministic' } });
    expect(b.daily).toEqual(a.daily);
  });

  it('typical variability changes the patient with the seed', () => {
    const a = sim({
      seed: 1,
      patient: { ...patient, variability: 'typical' },
      model: { pulse_generator: 'deterministic' },
    });
    const b = sim({
      seed: 2,
      patient: { ...patient, variability: 'typical' },
      model: { pulse_generator: 'deterministic' },
    });
    expect(b.daily[0].igf1_ng_ml).not.toBe(a.daily[0].igf1_ng_ml);
  });

  it('reports progress in increasing fractions ending at 1', () => {
    const seen: number[] = [];
    sim({}, (f) => seen.push(f));
    expect(seen.length).toBeGreaterThan(10);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('titrates the dose towards the target IGF-1 SDS and logs each change', () => {
    const r = sim({
      duration_days: 30,
      regimen: [sermorelin],
      titration: {
        drug: 'sermorelin',
        target_igf1_sds: [3, 4],
        every_days: 7,
        step: { amount: 100, unit: 'mcg' },
        max: { amount: 500, unit: 'mcg' },
      },
    });
    const changes = r.events.filter((e) => e.kind === 'titration');
    expect(changes.map((e) => (e.kind === 'titration' ? [e.from_mcg, e.to_mcg] : []))).toEqual([
      [300, 400],
      [400, 500],
    ]);
    expect(changes[0].t_min).toBe(7 * 1440 + 480);
    const doses = r.events.filter((e) => e.kind === 'dose');
    expect(doses.at(-1)).toMatchObject({ amount_mcg: 500 });
  });

  it('alerts when IGF-1 rises above the age/sex range', () => {
    const r = sim({
      duration_days: 14,
      regimen: [{ drug: 'rhgh', dose: { amount: 3, unit: 'mg' }, route: 'sc', at: '21:00' }],
    });
    const alerts = r.events.filter((e) => e.kind === 'alert');
    expect(alerts.length).toBeGreaterThanOrEqual(1);
    expect(alerts[0]).toMatchObject({ kind: 'alert', code: 'IGF1_ABOVE_RANGE' });
  });

  it('alerts on impaired fasting glucose under high-dose GH once (hysteresis), and on HOMA-IR as its draws say', () => {
    const r = sim({
      duration_days: 14,
      patient: { ...patient, weight_kg: 95, visceral_fat_cm2: 170 },
      regimen: [{ drug: 'rhgh', dose: { amount: 3, unit: 'mg' }, route: 'sc', at: '21:00' }],
    });
    const codes = r.events.filter((e) => e.kind === 'alert').map((e) => (e.kind === 'alert' ? e.code : ''));
    expect(codes.filter((c) => c === 'GLUCOSE_FASTING_IMPAIRED')).toHaveLength(1);
    // HOMA-IR rises by about 1.8× here, short of the doubling alert (alerts.test.ts covers its hysteresis): the
    // alert follows the run's own draws.
    const start = r.daily[0].homa_ir ?? Number.NaN;
    const doubled = r.daily.some((d) => (d.homa_ir ?? 0) >= 2 * start);
    expect(r.daily.at(-1)?.homa_ir).toBeGreaterThan(1.5 * start);
    expect(codes.filter((c) => c === 'HOMA_IR_DOUBLED')).toHaveLength(doubled ? 1 : 0);
  });

  it('alerts when morning testosterone is below the male range (primary hypogonadism)', () => {
    const r = sim({ duration_days: 3, patient: { ...patient, conditions: ['hypogonadism'] } });
    const alert = r.events.find((e) => e.kind === 'alert' && e.code === 'TESTOSTERONE_BELOW_RANGE');
    expect(alert).toMatchObject({ t_min: 8 * 60, kind: 'alert' });
    expect(r.daily[0].testosterone_total_ng_dl).toBeLessThan(300);
  });

  it('interpolates a draw time off the sampling grid', () => {
    const r = sim({ monitoring: { labs: ['igf1', 'cortisol'], draw_time: '08:03', at_days: [1] } });
    expect(r.labs).toHaveLength(1);
    expect(r.labs[0].time).toBe('08:03');
    expect(r.labs[0].cortisol_ug_dl).toBeGreaterThan(5);
  });

  it('lets testosterone cypionate act on the model: total testosterone up, LH down; no "not modelled" note', () => {
    const r = sim({
      duration_days: 8,
      regimen: [
        {
          drug: 'testosterone_cypionate',
          dose: { amount: 200, unit: 'mg' },
          route: 'im',
          at: '09:00',
          days: { every: 7 },
        },
      ],
    });
    expect(r.events.filter((e) => e.kind === 'dose')).toHaveLength(2);
    expect(r.screening.findings.some((f) => f.code === 'INFO_DRUG_NOT_MODELLED')).toBe(false);
    // Day 0's 08:00 draw precedes the first injection; day 3 is near the depot's peak (2–5 days, label).
    const [first, peak] = [r.daily[0], r.daily[3]];
    expect(peak.testosterone_total_ng_dl ?? 0).toBeGreaterThan(1.5 * (first.testosterone_total_ng_dl ?? 0));
    expect(peak.lh_mean_iu_l ?? 0).toBeLessThan(0.5 * (first.lh_mean_iu_l ?? 0));
  });

  it('lists the optional effects that were switched on and reports the skin index only with its effect', () => {
    const r = sim({ duration_days: 2, model: { optional_effects: ['skin', 'sermorelin_gonadotropins'] } });
    expect(r.optional_effects).toEqual(['skin', 'sermorelin_gonadotropins']);
    expect(r.daily[0].skin_thickness_index).toBeCloseTo(1, 2);
  });

  it('still simulates a contraindicated scenario, with the screening in the result', () => {
    const r = sim({ patient: { ...patient, conditions: ['active_malignancy'] }, regimen: [sermorelin] });
    expect(r.screening.status).toBe('contraindicated');
    expect(r.daily).toHaveLength(5);
  });
});
