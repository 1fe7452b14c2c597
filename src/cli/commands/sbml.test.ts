// SPDX-License-Identifier: MIT
// `endotwin sbml simulate` in-process: the suite's CSV on stdout, exit 2 naming the element, exit 5 naming the feature.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../../../test/support/cli-harness.js';

const folder = mkdtempSync(join(tmpdir(), 'endotwin-sbml-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const run = runCliCaptured;

function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const header = '<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2"';
const model = write(
  'decay.xml',
  `${header}><model id="decay">
  <listOfParameters><parameter id="x" value="8" constant="false"/></listOfParameters>
  <listOfRules><rateRule variable="x"><math xmlns="http://www.w3.org/1998/Math/MathML">
    <apply><times/><cn>-1</cn><ci>x</ci></apply></math></rateRule></listOfRules>
</model></sbml>`,
);
const settings = write('settings.txt', 'start: 0\nduration: 2\nsteps: 2\nvariables: x\n');

describe('endotwin sbml simulate', () => {
  it('prints time and the settings variables as CSV', async () => {
    const { code, out, err } = await run('sbml', 'simulate', model, '--settings', settings);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('time,x');
    expect(lines.slice(1).map((l) => l.split(',').map(Number))).toEqual([
      [0, 8],
      [1, expect.closeTo(8 * Math.exp(-1), 7)],
      [2, expect.closeTo(8 * Math.exp(-2), 7)],
    ]);
  });

  it('exits 2 naming the problem for malformed XML, cyclic rules and a missing settings file', async () => {
    const malformed = await run(
      'sbml',
      'simulate',
      write('bad.xml', `${header}><model>`),
      '--settings',
      settings,
    );
    expect(malformed.code).toBe(2);
    expect(malformed.err).toMatch(/malformed XML/);
    const cyclic = write(
      'cyclic.xml',
      `${header}><model id="c"><listOfParameters><parameter id="a" constant="false"/></listOfParameters>
      <listOfRules><assignmentRule variable="a"><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>a</ci></math>
      </assignmentRule></listOfRules></model></sbml>`,
    );
    const cycle = await run('sbml', 'simulate', cyclic, '--settings', settings);
    expect(cycle.code).toBe(2);
    expect(cycle.err).toMatch(/invalid SBML at a: cyclic/);
    const missing = await run('sbml', 'simulate', model, '--settings', join(folder, 'none.txt'));
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/none\.txt: no such file/);
    expect(malformed.err + cycle.err + missing.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('exits 2 naming the element for an unknown element and for inconsistent units', async () => {
    const unknown = await run(
      'sbml',
      'simulate',
      write('widget.xml', `${header}><model id="w"><listOfWidgets/></model></sbml>`),
      '--settings',
      settings,
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(/widget\.xml: invalid SBML at model: unknown element <listOfWidgets>/);
    const units = await run(
      'sbml',
      'simulate',
      write(
        'units.xml',
        `${header}><model id="u" timeUnits="second">
  <listOfParameters><parameter id="x" value="8" units="mole" constant="false"/></listOfParameters>
  <listOfRules><rateRule variable="x"><math xmlns="http://www.w3.org/1998/Math/MathML"><ci>x</ci></math></rateRule></listOfRules>
</model></sbml>`,
      ),
      '--settings',
      settings,
    );
    expect(units.code).toBe(2);
    expect(units.err).toMatch(
      /units\.xml: invalid SBML at rateRule x: inconsistent units: the math is in mole, the unit of x per time is second\^-1·mole/,
    );
    expect(unknown.err + units.err).not.toMatch(/\n\s+at /);
  });

  it('exits 5 naming an unsupported feature', async () => {
    const fbc = write(
      'fbc.xml',
      `${header} xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version2" fbc:required="false"><model id="m"/></sbml>`,
    );
    const { code, err } = await run('sbml', 'simulate', fbc, '--settings', settings);
    expect(code).toBe(5);
    expect(err).toMatch(/unsupported SBML feature at sbml: package 'fbc'/);
  });
});

describe('a scenario on an SBML model (sbml run, and simulate with an sbml block)', () => {
  const examples = new URL('../../../examples/sbml/', import.meta.url).pathname;
  const xml = join(examples, 'gh-minimal.xml');
  const scenario = join(examples, 'sermorelin-gh-minimal.yaml');

  it('sbml run prints t_min and the named series as CSV', async () => {
    const { code, out, err } = await run('sbml', 'run', xml, scenario);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('t_min,gh_ug_l,igf1_ng_ml,ghrh');
    expect(lines).toHaveLength(1 + 14 * 144);
    expect(lines[1].split(',').map(Number)[0]).toBe(0);
  });

  it('simulate runs a scenario whose sbml block names the model, as JSON', async () => {
    // The model is found next to the scenario file.
    copyFileSync(xml, join(folder, 'gh-minimal.xml'));
    const copy = write('run.yaml', readFileSync(scenario, 'utf8'));
    const { code, out } = await run('simulate', copy);
    expect(code).toBe(0);
    const result = JSON.parse(out) as { schema: string; model: string; doses: unknown[]; t_min: number[] };
    expect(result.schema).toBe('endotwin/sbml-run/v1');
    expect(result.model).toBe('gh_minimal');
    expect(result.doses).toHaveLength(10);
  });

  it('exits 2 naming the field for a bad mapping, and for a block without a model', async () => {
    const text = readFileSync(scenario, 'utf8');
    const bad = await run(
      'sbml',
      'run',
      xml,
      write('bad.yaml', text.replace('species: ghrh_depot', 'species: nope')),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/sbml\.doses\.sermorelin\.species: 'nope' is not a species of model gh_minimal/);
    const noModel = await run(
      'simulate',
      write('nomodel.yaml', text.replace('  model: gh-minimal.xml\n', '')),
    );
    expect(noModel.code).toBe(2);
    expect(noModel.err).toMatch(/sbml\.model: required when no model file is given/);
    const bands = await run('simulate', scenario, '--uncertainty', '10');
    expect(bands.code).toBe(2);
    expect(bands.err).toMatch(/--uncertainty: the bands draw endotwin’s patient effects/);
  });

  it('check reads the model and every id of the sbml block without running it', async () => {
    const ok = await run('check', scenario, '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual({ valid: true, sbml_model: 'gh_minimal' });
    const text = readFileSync(scenario, 'utf8');
    copyFileSync(xml, join(folder, 'gh-minimal.xml'));
    const bad = await run(
      'check',
      write('bad-check.yaml', text.replace('[gh_ug_l, igf1_ng_ml, ghrh]', '[gh_ug_l, nope]')),
    );
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/sbml\.series\[1\]: 'nope' is not a symbol of model gh_minimal/);
  });
});

describe('the round trip on the command line: export sbml, then sbml simulate --endotwin-solver', () => {
  it("reproduces simulate's series (as simulate rounds them, to 6 digits)", async () => {
    const scenario = write(
      'short.yaml',
      `name: Sermorelin, 3 days
seed: 7
duration_days: 3
patient: { age_years: 55, sex: male, weight_kg: 85, height_cm: 178 }
regimen:
  - { drug: sermorelin, dose: { amount: 300, unit: mcg }, route: sc, at: bedtime }
output: { sample_every_min: 15, series: [gh_ug_l, igf1_ng_ml], window_days: [1, 2] }
`,
    );
    const xml = join(folder, 'short.xml');
    expect((await run('export', 'sbml', scenario, '--out', xml)).code).toBe(0);
    const simulated = await run('simulate', scenario);
    expect(simulated.code).toBe(0);
    const series = (JSON.parse(simulated.out) as { series: Record<string, number[]> }).series;
    // The series: t = 1440 + 15k, k = 0…95.
    const grid = write(
      'short-settings.txt',
      'start: 1440\nduration: 1425\nsteps: 95\nvariables: gh_ug_l, igf1_ng_ml\n',
    );
    const replay = await run('sbml', 'simulate', xml, '--settings', grid, '--endotwin-solver');
    expect(replay.code).toBe(0);
    const rows = replay.out
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split(',').map(Number));
    const round = (x: number): number => Number(x.toPrecision(6));
    expect(rows.map((r) => round(r[0]))).toEqual(series.t_min);
    expect(rows.map((r) => round(r[1]))).toEqual(series.gh_ug_l);
    expect(rows.map((r) => round(r[2]))).toEqual(series.igf1_ng_ml);
    // Without the flag, the importer's tight tolerances give another (more accurate) solution.
    const own = await run('sbml', 'simulate', xml, '--settings', grid);
    const ownGh = own.out
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => round(Number(line.split(',')[1])));
    expect(ownGh).not.toEqual(series.gh_ug_l);
  }, 120_000);
});
