// SPDX-License-Identifier: MIT
/**
 * Opening the store: `postgres://…` (or `postgresql://…`) selects PostgreSQL, anything else is a SQLite file path
 * (or `:memory:`). Migrations run at open. Opening touches no run or trial: the servers recover the work of
 * servers that are gone (`servers` table, src/server/jobs/server-presence.ts).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Dialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.js';
import { StoreError, checkSqlitePathWritable, describeStoreError } from './operational-errors.js';
import type { DialectName } from './migrations.js';
import { PatientRepository } from './patients.js';
import { ResultRepository } from './results.js';
import { RunRepository } from './runs.js';
import { ScenarioRepository } from './scenarios.js';
import { ServerRepository } from './servers.js';
import type { Database } from './tables.js';
import { TokenRepository } from './tokens.js';
import { TrialRepository } from './trials.js';

/** An open store: one repository per table group. */
export class Store {
  readonly patients: PatientRepository;
  readonly scenarios: ScenarioRepository;
  readonly runs: RunRepository;
  readonly results: ResultRepository;
  readonly tokens: TokenRepository;
  readonly trials: TrialRepository;
  readonly servers: ServerRepository;

  constructor(
    /** The Kysely handle, for callers that need a query the repositories do not offer. */
    readonly db: Kysely<Database>,
    readonly dialect: DialectName,
  ) {
    this.patients = new PatientRepository(db);
    this.scenarios = new ScenarioRepository(db);
    this.runs = new RunRepository(db);
    this.results = new ResultRepository(db);
    this.tokens = new TokenRepository(db);
    this.trials = new TrialRepository(db);
    this.servers = new ServerRepository(db, dialect);
  }

  /**
   * Whether the database answers a trivial query within `timeoutMs`: `true`, or `false` when it is unreachable,
   * busy or too slow (for `/health`).
   */
  async ping(timeoutMs = 2000): Promise<boolean> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), timeoutMs);
    });
    const query = sql`select 1`.execute(this.db).then(
      () => true,
      () => false,
    );
    try {
      return await Promise.race([query, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the connection (SQLite file or PostgreSQL pool). */
  close(): Promise<void> {
    return this.db.destroy();
  }
}

/** `true` for a PostgreSQL connection URL. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

function sqliteDialect(path: string): Dialect {
  if (path !== ':memory:' && !path.startsWith('file:')) {
    mkdirSync(dirname(path), { recursive: true });
    checkSqlitePathWritable(path);
  }
  let database: SqliteDatabase.Database;
  try {
    database = new SqliteDatabase(path);
  } catch (error) {
    throw describeStoreError(error, path);
  }
  database.pragma('journal_mode = WAL'); // readers do not block the writer; ignored for :memory:
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new SqliteDialect({ database });
}

function postgresDialect(url: string): Dialect {
  // A bounded connection wait: with the server down, a request fails within seconds (503) instead of hanging.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client losing its connection (server restart) emits 'error' on the pool; without a listener that
  // would crash the process. The next query reports the problem to its caller instead.
  pool.on('error', () => undefined);
  return new PostgresDialect({ pool });
}

async function migrate(db: Kysely<Database>, dialect: DialectName): Promise<void> {
  const { error } = await new Migrator({ db, provider: migrationProvider(dialect) }).migrateToLatest();
  if (error !== undefined) {
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`store migration failed: ${reason}`, { cause: error });
  }
}

/**
 * Opens (and migrates) the store at `location`: a `postgres://` URL or a SQLite path (`:memory:` allowed). Several
 * processes may open one database at once; runs and trials are left as they are.
 * @example const store = await openStore('./endotwin.db');
 */
export async function openStore(location: string): Promise<Store> {
  const dialectName: DialectName = isPostgresUrl(location) ? 'postgres' : 'sqlite';
  const dialect = dialectName === 'postgres' ? postgresDialect(location) : sqliteDialect(location);
  const db = new Kysely<Database>({ dialect });
  try {
    await migrate(db, dialectName);
    return new Store(db, dialectName);
  } catch (error) {
    await db.destroy();
    // A migration error wraps the driver's; a disk-full or read-only cause is the news, anything else keeps its
    // context.
    const where = dialectName === 'sqlite' ? location : 'in PostgreSQL';
    const described = describeStoreError(error instanceof Error ? (error.cause ?? error) : error, where);
    throw described instanceof StoreError ? described : describeStoreError(error, where);
  }
}
