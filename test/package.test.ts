// SPDX-License-Identifier: MIT
// The package as a user gets it: `npm pack`, installed into an empty folder, then the installed `endotwin serve`
// serves the web app at `/` and the subpath exports import. Slow (an npm install): every step waits on an outcome
// (a process exit, the server's "running" line), never on a fixed time.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const INSTALL_TIMEOUT_MS = 15 * 60_000;

interface PackedFile {
  path: string;
}

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${args.join(' ')} failed (${String(result.status)}): ${result.stderr.slice(-2000)}`,
    );
  }
  return result.stdout;
}

/** Starts the installed CLI's `serve` on a free port and resolves with its URL once it says it is running. */
function startServe(folder: string, child: { process?: ChildProcess }): Promise<string> {
  const cli = join(folder, 'node_modules', 'endotwin', 'dist', 'cli', 'main.js');
  const server = spawn(process.execPath, [cli, 'serve', '--port', '0', '--db', ':memory:'], {
    cwd: folder,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.process = server;
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /running: open (http:\/\/\S+) in a browser/.exec(output);
      if (match) resolve(match[1]);
    };
    server.stdout.on('data', onData);
    server.stderr.on('data', onData);
    server.on('exit', (code) => reject(new Error(`endotwin serve exited (${String(code)}): ${output}`)));
  });
}

describe('the packed package', () => {
  const work = mkdtempSync(join(tmpdir(), 'endotwin-pack-'));
  const folder = join(work, 'app');
  const child: { process?: ChildProcess } = {};
  let files: string[] = [];

  beforeAll(() => {
    // dist/ and web/dist/ are what the package ships; `npm test` builds them first, this makes sure alone too.
    run(process.execPath, ['scripts/ensure.mjs'], root);
    const packed = JSON.parse(
      run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root),
    ) as { filename: string; files: PackedFile[] }[];
    files = packed[0].files.map((f) => f.path);
    // An empty project of its own, so npm does not look for one in a parent folder.
    mkdirSync(folder);
    run('npm', ['init', '-y'], folder);
    // --ignore-scripts: better-sqlite3 would compile itself here (minutes); its native build is copied from ours
    // below instead, the same version for the same Node. Everything else installs as it would for a user.
    run(
      'npm',
      [
        'install',
        '--ignore-scripts',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        join(work, packed[0].filename),
      ],
      folder,
    );
    const sqlite = (base: string) => join(base, 'node_modules', 'better-sqlite3');
    const version = (base: string) =>
      (JSON.parse(readFileSync(join(sqlite(base), 'package.json'), 'utf8')) as { version: string }).version;
    expect(version(folder)).toBe(version(root));
    cpSync(join(sqlite(root), 'build'), join(sqlite(folder), 'build'), { recursive: true });
  }, INSTALL_TIMEOUT_MS);

  afterAll(() => {
    child.process?.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  });

  it('ships the built web app (compressed copies, no source maps) and the licence, changelog and citation', () => {
    expect(files).toContain('web/dist/index.html');
    expect(files.some((f) => /^web\/dist\/assets\/.*\.js\.br$/.test(f))).toBe(true);
    expect(files.filter((f) => f.startsWith('web/dist/') && f.endsWith('.map'))).toEqual([]);
    for (const file of ['LICENSE', 'CHANGELOG.md', 'CITATION.cff', 'dist/cli/main.js'])
      expect(files).toContain(file);
    expect(files.filter((f) => f.endsWith('.test.ts'))).toEqual([]);
  });

  it('imports the main entry and the subpath exports from the installed package', () => {
    const script = `for (const name of ['endotwin', 'endotwin/analysis', 'endotwin/protocol', 'endotwin/cohort', 'endotwin/twin', 'endotwin/estimation']) {
      const m = await import(name);
      console.log(name, Object.keys(m).length);
    }`;
    const out = run(process.execPath, ['--input-type=module', '-e', script], folder);
    const counts = out
      .trim()
      .split('\n')
      .map((line) => Number(line.split(' ')[1]));
    expect(counts).toHaveLength(6);
    for (const count of counts) expect(count).toBeGreaterThan(0);
  });

  it('serves the web app at / from the installed endotwin serve', async () => {
    const url = await startServe(folder, child);
    const page = await fetch(`${url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<div id="root"></div>');
    const health = (await (await fetch(`${url}/health`)).json()) as { version: string };
    expect(health.version).toBe(
      (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version,
    );
    expect(existsSync(join(folder, 'node_modules', 'endotwin', 'web', 'dist', 'index.html'))).toBe(true);
  });
});
