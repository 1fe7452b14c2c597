// SPDX-License-Identifier: MIT
/**
 * The distributed engine when Redis is not there: the coordinator and the worker fail within seconds naming the
 * URL, and a worker whose Redis went away stops on the first SIGTERM. Needs Debian's `redis-server` for the
 * SIGTERM case (skipped without it, failed under CI=true).
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../../test/support/net.js';
import { parseTrial } from '../parse.js';
import { runTrial } from '../run.js';
import { QueueEngine } from './queue.js';
import { RedisUnreachableError, assertRedisReachable, shownRedisUrl } from './redis-reachable.js';

const UNREACHABLE = 'redis://127.0.0.1:1/';
const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedis && process.env['CI'] === 'true') {
  throw new Error('redis-server is required under CI=true: install the Debian package redis-server');
}

function cli(args: readonly string[]): ChildProcess {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const main = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
  return spawn(process.execPath, ['--import', tsx, main, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
}

function exited(child: ChildProcess, stderr: string[]): Promise<number | null> {
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

describe('Redis unreachable', () => {
  it('hides the password of a URL it shows', () => {
    expect(shownRedisUrl('redis://user:secret@example:6379/0')).toBe('redis://user:***@example:6379/0');
  });

  it('the reachability check fails naming the URL', async () => {
    const error = await assertRedisReachable(UNREACHABLE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnreachableError);
    expect((error as Error).message).toContain('redis://127.0.0.1:1/');
  }, 15_000);

  it('a trial on an unreachable queue fails instead of waiting at 0 %', async () => {
    const trial = parseTrial({
      name: 'unreachable',
      seed: 1,
      duration_days: 7,
      population: { n: 2, age_years: { min: 50, max: 60 } },
      arms: [{ name: 'placebo', regimen: [] }],
      endpoints: ['igf1_change_pct'],
    });
    const engine = new QueueEngine({ url: UNREACHABLE });
    try {
      await expect(runTrial(trial, engine)).rejects.toThrow(
        /cannot reach Redis at redis:\/\/127\.0\.0\.1:1\//,
      );
    } finally {
      await engine.close();
    }
  }, 15_000);

  it('`endotwin worker` exits 1 naming the URL', async () => {
    const stderr: string[] = [];
    const code = await exited(cli(['worker', '--queue', UNREACHABLE]), stderr);
    expect(code).toBe(1);
    expect(stderr.join('')).toContain('cannot reach Redis at redis://127.0.0.1:1/');
  }, 30_000);
});

describe.skipIf(!hasRedis)('worker and SIGTERM', () => {
  it('stops on the first SIGTERM after its Redis went away', async () => {
    const port = await freeLoopbackPort();
    const url = `redis://127.0.0.1:${port}`;
    const redisServer = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const probe = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: () => 100 });
    probe.on('error', () => undefined);
    const stderr: string[] = [];
    let worker: ChildProcess | undefined;
    try {
      while ((await probe.ping().catch(() => '')) !== 'PONG') await new Promise((r) => setTimeout(r, 50));
      worker = cli(['worker', '--queue', url]);
      const exit = exited(worker, stderr);
      while (!stderr.join('').includes('taking trial shards')) await new Promise((r) => setTimeout(r, 50));
      probe.disconnect();
      const redisGone = new Promise((resolve) => redisServer.once('exit', resolve));
      redisServer.kill('SIGTERM');
      await redisGone;
      worker.kill('SIGTERM');
      expect(await exit).toBe(0);
      expect(stderr.join('')).toContain('stopped after 0 shard(s)');
    } finally {
      probe.disconnect();
      if (worker?.exitCode === null) worker.kill('SIGKILL');
      if (redisServer.exitCode === null) redisServer.kill('SIGKILL');
    }
  }, 40_000);
});
