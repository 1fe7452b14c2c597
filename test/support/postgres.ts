// SPDX-License-Identifier: MIT
/**
 * A throw-away PostgreSQL server for tests, started from Debian's `postgresql` package binaries on a free
 * loopback port, with its data and socket folders in a fresh temporary directory.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { freeLoopbackPort } from './net.js';

const run = promisify(execFile);
const POSTGRES_ROOT = '/usr/lib/postgresql';

/** A running test server. */
export interface PostgresServer {
  /** Connection URL of the `postgres` maintenance database. */
  readonly url: string;
  /** Creates an empty database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server, keeping its data (a database outage). */
  pause(): Promise<void>;
  /** Starts a paused server again on the same port. */
  resume(): Promise<void>;
  /** Stops the server and deletes its folder. */
  stop(): Promise<void>;
}

/** The newest installed `/usr/lib/postgresql/<version>/bin` that has `initdb`, or `undefined`. */
export function findPostgresBin(): string | undefined {
  if (!existsSync(POSTGRES_ROOT)) return undefined;
  const versions = readdirSync(POSTGRES_ROOT)
    .filter((v) => existsSync(join(POSTGRES_ROOT, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions.length > 0 ? join(POSTGRES_ROOT, versions[0], 'bin') : undefined;
}

/** Why the PostgreSQL half of a suite cannot run here; the hint names the Debian package. */
export const POSTGRES_MISSING =
  'PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin: install the Debian package `postgresql` ' +
  '(apt-get install -y postgresql) to run the API suite against PostgreSQL';

/** The uid and gid of the `postgres` user (initdb and the server refuse to run as root). */
async function postgresUser(): Promise<{ uid: number; gid: number }> {
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/** Runs a PostgreSQL binary as `postgres` when we are root (via runuser), else as ourselves. */
function asPostgres(bin: string, args: readonly string[]): Promise<{ stdout: string }> {
  const isRoot = process.getuid?.() === 0;
  return isRoot ? run('runuser', ['-u', 'postgres', '--', bin, ...args]) : run(bin, [...args]);
}

/** Starts a fresh server bound to 127.0.0.1 with trust authentication (tests only). */
export async function startPostgres(bin: string): Promise<PostgresServer> {
  const dir = mkdtempSync(join(tmpdir(), 'endotwin-pg-'));
  const data = join(dir, 'data');
  const socket = join(dir, 'socket');
  mkdirSync(socket);
  if (process.getuid?.() === 0) {
    const { uid, gid } = await postgresUser();
    for (const path of [dir, socket]) chownSync(path, uid, gid);
  }
  await asPostgres(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-sync',
  ]);
  const port = await freeLoopbackPort();
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${socket} -c fsync=off -c full_page_writes=off`;
  const start = (): Promise<unknown> =>
    asPostgres(join(bin, 'pg_ctl'), [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-o',
      options,
      '-w',
      'start',
    ]);
  await start();
  let running = true;
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    async createDatabase(name: string): Promise<string> {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name must be snake_case, got ${name}`);
      await asPostgres(join(bin, 'psql'), [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-c',
        `CREATE DATABASE ${name}`,
      ]);
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async pause(): Promise<void> {
      await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    async resume(): Promise<void> {
      await start();
      running = true;
    },
    async stop(): Promise<void> {
      if (running) await asPostgres(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A describe block with a throw-away PostgreSQL server started before its tests and stopped after them; `body`
 * gets the running server. Without the binaries the block is skipped, naming the Debian package (under CI=true it
 * fails instead).
 */
export function describeWithPostgres(title: string, body: (postgres: () => PostgresServer) => void): void {
  const bin = findPostgresBin();
  if (bin === undefined) {
    describe(title, () => {
      it('needs the PostgreSQL server binaries under CI', () => {
        if (process.env.CI === 'true') throw new Error(POSTGRES_MISSING);
      });
    });
    describe.skip(`${title} (skipped: ${POSTGRES_MISSING})`, () => {
      it('runs against PostgreSQL', () => undefined);
    });
    return;
  }
  describe(title, () => {
    let server: PostgresServer | undefined;
    beforeAll(async () => {
      server = await startPostgres(bin);
    }, 120_000);
    afterAll(async () => {
      await server?.stop();
    }, 60_000);
    body(() => {
      if (server === undefined) throw new Error('the PostgreSQL test server has not started');
      return server;
    });
  });
}
