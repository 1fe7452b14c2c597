// SPDX-License-Identifier: MIT
/** `endotwin token create|list|revoke`, and the same through the admin route, with read and read-write scopes. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../server/index.js';
import { parseScenario } from '../../protocol/index.js';
import { hashToken, openStore } from '../../store/index.js';
import type { CliIo } from '../io.js';
import { runCli } from '../program.js';

const ADMIN = 'admin-token-of-at-least-32-chars!';

async function cli(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), errIsTty: false };
  const code = await runCli(['node', 'endotwin', ...args], io);
  return { code, out, err };
}

describe('endotwin token', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'endotwin-token-'));
    db = join(dir, 'store.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a token shown once and stored hashed, lists it without the secret, revokes it', async () => {
    const created = await cli('token', 'create', 'ci reader', '--scope', 'read', '--db', db);
    expect(created.code, created.err).toBe(0);
    const token = created.out.trim();
    expect(token).toMatch(/^et_[A-Za-z0-9_-]{43}$/);
    expect(created.err).toContain('shown only now');

    const bytes = readFileSync(db).toString('latin1');
    expect(bytes).not.toContain(token);
    expect(bytes).toContain(hashToken(token));

    // A run of a server using this store stays queued while tokens are managed.
    const store = await openStore(db);
    const scenario = parseScenario({
      duration_days: 2,
      patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 },
    });
    const run = await store.runs.create(scenario, 'server');
    await store.close();

    const listed = await cli('token', 'list', '--db', db);
    expect(listed.code).toBe(0);
    expect(listed.out).toMatch(/\tread\t.*\tci reader\n$/);
    expect(listed.out).not.toContain(token);
    const id = listed.out.split('\t')[0];

    expect((await cli('token', 'revoke', id, '--db', db)).code).toBe(0);
    expect((await cli('token', 'list', '--db', db)).out).toBe('');
    const after = await openStore(db, { recoverUnfinished: false });
    expect((await after.runs.get(run.id))?.status).toBe('queued');
    await after.close();
    const again = await cli('token', 'revoke', id, '--db', db);
    expect(again.code).toBe(2);
  });

  it('refuses an unknown scope with exit 2', async () => {
    const res = await cli('token', 'create', 'x', '--scope', 'admin', '--db', db);
    expect(res.code).toBe(2);
    expect(res.err).toContain('--scope must be one of read, read-write');
  });
});

describe('admin token routes and scopes', () => {
  it('lets only the configured token manage tokens; a read token cannot write', async () => {
    const store = await openStore(':memory:');
    const app = await buildServer({ store, workers: 1, token: ADMIN });
    try {
      const admin = { authorization: `Bearer ${ADMIN}` };
      const created = await app.inject({
        method: 'POST',
        url: '/api/v1/admin/tokens',
        headers: admin,
        payload: { name: 'reader', scope: 'read' },
      });
      expect(created.statusCode).toBe(201);
      const { id, token } = created.json<{ id: string; token: string }>();
      const reader = { authorization: `Bearer ${token}` };

      const listed = await app.inject({ method: 'GET', url: '/api/v1/admin/tokens', headers: admin });
      expect(listed.json()).toMatchObject({ tokens: [{ id, name: 'reader', scope: 'read' }] });
      expect(listed.body).not.toContain(token);

      expect((await app.inject({ method: 'GET', url: '/api/v1/runs', headers: reader })).statusCode).toBe(
        200,
      );
      const write = await app.inject({
        method: 'POST',
        url: '/api/v1/scenarios',
        headers: reader,
        payload: { duration_days: 2, patient: { age_years: 45, sex: 'male', weight_kg: 82, height_cm: 178 } },
      });
      expect(write.statusCode).toBe(403);
      expect(write.json()).toMatchObject({ error: { code: 'INSUFFICIENT_SCOPE' } });
      const mint = await app.inject({ method: 'GET', url: '/api/v1/admin/tokens', headers: reader });
      expect(mint.statusCode).toBe(403);

      const revoked = await app.inject({
        method: 'DELETE',
        url: `/api/v1/admin/tokens/${id}`,
        headers: admin,
      });
      expect(revoked.statusCode).toBe(204);
      expect((await app.inject({ method: 'GET', url: '/api/v1/runs', headers: reader })).statusCode).toBe(
        401,
      );
    } finally {
      await app.close();
      await store.close();
    }
  });
});
