// SPDX-License-Identifier: MIT
// `endotwin analyze pulses` in-process with captured streams.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GH_SYNTHETIC_DEFAULTS, seededRandom, syntheticGhSeries } from '../../analysis/pulses/index.js';
import type { CliIo } from '../io.js';
import { runCli } from '../program.js';

const sample = fileURLToPath(new URL('../../../examples/gh-series-sample.csv', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'endotwin-analyze-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false };
  const code = await runCli(['node', 'endotwin', ...args], io);
  return { code, out, err };
}

function writeCsv(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, text);
  return path;
}

describe('endotwin analyze pulses', () => {
  it('--json prints the contract of SCENARIO.md, and finds the bursts the example was made from', async () => {
    const r = await run('analyze', 'pulses', sample, '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    const json = JSON.parse(r.out) as {
      pulses: { t_min: number; mass: number; amplitude: number }[];
      basal: number;
      half_life_min: number;
    };
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['pulses', 'basal', 'half_life_min']));
    expect(Object.keys(json.pulses[0])).toEqual(expect.arrayContaining(['t_min', 'mass', 'amplitude']));
    // The example is syntheticGhSeries(GH_SYNTHETIC_DEFAULTS, seededRandom(2026)) (docs/analysis.md).
    const truth = syntheticGhSeries(GH_SYNTHETIC_DEFAULTS, seededRandom(2026)).pulses.filter(
      (p) => p.tMin >= 0 && p.tMin <= 1430,
    );
    expect(json.pulses.length).toBe(truth.length);
    json.pulses.forEach((p, i) => {
      expect(Math.abs(p.t_min - truth[i].tMin)).toBeLessThan(10);
      expect(Math.abs(p.mass / truth[i].mass - 1)).toBeLessThan(0.15);
    });
    expect(json.half_life_min).toBeGreaterThan(18);
    expect(json.half_life_min).toBeLessThan(24);
  });

  it('prints a table for people by default', async () => {
    const r = await run('analyze', 'pulses', sample, '--interval-min', '10');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/145 samples, nominal interval 10\.0 min\n14 secretory bursts/);
    expect(r.out).toMatch(/slow half-life +\d+\.\d ± \d+\.\d min/);
  });

  it('exits 2 naming the line of a bad row, and writes nothing to stdout', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i * 10},${i === 3 ? '-0.5' : '1.0'}`);
    const file = writeCsv('negative.csv', `time_min,value\n${rows.join('\n')}\n`);
    const r = await run('analyze', 'pulses', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${file}: line 5: value must be ≥ 0, got -0.5`);
  });

  it('exits 2 for a missing file, a bad header, too few rows and a bad option', async () => {
    expect((await run('analyze', 'pulses', join(folder, 'absent.csv'))).err).toContain('no such file');
    const header = writeCsv('header.csv', 't,gh\n0,1\n');
    expect(await run('analyze', 'pulses', header)).toMatchObject({ code: 2 });
    const short = writeCsv('short.csv', 'time_min,value\n0,1\n10,2\n');
    const shortRun = await run('analyze', 'pulses', short);
    expect([shortRun.code, shortRun.err]).toEqual([2, expect.stringContaining('at least 10 samples, got 2')]);
    const interval = await run('analyze', 'pulses', sample, '--interval-min', 'ten');
    expect([interval.code, interval.err]).toEqual([
      2,
      expect.stringContaining('--interval-min must be a number'),
    ]);
  });
});
