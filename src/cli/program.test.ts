// SPDX-License-Identifier: MIT
// The CLI in-process with captured streams: exit-code mapping and output routing, without a child process.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CliIo } from './io.js';
import { runCli } from './program.js';

const examples = fileURLToPath(new URL('../../examples/', import.meta.url));

async function runWith(errIsTty: boolean, ...args: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty };
  const code = await runCli(['node', 'endotwin', ...args], io);
  return { code, out, err };
}

const run = (...args: string[]) => runWith(false, ...args);

describe('runCli', () => {
  it('prints help and version on stdout with exit 0', async () => {
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/simulate .*check .*homa .*igf1-sds .*demo/s);
    expect((await run('--version')).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('maps a usage error to exit 2 on stderr', async () => {
    const r = await run('check');
    expect(r.code).toBe(2);
    expect(r.err).toContain("missing required argument 'file'");
    expect(r.out).toBe('');
  });

  it('check: 0 for every example except the contraindicated one (3)', async () => {
    for (const name of [
      'sermorelin-nightly',
      'untreated-young-man',
      'cjc1295-dac-weekly',
      'ipamorelin-plus-cjc-nodac',
      'rhgh-daily',
      'mk677-oral',
      'hexarelin-iv-test',
    ]) {
      const r = await run('check', `${examples}${name}.yaml`);
      expect([name, r.code, r.err]).toEqual([name, 0, '']);
    }
    expect((await run('check', `${examples}pregnancy-contraindicated.yaml`)).code).toBe(3);
  });

  it('igf1-sds names the clamped reference age outside 20–75', async () => {
    const r = await run('igf1-sds', '--age', '82', '--sex', 'female', '--igf1', '120');
    expect(r.code).toBe(0);
    expect(r.out).toContain('reference read at 75 y');
  });

  it('shows progress on stderr only when stderr is a terminal', async () => {
    const file = `${examples}hexarelin-iv-test.yaml`;
    const tty = await runWith(true, 'simulate', file);
    expect(tty.code).toBe(0);
    expect(tty.err).toMatch(/\rsimulating Hexarelin 2 µg\/kg IV test, single dose: 100%\n/);
    const pipe = await run('simulate', file);
    expect(pipe.err).not.toContain('simulating');
    expect(pipe.err).toContain('CAUTION_CORTISOL_PROLACTIN_RISE');
    expect(JSON.parse(pipe.out)).toMatchObject({ schema: 'endotwin/result/v1' });
  });
});
