// SPDX-License-Identifier: MIT
/** Trial documents: defaults, and errors that name the field path, the value and what is allowed. */
import { describe, expect, it } from 'vitest';
import { ENDPOINT_NAMES } from '../scenario/result.js';
import { ScenarioError } from '../scenario/parse.js';
import { parseTrial, parseTrialText } from './parse.js';

const minimal = {
  duration_days: 28,
  population: { n: 10, age_years: { min: 55, max: 71 } },
  arms: [{ name: 'placebo', regimen: [] }],
};

function issuesOf(doc: unknown): string[] {
  try {
    parseTrial(doc);
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues.map((i) => `${i.path}: ${i.message}`);
    throw error;
  }
  return [];
}

describe('parseTrial', () => {
  it('fills in the defaults of SCENARIO.md’s trial', () => {
    const t = parseTrial(minimal);
    expect(t).toMatchObject({
      schema: 'endotwin/trial/v1',
      seed: 1,
      design: 'paired',
      population: { sex: { female: 0.5 }, variability: 'typical', igf1: { sds: { mean: 0, sd: 1 } } },
      output: { patients: false },
    });
    expect(t.endpoints).toEqual([...ENDPOINT_NAMES]);
  });

  it('reads the example of SCENARIO.md', () => {
    const t = parseTrialText(`
schema: endotwin/trial/v1
name: GHRH analog in older adults
seed: 7
duration_days: 112
population:
  n: 1000
  age_years: { min: 55, max: 71 }
  sex: { female: 0.5 }
  bmi: { mean: 26.5, sd: 3.5 }
arms:
  - { name: placebo, regimen: [] }
  - { name: sermorelin, regimen: [ { drug: sermorelin, dose: { amount: 500, unit: mcg }, route: sc, at: bedtime, days: { every: 1 } } ] }
endpoints: [igf1_change_pct, lean_mass_change_kg, homa_ir_change_pct]
`);
    expect(t.arms[1].regimen[0]).toMatchObject({ drug: 'sermorelin', over_min: 0, start_day: 0 });
    expect(t.population.bmi).toEqual({ mean: 26.5, sd: 3.5, min: 17, max: 45 });
  });

  it('names the arm’s regimen path of a bad route', () => {
    const doc = {
      ...minimal,
      arms: [
        ...minimal.arms,
        {
          name: 'x',
          regimen: [{ drug: 'mk677', dose: { amount: 25, unit: 'mg' }, route: 'sc', at: '08:00' }],
        },
      ],
    };
    expect(issuesOf(doc).join('\n')).toMatch(/arms\[1\]\.regimen\[0\]\.route: mk677 has no route 'sc'/);
  });

  it('rejects IGF-1 criteria when IGF-1 is left to the model, duplicate arm names and unknown published arms', () => {
    const doc = {
      ...minimal,
      population: { ...minimal.population, igf1: 'model' },
      inclusion: { igf1_ng_ml: { max: 100 } },
      arms: [minimal.arms[0], minimal.arms[0]],
      endpoints: ['igf1_change_pct'],
      published: {
        design: 'x',
        figures: [{ arm: 'nope', endpoint: 'igf1_change_pct', text: '+20 %', provenance: 'found' }],
      },
    };
    const text = issuesOf(doc).join('\n');
    expect(text).toMatch(/inclusion\.igf1_ng_ml: IGF-1 criteria need a sampled baseline IGF-1/);
    expect(text).toMatch(/arms\[1\]\.name: arm names must be unique, got 'placebo' twice/);
    expect(text).toMatch(/published\.figures\[0\]\.arm: no arm named 'nope'/);
  });

  it('quotes the bad value of a schema error', () => {
    expect(
      issuesOf({ ...minimal, population: { n: 0, age_years: { min: 55, max: 71 } } }).join('\n'),
    ).toMatch(/population\.n: .*\(got 0\)/);
    expect(issuesOf({ ...minimal, inclusion: { bmi: { min: 30, max: 20 } } }).join('\n')).toMatch(
      /inclusion\.bmi: min must not be above max/,
    );
  });
});
