// SPDX-License-Identifier: MIT
// A scenario on an imported model: examples/sbml/gh-minimal.xml (a minimal GHRH–GH–IGF-1 model) on the
// sermorelin regimen of examples/sbml/sermorelin-gh-minimal.yaml, and the scenario fields it cannot honour.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { ScenarioError } from '../../../scenario/index.js';
import { importSbml, readSbmlScenario, runSbmlScenario } from './index.js';

const root = new URL('../../../../', import.meta.url).pathname;
const model = importSbml(readFileSync(join(root, 'examples/sbml/gh-minimal.xml'), 'utf8'));
const document = parseYaml(
  readFileSync(join(root, 'examples/sbml/sermorelin-gh-minimal.yaml'), 'utf8'),
) as Record<string, unknown>;

function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).issues.map((i) => `${i.path}: ${i.message}`);
  }
  throw new Error('expected a ScenarioError');
}

describe('a scenario on an imported SBML model', () => {
  const result = runSbmlScenario(model, readSbmlScenario(document));

  it('injects each regimen dose into the named species at its time, 5 days on and 2 off, at bedtime', () => {
    // 14 days from Monday: days 0–4 and 7–11 at 22:30, 300 mcg into ghrh_depot.
    expect(result.doses.map((d) => d.t_min)).toEqual(
      [0, 1, 2, 3, 4, 7, 8, 9, 10, 11].map((day) => day * 1440 + 22 * 60 + 30),
    );
    expect(new Set(result.doses.map((d) => `${d.drug} ${d.amount_mcg} ${d.species}`))).toEqual(
      new Set(['sermorelin 300 ghrh_depot']),
    );
  });

  it('reports the named series every 10 min over the window, with a GH rise after each dose', () => {
    expect(result.t_min).toHaveLength(14 * 144);
    expect(result.t_min[1] - result.t_min[0]).toBe(10);
    const gh = result.series.gh_ug_l;
    const at = (t: number): number => gh[Math.round(t / 10)];
    const dose = result.doses[0].t_min;
    expect(at(dose)).toBeCloseTo(at(dose - 10), 3); // nothing given yet
    expect(Math.max(...gh.slice(dose / 10, dose / 10 + 18))).toBeGreaterThan(2 * at(dose));
    // Plasma GHRH is zero until the first dose reaches plasma.
    expect(result.series.ghrh[0]).toBe(0);
    expect(Math.max(...result.series.ghrh)).toBeGreaterThan(0);
  });

  it('follows the parameter overrides of the sbml block', () => {
    const slower = runSbmlScenario(
      model,
      readSbmlScenario({
        ...document,
        sbml: { ...(document.sbml as object), parameters: { kel_gh: 0.0175 } },
      }),
    );
    // Half the GH clearance: roughly twice the GH after the first dose's peak.
    const i = result.series.gh_ug_l.indexOf(Math.max(...result.series.gh_ug_l.slice(0, 200)));
    expect(slower.series.gh_ug_l[i]).toBeGreaterThan(1.5 * result.series.gh_ug_l[i]);
  });

  it('refuses titration, endotwin parameters and ids the model lacks, naming the fields', () => {
    const sbml = document.sbml as Record<string, unknown>;
    const titrated = {
      ...document,
      titration: {
        drug: 'sermorelin',
        target_igf1_sds: [0, 1],
        every_days: 7,
        step: { amount: 100, unit: 'mcg' },
        max: { amount: 600, unit: 'mcg' },
      },
    };
    expect(issuesOf(() => runSbmlScenario(model, readSbmlScenario(titrated)))[0]).toMatch(
      /^titration: a titrated scenario cannot run on an imported model/,
    );
    const bad = {
      ...document,
      parameters: { srif_k: 0.05 },
      sbml: {
        ...sbml,
        doses: { sermorelin: { species: 'gh_ug_l' } },
        parameters: { nope: 1 },
        series: ['gh_ug_l', 'igf2'],
      },
    };
    expect(issuesOf(() => runSbmlScenario(model, readSbmlScenario(bad)))).toEqual([
      expect.stringMatching(/^parameters: endotwin’s parameters do not apply/),
      expect.stringMatching(/^sbml\.parameters\.nope: not a parameter or compartment of model gh_minimal/),
      expect.stringMatching(/^sbml\.doses\.sermorelin\.species: 'gh_ug_l' is not a species/),
      expect.stringMatching(/^sbml\.series\[1\]: 'igf2' is not a symbol of model gh_minimal/),
    ]);
    const unmapped = { ...document, sbml: { ...sbml, doses: {} } };
    expect(issuesOf(() => runSbmlScenario(model, readSbmlScenario(unmapped)))).toEqual([
      'regimen[0].drug: sermorelin has no species to go into: add sbml.doses.sermorelin',
    ]);
    expect(issuesOf(() => readSbmlScenario({ ...document, sbml: { ...sbml, series: [] } }))[0]).toMatch(
      /^sbml\.series:/,
    );
  });
});
