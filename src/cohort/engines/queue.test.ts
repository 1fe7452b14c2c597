// SPDX-License-Identifier: MIT
/**
 * The distributed engine against a real Redis (Debian's `redis-server`, started here on a free loopback port with
 * persistence off): two `endotwin worker` processes take the shards, one is killed with SIGKILL while it holds a
 * shard, the coordinator itself is stopped and restarted midway, and the result must equal the single-process
 * run byte for byte: no patient lost, none counted twice. Without redis-server the test is skipped (install the
 * Debian package `redis-server`), except under CI=true, where it fails.
 */
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeLoopbackPort } from '../../../test/support/net.js';
import { parseTrial } from '../parse.js';
import { runTrial, runTrialInProcess } from '../run.js';
import { QUEUE_NAME, trialKeys } from './queue-keys.js';
import { QueueClosedError, QueueEngine } from './queue.js';
import { waitUntil } from '../../../test/support/wait.js';

const hasRedis = spawnSync('redis-server', ['--version']).status === 0;
if (!hasRedis && process.env['CI'] === 'true') {
  throw new Error('redis-server is required under CI=true: install the Debian package redis-server');
}

const trial = parseTrial({
  name: 'queue kill test',
  seed: 21,
  duration_days: 28,
  population: { n: 16, age_years: { min: 55, max: 71 } },
  arms: [
    { name: 'placebo', regimen: [] },
    {
      name: 'sermorelin',
      regimen: [{ drug: 'sermorelin', dose: { amount: 500, unit: 'mcg' }, route: 'sc', at: 'bedtime' }],
    },
  ],
  endpoints: ['igf1_change_pct', 'gh_mean_change_pct', 'lean_mass_change_kg'],
  output: { patients: true, shard_size: 2 },
});

function startWorker(url: string, log: string[]): ChildProcess {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const main = fileURLToPath(new URL('../../cli/main.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    ['--import', tsx, main, 'worker', '--queue', url, '--lock-ms', '4000'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  return child;
}

describe.skipIf(!hasRedis)('BullMQ engine on a real Redis', () => {
  let redisServer: ChildProcess;
  let url = '';
  let redis: Redis;
  const workers: ChildProcess[] = [];
  const workerLog: string[] = [];

  beforeAll(async () => {
    const port = await freeLoopbackPort();
    url = `redis://127.0.0.1:${port}`;
    redisServer = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    redis = new Redis(url, { maxRetriesPerRequest: null, retryStrategy: () => 100 });
    redis.on('error', () => undefined);
    await waitUntil(async () => (await redis.ping().catch(() => '')) === 'PONG', 'redis-server');
  });

  afterAll(() => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    redis?.disconnect();
    redisServer?.kill('SIGTERM');
  });

  it('a killed worker and a restarted coordinator lose no patient and count none twice', async () => {
    const reference = runTrialInProcess(trial);
    workers.push(startWorker(url, workerLog), startWorker(url, workerLog));
    const victim = workers[0];
    const victimName = new RegExp(`:${victim.pid}$`);
    const queueConnection = new Redis(url, { maxRetriesPerRequest: null });
    const queue = new Queue(QUEUE_NAME, { connection: queueConnection });
    const logs: string[] = [];

    // First coordinator: stopped after the first shards are in (a coordinator restart).
    const first = new QueueEngine({ url, pollMs: 50, onLog: (m) => logs.push(m) });
    let resultsKey = '';
    const firstRun = runTrial(trial, first, {
      onPlan: (plan) => (resultsKey = trialKeys(first.idOf(plan)).results),
    }).catch((error: unknown) => error);
    await waitUntil(async () => resultsKey !== '' && (await redis.hlen(resultsKey)) >= 1, 'a first shard');
    await first.close();
    expect(await firstRun).toBeInstanceOf(QueueClosedError);

    // The victim is killed while it holds a shard.
    let held: { shardId: number } | undefined;
    await waitUntil(async () => {
      held = (await queue.getActive()).find((job) => victimName.test(job.processedBy ?? ''))?.data as
        { shardId: number } | undefined;
      return held !== undefined;
    }, 'the victim to take a shard');
    victim.kill('SIGKILL');

    // Second coordinator on the same document: resumes from Redis and finishes with the surviving worker.
    const second = new QueueEngine({ url, pollMs: 50, onLog: (m) => logs.push(m) });
    try {
      const result = await runTrial(trial, second);
      expect(JSON.stringify(result)).toBe(JSON.stringify(reference));
    } finally {
      await second.close();
      await queue.close();
      queueConnection.disconnect();
    }
    expect(logs.some((m) => /resuming/.test(m))).toBe(true);
    expect(await redis.hlen(resultsKey)).toBe(8);
    // The shard the victim held when it died was taken over by the other worker.
    expect(await redis.hexists(resultsKey, String(held?.shardId))).toBe(1);
  });
});
