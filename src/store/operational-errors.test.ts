// SPDX-License-Identifier: MIT
/** Operational store errors name what to fix: a read-only database path, a full disk. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseScenario } from '../protocol/index.js';
import type { Result } from '../scenario/index.js';
import { openStore } from './store.js';

const isRoot = process.getuid?.() === 0;
const storeModule = fileURLToPath(new URL('./index.ts', import.meta.url));

/**
 * The message of `openStore(path)` as an unprivileged user: root ignores file permissions, so as root the attempt
 * runs as `nobody` in a child process.
 */
async function openError(path: string): Promise<string> {
  if (!isRoot)
    return openStore(path).then(
      async (store) => {
        await store.close();
        return 'opened';
      },
      (error: unknown) => (error as Error).message,
    );
  const script =
    `import(${JSON.stringify(storeModule)}).then((m) => m.openStore(${JSON.stringify(path)}))` +
    `.then(() => console.log('opened'), (e) => console.log(e.message))`;
  return execFileSync('runuser', ['-u', 'nobody', '--', process.execPath, '--import', 'tsx', '-e', script], {
    encoding: 'utf8',
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  }).trim();
}

describe('read-only database paths', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'endotwin-ro-'));
    chmodSync(dir, 0o755);
  });
  afterEach(() => {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names a read-only folder', async () => {
    const folder = join(dir, 'locked');
    mkdirSync(folder, { mode: 0o555 });
    const message = await openError(join(folder, 'endotwin.db'));
    expect(message).toContain(`cannot write the folder of the database, ${folder}`);
  }, 60_000);

  it('names a read-only database file', async () => {
    const file = join(dir, 'endotwin.db');
    writeFileSync(file, '');
    chmodSync(file, 0o444);
    chmodSync(dir, 0o777);
    const message = await openError(file);
    expect(message).toContain(`cannot write the database file ${file}`);
  }, 60_000);
});

describe('a full disk', () => {
  it('says disk full, not that no transaction is active', async () => {
    const store = await openStore(':memory:');
    try {
      const scenario = parseScenario({
        duration_days: 2,
        patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 },
      });
      const run = await store.runs.create(scenario, 'test');
      expect(await store.runs.markRunning(run.id)).toBe(true);
      // SQLite's page cap makes the database full, as a full disk does: the same SQLITE_FULL error.
      const { rows } = await sql<{ page_count: number }>`pragma page_count`.execute(store.db);
      await sql.raw(`pragma max_page_count = ${rows[0].page_count + 2}`).execute(store.db);
      const big = Array.from({ length: 200_000 }, (_, i) => i);
      const result = { series: { t_min: big, gh_ug_l: big } } as unknown as Result;
      await expect(store.runs.complete(run.id, result)).rejects.toThrow(/^disk full \(SQLITE_FULL\)/);
      expect((await store.runs.get(run.id))?.status).toBe('running'); // nothing half-written
    } finally {
      await store.close();
    }
  });
});
