// SPDX-License-Identifier: MIT
/**
 * Versioned schema migrations, identical for SQLite and PostgreSQL except for the binary column type. They run in
 * name order at open (Kysely's Migrator records them in `kysely_migration`); never edit a released migration, add
 * a new one.
 */
import { sql } from 'kysely';
import type { Kysely, Migration, MigrationProvider } from 'kysely';
import { trialsMigration } from './trials.js';

/** The two supported back-ends. */
export type DialectName = 'sqlite' | 'postgres';

function binaryType(dialect: DialectName): ReturnType<typeof sql.raw> {
  return sql.raw(dialect === 'postgres' ? 'bytea' : 'blob');
}

/** 0001: patients, scenarios, runs, results, result series and API tokens. */
function initialSchema(dialect: DialectName): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('patients')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('covariates', 'text', (c) => c.notNull())
        .addColumn('labs', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('scenarios')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('runs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('scenario', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) =>
          c.notNull().check(sql`status in ('queued', 'running', 'done', 'failed', 'interrupted')`),
        )
        .addColumn('progress', 'double precision', (c) =>
          c
            .notNull()
            .defaultTo(0)
            .check(sql`progress >= 0 and progress <= 1`),
        )
        .addColumn('error', 'text')
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text')
        .addColumn('finished_at', 'text')
        .execute();
      await db.schema.createIndex('runs_status').on('runs').column('status').execute();
      await db.schema.createIndex('runs_created_at').on('runs').column('created_at').execute();
      await db.schema
        .createTable('results')
        .addColumn('run_id', 'text', (c) => c.primaryKey().references('runs.id').onDelete('cascade'))
        .addColumn('document', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('result_series')
        .addColumn('run_id', 'text', (c) => c.notNull().references('results.run_id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('length', 'integer', (c) => c.notNull())
        .addColumn('data', binaryType(dialect), (c) => c.notNull())
        .addPrimaryKeyConstraint('result_series_pk', ['run_id', 'name'])
        .execute();
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['api_tokens', 'result_series', 'results', 'runs', 'scenarios', 'patients']) {
        await db.schema.dropTable(table).execute();
      }
    },
  };
}

/** 0003: token scopes (existing tokens keep read and write). */
function tokenScopes(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .alterTable('api_tokens')
        .addColumn('scope', 'text', (c) =>
          c
            .notNull()
            .defaultTo('read-write')
            .check(sql`scope in ('read', 'read-write')`),
        )
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('api_tokens').dropColumn('scope').execute();
    },
  };
}

/** 0004: a saved scenario's description (the leading comment of an example file). */
function scenarioDescription(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('scenarios').addColumn('description', 'text').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('scenarios').dropColumn('description').execute();
    },
  };
}

/** 0005: server identities with heartbeats, and the owner of each active run and trial. */
function serverLeases(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('servers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('label', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('heartbeat_ms', 'double precision', (c) => c.notNull())
        .execute();
      for (const table of ['runs', 'trials']) {
        await db.schema.alterTable(table).addColumn('server_id', 'text').execute();
      }
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['runs', 'trials']) {
        await db.schema.alterTable(table).dropColumn('server_id').execute();
      }
      await db.schema.dropTable('servers').execute();
    },
  };
}

/** 0006: the draws a run's uncertainty bands are computed from (null: no bands); after 0005's `servers`. */
function runUncertaintyDraws(): Migration {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('runs').addColumn('uncertainty_draws', 'integer').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('runs').dropColumn('uncertainty_draws').execute();
    },
  };
}

/** All migrations for a dialect, keyed by their sortable version name. */
export function migrationsFor(dialect: DialectName): Record<string, Migration> {
  return {
    '0001_initial': initialSchema(dialect),
    '0002_trials': trialsMigration(),
    '0003_token_scopes': tokenScopes(),
    '0004_scenario_description': scenarioDescription(),
    '0005_server_leases': serverLeases(),
    '0006_run_uncertainty_draws': runUncertaintyDraws(),
  };
}

/** A Kysely migration provider over the in-code migrations (no file-system scanning, so it works when bundled). */
export function migrationProvider(dialect: DialectName): MigrationProvider {
  return { getMigrations: () => Promise.resolve(migrationsFor(dialect)) };
}
