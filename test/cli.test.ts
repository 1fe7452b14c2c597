// SPDX-License-Identifier: MIT
// End-to-end tests of the `endotwin` command: the real CLI in a child process (npx tsx src/cli/main.ts), checking
// exit codes, stdout/stderr and files against SCENARIO.md's contract.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { READINESS_TIMEOUT_MS } from './support/wait.js';

const root = fileURLToPath(new URL('..', import.meta.url));

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function endotwin(...args: string[]): Run {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1' },
    timeout: READINESS_TIMEOUT_MS,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
const file = (name: string) => join(dir, name);

const SHORT_SCENARIO = `
schema: endotwin/scenario/v1
name: short sermorelin run
seed: 42
duration_days: 3
patient: { age_years: 62, sex: male, weight_kg: 88, height_cm: 178 }
regimen:
  - { drug: sermorelin, dose: { amount: 300, unit: mcg }, route: sc, at: bedtime }
output: { sample_every_min: 30, series: [gh_ug_l], window_days: [0, 1] }
`;

const BAD_SCENARIO = `
duration_days: 28
patient: { age_years: 62, sex: male, weight_kg: 88, height_cm: 178 }
regimen:
  - { drug: sermorelin, dose: { amount: 300, unit: mcg }, route: oral, at: bedtime }
`;

const PREGNANT_SCENARIO = `
duration_days: 2
patient: { age_years: 32, sex: female, weight_kg: 68, height_cm: 167, conditions: [pregnancy] }
regimen:
  - { drug: sermorelin, dose: { amount: 200, unit: mcg }, route: sc, at: bedtime }
output: { sample_every_min: 60, series: [gh_ug_l], window_days: [0, 1] }
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'endotwin-cli-'));
  writeFileSync(file('short.yaml'), SHORT_SCENARIO);
  writeFileSync(file('bad.yaml'), BAD_SCENARIO);
  writeFileSync(file('pregnant.yaml'), PREGNANT_SCENARIO);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('endotwin simulate: input errors (exit 2, nothing written)', () => {
  it('names the field path, the value and what is allowed for an invalid scenario', () => {
    const out = file('bad-result.json');
    const r = endotwin('simulate', file('bad.yaml'), '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("regimen[0].route: sermorelin has no route 'oral'; allowed: sc, iv");
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects a missing file', () => {
    const r = endotwin('simulate', file('missing.yaml'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*missing\.yaml: no such file/);
  });

  it('rejects an unknown --format before doing anything', () => {
    const out = file('format.json');
    const r = endotwin('simulate', file('short.yaml'), '--format', 'xml', '--out', out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--format must be one of json, csv, got xml');
    expect(existsSync(out)).toBe(false);
  });

  it('rejects an unknown command', () => {
    const r = endotwin('frobnicate');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});

describe('endotwin simulate: contraindications', () => {
  it('prints the screening to stderr and exits 3 without --research', () => {
    const out = file('pregnant.json');
    const r = endotwin('simulate', file('pregnant.yaml'), '--out', out);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('CONTRAINDICATION_PREGNANCY');
    expect(r.stderr).toContain('--research');
    expect(existsSync(out)).toBe(false);
  });

  it('runs with --research and keeps the findings in the result', () => {
    const r = endotwin('simulate', file('pregnant.yaml'), '--research');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as {
      schema: string;
      screening: { status: string; findings: { code: string }[] };
    };
    expect(result.schema).toBe('endotwin/result/v1');
    expect(result.screening.status).toBe('contraindicated');
    expect(result.screening.findings.map((f) => f.code)).toContain('CONTRAINDICATION_PREGNANCY');
  });
});

describe('endotwin simulate: results', () => {
  it('writes the JSON result atomically to --out and nothing to stdout', () => {
    const out = file('short.json');
    const r = endotwin('simulate', file('short.yaml'), '--out', out);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const result = JSON.parse(readFileSync(out, 'utf8')) as { schema: string; daily: { day: number }[] };
    expect(result.schema).toBe('endotwin/result/v1');
    expect(result.daily.map((d) => d.day)).toContain(0);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints the daily table as CSV with the contract header', () => {
    const r = endotwin('simulate', file('short.yaml'), '--format', 'csv');
    expect(r.status).toBe(0);
    const [header, firstRow] = r.stdout.trim().split('\n');
    expect(header.startsWith('day,gh_mean_ug_l,gh_trough_ug_l,gh_pulses,igf1_ng_ml,igf1_sds,')).toBe(true);
    expect(firstRow.split(',')[0]).toBe('0');
  });

  it('demo summarises each scenario of a folder with the disclaimer', () => {
    const demoDir = mkdtempSync(join(dir, 'demo-'));
    writeFileSync(join(demoDir, 'short.yaml'), SHORT_SCENARIO);
    const r = endotwin('demo', demoDir);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('not a medical device');
    expect(r.stdout).toMatch(/IGF-1 +day 0: .* → day \d+:/);
    expect(r.stdout).toMatch(/run time +\d+\.\d\d s/);
  });
});

describe('endotwin check', () => {
  it('exits 0 for a valid scenario and prints its screening', () => {
    const r = endotwin('check', join(root, 'examples/sermorelin-nightly.yaml'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('valid scenario "Sermorelin 300 mcg nightly, 5 on / 2 off, 26 weeks"');
    expect(r.stdout).toContain('screening: ok');
  });

  it('exits 3 for a contraindicated scenario and 2 for an invalid one', () => {
    const contraindicated = endotwin(
      'check',
      join(root, 'examples/pregnancy-contraindicated.yaml'),
      '--json',
    );
    expect(contraindicated.status).toBe(3);
    expect(JSON.parse(contraindicated.stdout)).toMatchObject({
      valid: true,
      screening: { status: 'contraindicated' },
    });
    const invalid = endotwin('check', file('bad.yaml'));
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('regimen[0].route');
  });

  it('rejects an unknown series name as the API does (exit 2, the path and the allowed names)', () => {
    writeFileSync(
      file('bad-series.yaml'),
      SHORT_SCENARIO.replace('series: [gh_ug_l]', 'series: [gh_ug_l, glucose]'),
    );
    const r = endotwin('check', file('bad-series.yaml'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      "output.series[1]: unknown series 'glucose'; allowed: energy_absorbed_kcal_min",
    );
  });
});

describe('endotwin homa and igf1-sds', () => {
  it('computes HOMA1-IR, HOMA1-%B and QUICKI (99 mg/dL, 10 µU/mL)', () => {
    const r = endotwin('homa', '--glucose', '99', '--insulin', '10', '--json');
    expect(r.status).toBe(0);
    const v = JSON.parse(r.stdout) as { homa1_ir: number; homa1_b_pct: number; quicki: number };
    expect(v.homa1_ir).toBeCloseTo(2.4444, 4);
    expect(v.homa1_b_pct).toBeCloseTo(100, 9);
    expect(v.quicki).toBeCloseTo(0.33382, 5);
    const text = endotwin('homa', '--glucose', '5.5', '--units', 'mmol_l', '--insulin', '10');
    expect(text.stdout).toContain('HOMA1-IR  2.44');
    expect(text.stdout).toContain('HOMA2     not implemented');
  });

  it('validates numeric options with a clear message', () => {
    const r = endotwin('homa', '--glucose', 'sweet', '--insulin', '10');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--glucose must be a number from 20 to 600 mg/dL, got sweet');
  });

  it('computes the IGF-1 SDS for age and sex (man of 62, 100 ng/mL: SDS −0.14, 44th percentile)', () => {
    const r = endotwin('igf1-sds', '--age', '62', '--sex', 'male', '--igf1', '100', '--json');
    expect(r.status).toBe(0);
    const v = JSON.parse(r.stdout) as { sds: number; percentile: number; lower: number; upper: number };
    expect(v.sds).toBeCloseTo(-0.1397, 3);
    expect(v.percentile).toBeCloseTo(44.45, 1);
    expect(v.lower).toBeCloseTo(52.52, 1);
    expect(v.upper).toBeCloseTo(210.2, 1);
  });

  it('rejects an age that is not a number and a missing option', () => {
    const age = endotwin('igf1-sds', '--age', 'abc', '--sex', 'male', '--igf1', '100');
    expect(age.status).toBe(2);
    expect(age.stderr).toContain('--age must be a number from 18 to 100, got abc');
    const missing = endotwin('igf1-sds', '--age', '40', '--sex', 'male');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("required option '--igf1 <ng_ml>' not specified");
  });
});
