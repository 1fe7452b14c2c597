// SPDX-License-Identifier: MIT
// `endotwin trial` in-process with captured streams: exit codes, the table, the JSON and the per-patient CSV.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TrialResult } from '../../cohort/index.js';
import type { CliIo } from '../io.js';
import { runCli } from '../program.js';

const folder = mkdtempSync(join(tmpdir(), 'endotwin-trial-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false };
  const code = await runCli(['node', 'endotwin', ...args], io);
  return { code, out, err };
}

function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const small = `
name: cli trial
seed: 3
duration_days: 14
population: { n: 8, age_years: { min: 60, max: 70 } }
arms:
  - { name: placebo, regimen: [] }
  - { name: rhgh, regimen: [ { drug: rhgh, dose: { amount: 0.3, unit: mg }, route: sc, at: "21:00" } ] }
endpoints: [igf1_change_pct, lean_mass_change_kg]
output: { patients: true }
published:
  design: a made-up design for the test
  figures:
    - { arm: rhgh, endpoint: igf1_change_pct, compare: difference, text: "+1000 %", range: [900, 1100], provenance: derived }
`;

describe('endotwin trial', () => {
  it('prints per-arm endpoints with CIs and the published figure; writes the JSON and the patients CSV', async () => {
    const file = write('small.yaml', small);
    const out = join(folder, 'result.json');
    const csv = join(folder, 'patients.csv');
    const r = await run('trial', file, '--workers', '1', '--out', out, '--patients-csv', csv);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/igf1_change_pct \(%\)\s+placebo\s+8\s/);
    expect(r.out).toMatch(/rhgh − placebo \(paired\)\s+8 .*\+1000 % \(derived\)\s+outside/);
    expect(r.out).toMatch(/lean_mass_change_kg \(kg\)/);
    expect(r.err).toMatch(/16 simulations \(224 patient-days\)/);
    const result = JSON.parse(readFileSync(out, 'utf8')) as TrialResult;
    expect(result.schema).toBe('endotwin/trial-result/v1');
    expect(result.arms[1].endpoints['igf1_change_pct'].n).toBe(8);
    expect(readFileSync(csv, 'utf8').trim().split('\n')).toHaveLength(17);
  });

  it('exit 2 naming the field path of an invalid document; nothing is written', async () => {
    const file = write('bad.yaml', small.replace('n: 8', 'n: -1'));
    const r = await run('trial', file, '--out', join(folder, 'nothing.json'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/population\.n: .*\(got -1\)/);
    expect(() => readFileSync(join(folder, 'nothing.json'))).toThrow();
  });

  it('exit 3 when an arm is contraindicated for the population, unless --research', async () => {
    const file = write(
      'malignancy.yaml',
      small.replace(
        'age_years: { min: 60, max: 70 }',
        'age_years: { min: 60, max: 70 }, conditions: [active_malignancy]',
      ),
    );
    const r = await run('trial', file);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/arm rhgh:/);
  });

  it('exit 2 for a bad --workers or --queue', async () => {
    const file = write('ok.yaml', small);
    expect((await run('trial', file, '--workers', '0')).err).toMatch(/--workers must be a number from 1/);
    expect((await run('trial', file, '--queue', 'http://x')).err).toMatch(/--queue must be a Redis URL/);
  });
});
