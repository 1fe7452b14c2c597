// SPDX-License-Identifier: MIT
// `endotwin sbml simulate` in-process: the suite's CSV on stdout, exit 2 naming the element, exit 5 naming the feature.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
