// SPDX-License-Identifier: MIT
// `endotwin export sbml`, `endotwin trial --nonmem` and `endotwin nonmem regimen` in-process with captured streams.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runCliCaptured } from '../../../test/support/cli-harness.js';

const examples = new URL('../../../examples/', import.meta.url).pathname;
const folder = mkdtempSync(join(tmpdir(), 'endotwin-exchange-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const run = runCliCaptured;

function write(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

const trial = (patients: boolean) => `
name: nonmem cli
seed: 4
duration_days: 7
population: { n: 2, age_years: { min: 50, max: 60 } }
arms:
  - { name: sermorelin, regimen: [ "sermorelin 200 mcg sc at 22:00 5on2off" ] }
endpoints: [igf1_change_pct]
output: { patients: ${patients} }
`;

describe('endotwin export sbml', () => {
  it('writes the untreated model to --out', async () => {
    const out = join(folder, 'model.xml');
    const r = await run('export', 'sbml', '--out', out);
    expect(r.code).toBe(0);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<sbml xmlns="http:\/\/www.sbml.org\/sbml\/level3\/version2\/core" level="3" version="2">/,
    );
    expect(xml).toContain('<parameter id="igf1_ng_ml"');
  });

  it('exits 2 naming the field for a titrated scenario, writing nothing', async () => {
    const out = join(folder, 'titrated.xml');
    const r = await run('export', 'sbml', `${examples}rhgh-daily.yaml`, '--out', out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/titration: a titrated scenario cannot be exported/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('endotwin export nonmem', () => {
  it('simulates the scenario and writes its doses and labs with the dictionary', async () => {
    const scenario = write(
      'scenario.yaml',
      'duration_days: 7\npatient: { age_years: 50, sex: female, weight_kg: 65, height_cm: 165 }\n' +
        'regimen: [ "ipamorelin 200 mcg sc at 21:00 daily" ]\nmonitoring: { labs: [igf1], at_days: [0, 7] }\n',
    );
    const csv = join(folder, 'scenario.csv');
    const r = await run('export', 'nonmem', scenario, '--out', csv);
    expect(r.code, r.err).toBe(0);
    const rows = readFileSync(csv, 'utf8').trim().split('\n').slice(1);
    expect(rows.filter((line) => line.split(',')[2] === '1')).toHaveLength(7);
    expect(rows.filter((line) => line.split(',')[2] === '0')).toHaveLength(4); // IGF-1 and its SDS on days 0, 7
    expect(existsSync(join(folder, 'scenario.dictionary.json'))).toBe(true);
  });

  it('exits 3 for a contraindicated scenario unless --research', async () => {
    const r = await run(
      'export',
      'nonmem',
      `${examples}pregnancy-contraindicated.yaml`,
      '--out',
      join(folder, 'p.csv'),
    );
    expect(r.code).toBe(3);
    expect(existsSync(join(folder, 'p.csv'))).toBe(false);
  });
});

describe('endotwin trial --nonmem and endotwin nonmem regimen', () => {
  it('writes the dataset and its dictionary, and reads a subject’s doses back as regimen lines', async () => {
    const csv = join(folder, 'trial.csv');
    const r = await run('trial', write('trial.yaml', trial(true)), '--workers', '1', '--nonmem', csv);
    expect(r.code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^ID,TIME,EVID,AMT,RATE,CMT,DV,MDV,DVID,/);
    const dictionary = JSON.parse(readFileSync(join(folder, 'trial.dictionary.json'), 'utf8')) as {
      columns: { name: string }[];
    };
    expect(dictionary.columns.map((c) => c.name)).toEqual(lines[0].split(','));

    const back = await run('nonmem', 'regimen', csv, '--id', '2');
    expect(back.code).toBe(0);
    const regimen = (parseYaml(back.out) as { regimen: { drug: string; at: string; dose: unknown }[] })
      .regimen;
    expect(regimen.every((l) => l.drug === 'sermorelin' && l.at === '22:00')).toBe(true);
    expect(back.err).toMatch(/ID 2: 5 doses/);
  }, 120_000);

  it('exits 2 before running when the trial keeps no patients', async () => {
    const r = await run('trial', write('no-patients.yaml', trial(false)), '--nonmem', join(folder, 'x.csv'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/output\.patients/);
    expect(r.err).not.toMatch(/simulations/);
  });

  it('exits 2 naming the subject when --id has no doses', async () => {
    const file = write('one.csv', 'ID,TIME,EVID,AMT,CMT\n1,22,1,200,1\n');
    const r = await run('nonmem', 'regimen', file, '--id', '7');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/id: no dose rows \(EVID = 1\) for ID 7/);
  });
});
