// SPDX-License-Identifier: MIT
// The schema migrations on both databases: up from empty, idempotent, down to empty and up again. PostgreSQL is a
// throw-away server started from the installed binaries (skipped with the Debian package named when missing,
// failing under CI=true).
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  POSTGRES_MISSING,
  findPostgresBin,
  startPostgres,
  type PostgresServer,
} from '../../test/support/postgres.js';
import { migrationProvider, migrationsFor, type DialectName } from './migrations.js';

/** The application's tables (Kysely's own bookkeeping tables left out), sorted. */
async function tables(db: Kysely<unknown>): Promise<string[]> {
  const all = await db.introspection.getTables();
  return all
    .map((t) => t.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
}

function migrationSuite(dialect: DialectName, open: () => Promise<Kysely<unknown>>): void {
  describe(`migrations on ${dialect}`, () => {
    it('migrate an empty database to the latest version, then do nothing the second time', async () => {
      const db = await open();
      try {
        const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
        const first = await migrator.migrateToLatest();
        expect(first.error).toBeUndefined();
        expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual(
          Object.keys(migrationsFor(dialect)).map((name) => [name, 'Success']),
        );
        expect(await tables(db)).toEqual(expect.arrayContaining(['patients', 'runs', 'results', 'trials']));
        const second = await migrator.migrateToLatest();
        expect(second.error).toBeUndefined();
        expect(second.results).toEqual([]);
      } finally {
        await db.destroy();
      }
    });

    it('migrate down to an empty database and up again', async () => {
      const db = await open();
      try {
        const migrator = new Migrator({ db, provider: migrationProvider(dialect) });
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        const latest = await tables(db);
        for (let i = 0; i < Object.keys(migrationsFor(dialect)).length; i++) {
          expect((await migrator.migrateDown()).error).toBeUndefined();
        }
        expect(await tables(db)).toEqual([]);
        expect((await migrator.migrateToLatest()).error).toBeUndefined();
        expect(await tables(db)).toEqual(latest);
      } finally {
        await db.destroy();
      }
    });
  });
}

migrationSuite('sqlite', () =>
  Promise.resolve(
    new Kysely<unknown>({ dialect: new SqliteDialect({ database: new SqliteDatabase(':memory:') }) }),
  ),
);

const postgresBin = findPostgresBin();
if (postgresBin !== undefined) {
  let server: PostgresServer;
  let databases = 0;
  beforeAll(async () => {
    server = await startPostgres(postgresBin);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
  });
  migrationSuite('postgres', async () => {
    const url = await server.createDatabase(`migrations_${++databases}`);
    return new Kysely<unknown>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 2 }) }),
    });
  });
} else if (process.env.CI === 'true') {
  describe('migrations on postgres', () => {
    it('needs the PostgreSQL server binaries under CI', () => {
      throw new Error(POSTGRES_MISSING);
    });
  });
} else {
  describe.skip(`migrations on postgres (skipped: ${POSTGRES_MISSING})`, () => {
    it('runs the migrations against PostgreSQL', () => undefined);
  });
}
