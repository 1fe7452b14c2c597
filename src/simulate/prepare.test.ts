// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { expandLifestyle, expandRegimen } from '../protocol/index.js';
import { ScenarioError } from '../scenario/index.js';
import { parseScenario } from '../protocol/index.js';
import { prepareScenario } from './prepare.js';
import { BURN_IN_DAYS } from './settings.js';
import { simulate } from './index.js';

const document = {
  seed: 5,
  duration_days: 3,
  patient: { age_years: 50, sex: 'male', weight_kg: 85, height_cm: 178 },
  regimen: ['sermorelin 300 mcg sc at bedtime daily'],
  output: { sample_every_min: 60, series: ['gh_ug_l'], window_days: [0, 1] },
};

describe('prepareScenario', () => {
  it('gives the same scenario from a document, from its text and from the parsed scenario', () => {
    const fromDocument = prepareScenario({ document });
    expect(prepareScenario({ text: JSON.stringify(document) })).toEqual(fromDocument);
    expect(prepareScenario({ scenario: parseScenario(document) })).toEqual(fromDocument);
  });

  it('holds the expanded regimen and the lifestyle over the whole run, burn-in included', () => {
    const prepared = prepareScenario({ document });
    expect(prepared.doses).toEqual(expandRegimen(prepared.scenario));
    expect(prepared.doses).toHaveLength(3);
    expect(prepared.lifestyle).toEqual(
      expandLifestyle(prepared.scenario, { fromDay: -BURN_IN_DAYS, toDay: 5 }),
    );
    expect(prepared.series).toEqual(['gh_ug_l']);
    expect(prepared.screening.status).toBe('ok');
  });

  it('rejects an unknown series with its path and the allowed names', () => {
    const bad = { ...document, output: { ...document.output, series: ['gh_ug_l', 'glucose'] } };
    expect(() => prepareScenario({ document: bad })).toThrow(ScenarioError);
    try {
      prepareScenario({ document: bad });
    } catch (error) {
      expect((error as ScenarioError).issues[0]).toMatchObject({ path: 'output.series[1]' });
    }
  });

  it('rejects a regimen that cannot be expanded for this patient (a dose time equal to the bedtime)', () => {
    const bad = {
      ...document,
      regimen: [
        { drug: 'sermorelin', dose: { amount: 300, unit: 'mcg' }, route: 'sc', at: ['bedtime', '23:00'] },
      ],
    };
    expect(() => prepareScenario({ document: bad })).toThrow(/names the same time twice/);
  });

  it('feeds simulate: a prepared scenario and the bare scenario give the same result', () => {
    const prepared = prepareScenario({ document });
    expect(JSON.stringify(simulate(prepared))).toBe(JSON.stringify(simulate(prepared.scenario)));
  });
});
