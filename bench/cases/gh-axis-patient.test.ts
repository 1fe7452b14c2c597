// SPDX-License-Identifier: MIT
/**
 * The GH-axis bench case must be the problem simulate() solves, not a look-alike: run as the bench runs it, it
 * reproduces simulate()'s daily IGF-1 draws, carries every dose of the regimen, and starts from the burn-in state.
 * Not a timing test.
 */
import { describe, expect, it } from 'vitest';

import { simulate } from '../../src/index.js';
import { expandRegimen } from '../../src/protocol/regimen.js';
import { prepareProblem, runOurs, sinkFor } from '../lib/ours.js';
import { ghAxisPatientCase, patientScenario } from './gh-axis-patient.js';

const MIN_PER_DAY = 1440;

describe('gh-axis-patient-182d bench case', () => {
  const problem = prepareProblem(ghAxisPatientCase);

  it('is the reference patient: 182 days of sermorelin 300 ug at bedtime, 5 on / 2 off, one bolus per dose', () => {
    const scenario = patientScenario();
    expect(scenario.duration_days).toBe(182);
    expect(scenario.patient).toMatchObject({ age_years: 62, sex: 'male' });
    const doses = expandRegimen(scenario);
    // 26 weeks of 5 dosing days.
    expect(doses).toHaveLength(26 * 5);
    const depot = problem.model.stateIndex('sermorelin_depot_sc');
    const boluses = problem.events.filter((e) => e.target === 'state' && e.index === depot);
    expect(boluses.map((e) => e.t)).toEqual(doses.map((d) => d.t_min));
  });

  it('has stochastic GHRH pulses all through the run, in time order', () => {
    const ghrh = problem.model.stateIndex('ghrh');
    const pulses = problem.events.filter((e) => e.target === 'state' && e.index === ghrh);
    // Several pulses a day (the untreated adult has about 14 bursts a day).
    expect(pulses.length / 182).toBeGreaterThan(5);
    const gaps = pulses.slice(1).map((e, i) => e.t - pulses[i].t);
    expect(new Set(gaps.map((g) => g.toFixed(3))).size).toBeGreaterThan(pulses.length / 2);
    problem.events.forEach((e, i) => {
      if (i > 0) expect(e.t).toBeGreaterThanOrEqual(problem.events[i - 1].t);
    });
  });

  it("reproduces simulate()'s daily 08:00 IGF-1 to 1e-4 relative (same model, state, parameters and events)", () => {
    const sink = sinkFor(problem);
    runOurs(problem, ghAxisPatientCase.ours.solver, ghAxisPatientCase.ours, sink);
    const series = sink.series();
    const column = problem.model.outputIndex('igf1_ng_ml');
    const result = simulate(patientScenario());
    const drawMin = 8 * 60;
    for (const row of result.daily.filter((r) => r.day < 182)) {
      const sample = (row.day * MIN_PER_DAY + drawMin) / ghAxisPatientCase.sampleIntervalMin;
      expect(series.times[sample]).toBe(row.day * MIN_PER_DAY + drawMin);
      const ours = series.values[sample * series.nOutputs + column];
      // simulate() rounds to 6 digits and restarts its solver at the end of the series window (day 2).
      expect(Math.abs(ours / row.igf1_ng_ml! - 1), `day ${row.day}`).toBeLessThan(1e-4);
    }
  });
});
