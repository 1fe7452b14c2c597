// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../io.js';
import { runCli } from '../program.js';

async function run(...args: string[]) {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false };
  const code = await runCli(['node', 'endotwin', ...args], io);
  return { code, out, err };
}

describe('endotwin model params', () => {
  it('prints the table as JSON objects of name, value, unit, source, evidence and role', async () => {
    const r = await run('model', 'params', '--format', 'json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as Record<string, unknown>[];
    const ec50 = rows.find((row) => row.name === 'liver_gh_ec50');
    expect(Object.keys(ec50 ?? {})).toEqual(['name', 'value', 'unit', 'source', 'evidence', 'role']);
    expect(ec50).toMatchObject({ value: 50, unit: 'ug/L', evidence: 'weak', role: 'patient' });
  });

  it('prints CSV with one line per parameter, and refuses an unknown format with exit 2', async () => {
    const json = JSON.parse((await run('model', 'params', '--format', 'json')).out) as unknown[];
    const csv = await run('model', 'params', '--format', 'csv');
    expect(csv.out.split('\r\n')[0]).toBe('name,value,unit,source,evidence,role');
    expect(csv.out.trimEnd().split('\r\n')).toHaveLength(json.length + 1);
    const bad = await run('model', 'params', '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format');
  });
});
