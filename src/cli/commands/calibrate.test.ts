// SPDX-License-Identifier: MIT
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALIBRATION_FILE } from '../../physiology/calibrated-values.js';
import { modelParameterDecls } from '../../physiology/param-catalog.js';
import { parseScenario } from '../../protocol/parse-scenario.js';
import { readDocument } from '../../scenario/parse.js';
import { setUpPatient } from '../../simulate/index.js';
import { parseCase } from '../../validate/cases.js';
import { caseValue } from '../../validate/run.js';
import { runCliCaptured } from '../../../test/support/cli-harness.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

const run = runCliCaptured;

/** A cheap case: the untreated IGF-1 of a 45-year-old man over days 1–3. */
const caseDoc = (stats: string) =>
  [
    'id: tiny-igf1',
    'title: untreated IGF-1',
    'source: a test',
    "published: 'IGF-1'",
    'area: igf1',
    'role: calibration',
    'scenario:',
    '  seed: 47',
    '  duration_days: 4',
    '  patient: { age_years: 45, sex: male, weight_kg: 82, height_cm: 178 }',
    'metric: { kind: daily_mean, field: igf1_ng_ml, from_day: 1, to_day: 3 }',
    'expected: { min: 1, max: 1000, unit: ng/mL }',
    ...(stats === '' ? [] : [`published_stats: ${stats}`]),
    '',
  ].join('\n');

const problemDoc = (parameter: string, cases = '[tiny-igf1]') =>
  [
    'version: 1',
    'cases_dir: cases',
    'prior_sd_log: { strong: 0.1, moderate: 0.25, weak: 0.5 }',
    'spread_floor_fraction: 0',
    `parameters:\n  - ${parameter}`,
    `studies:\n  - { study: a test, cases: ${cases} }`,
    'search: { max_iterations: 20, jacobian_step: 0.01, max_step: 0.5, converged_step: 0.0001 }',
    '',
  ].join('\n');

/** The source value of igf1_prod_max and the known value the fit must recover (+40 %). */
const SOURCE = 3.4;
const KNOWN = SOURCE * 1.4;
const GOOD_PARAMETER = '{ name: igf1_prod_max, unit: ng/mL/min, bounds: [0.85, 13.6], prior_sd_log: 2 }';

let dir: string;
let target: number;

function writeProblem(name: string, parameter: string, stats?: string): string {
  const folder = join(dir, name);
  mkdirSync(join(folder, 'cases'), { recursive: true });
  writeFileSync(
    join(folder, 'cases', 'tiny-igf1.yaml'),
    caseDoc(stats ?? `{ mean: ${target}, sd: 0.5, provenance: recalled }`),
  );
  writeFileSync(join(folder, 'problem.yaml'), problemDoc(parameter));
  return folder;
}

const fitted = (file: string): Record<string, number> => {
  const text = readFileSync(file, 'utf8');
  const json = text.slice(text.indexOf('= ') + 2, text.lastIndexOf(';'));
  return (JSON.parse(json) as { values: Record<string, number> }).values;
};

/** `calibrate` of a folder's problem in this thread, writing into the folder. */
const calibrateArgs = (folder: string, ...extra: string[]) => [
  'calibrate',
  join(folder, 'problem.yaml'),
  '--workers',
  '0',
  ...extra,
  ...outputs(folder),
];

const outputs = (folder: string) => [
  '--params-out',
  join(folder, 'values.ts'),
  '--report',
  join(folder, 'CALIBRATION.md'),
  '--checkpoint',
  join(folder, 'checkpoint.json'),
];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'endotwin-calibrate-'));
  // The case's value at the known parameter value is the "published" mean.
  const c = parseCase(readDocument(caseDoc('')), 'tiny-igf1.yaml');
  const inModel = setUpPatient(parseScenario(c.scenario)).model.parameterNames;
  expect(inModel).toContain('igf1_prod_max');
  // Parameters the committed calibration sets are run at their source values (as the fit runs them).
  const sources = new Map(modelParameterDecls(false).map((d) => [d.name, d.value]));
  const resets = Object.fromEntries(
    Object.keys(CALIBRATION_FILE.values)
      .filter((name) => name !== 'igf1_prod_max' && inModel.includes(name))
      .map((name) => [name, sources.get(name) ?? 0]),
  );
  target = caseValue(c, { ...resets, igf1_prod_max: KNOWN });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('endotwin calibrate', () => {
  it('recovers a known parameter value from a tiny problem and writes the parameter file and report', async () => {
    const folder = writeProblem('fit', GOOD_PARAMETER);
    const r = await run(...calibrateArgs(folder));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(fitted(join(folder, 'values.ts')).igf1_prod_max).toBeGreaterThan(KNOWN * 0.98);
    expect(fitted(join(folder, 'values.ts')).igf1_prod_max).toBeLessThan(KNOWN * 1.02);
    const report = readFileSync(join(folder, 'CALIBRATION.md'), 'utf8');
    expect(report).toContain('## Objective');
    expect(report).toContain('`igf1_prod_max`');
    expect(existsSync(join(folder, 'checkpoint.json'))).toBe(false);
  }, 120_000);

  it.each([
    [
      'an unknown parameter name',
      '{ name: igf1_prod_maks, unit: ng/mL/min, bounds: [1, 10] }',
      'parameters[0].name',
    ],
    ['a wrong unit', '{ name: igf1_prod_max, unit: ng/dL/min, bounds: [1, 10] }', 'parameters[0].unit'],
    ['inverted bounds', '{ name: igf1_prod_max, unit: ng/mL/min, bounds: [10, 1] }', 'parameters[0].bounds'],
    [
      'a prior outside its bounds',
      '{ name: igf1_prod_max, unit: ng/mL/min, bounds: [5, 10] }',
      'prior median',
    ],
  ])('refuses %s with exit 2 naming the field, writing nothing', async (_, parameter, field) => {
    const folder = writeProblem(`bad-${field.replace(/\W/g, '')}`, parameter);
    const r = await run('calibrate', join(folder, 'problem.yaml'), ...outputs(folder));
    expect(r.code).toBe(2);
    expect(r.err).toContain(field);
    expect(existsSync(join(folder, 'values.ts'))).toBe(false);
  });

  it('refuses a case without a published spread with exit 2 naming it', async () => {
    const folder = writeProblem('no-spread', GOOD_PARAMETER, '');
    const r = await run('calibrate', join(folder, 'problem.yaml'), ...outputs(folder));
    expect(r.code).toBe(2);
    expect(r.err).toContain('studies[0].cases[0]');
    expect(r.err).toContain('published_stats');
  });

  it('leaves the parameter file unchanged when interrupted, and resumes to the same values', async () => {
    const folder = writeProblem('interrupt', GOOD_PARAMETER);
    const valuesFile = join(folder, 'values.ts');
    writeFileSync(valuesFile, 'before\n');
    const child = spawn(
      process.execPath,
      [join(ROOT, 'dist', 'cli', 'main.js'), ...calibrateArgs(folder, '--progress')],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let err = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
      if (err.includes('iteration 1 done')) child.kill('SIGKILL');
    });
    await exited;
    expect(readFileSync(valuesFile, 'utf8')).toBe('before\n');
    expect(existsSync(join(folder, 'checkpoint.json'))).toBe(true);
    const resumed = await run(...calibrateArgs(folder, '--progress'));
    expect(resumed.code).toBe(0);
    expect(resumed.err).toContain('resuming after iteration 1');
    const afterResume = fitted(valuesFile);
    // An uninterrupted run (no checkpoint) ends at the same values, to the digit.
    const whole = await run(...calibrateArgs(folder));
    expect(whole.code).toBe(0);
    expect(whole.err).not.toContain('resuming');
    expect(fitted(valuesFile)).toEqual(afterResume);
  }, 180_000);
});
