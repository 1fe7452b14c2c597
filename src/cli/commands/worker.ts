// SPDX-License-Identifier: MIT
/**
 * `endotwin worker --queue redis://… [--concurrency N] [--lock-ms MS]`: a trial worker of the distributed engine.
 * It takes shard jobs until it receives SIGINT or SIGTERM, then finishes the shard in hand and exits (a second
 * signal exits at once; the shard is then retried elsewhere). Run one per core, on as many machines as you like.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { invalidInput } from '../errors.js';
import { parseNumberOption } from '../options.js';
import { parseQueueUrl } from './trial.js';

interface WorkerCliOptions {
  queue?: string;
  concurrency?: string;
  lockMs?: string;
}

function wholeNumber(name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = parseNumberOption(name, raw, { min, max });
  if (!Number.isInteger(value))
    throw invalidInput(`${name} must be a whole number from ${min} to ${max}, got ${raw}`);
  return value;
}

/** Resolves at the first SIGINT or SIGTERM; `second` is called on the next one. */
function untilSignal(second: () => void): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals): void => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.once('SIGINT', second);
      process.once('SIGTERM', second);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

async function runWorker(options: WorkerCliOptions, context: CommandContext): Promise<void> {
  if (options.queue === undefined)
    throw invalidInput('--queue is required, e.g. --queue redis://127.0.0.1:6379');
  const url = parseQueueUrl(options.queue);
  const concurrency = wholeNumber('--concurrency', options.concurrency, 1, 64);
  const lockMs = wholeNumber('--lock-ms', options.lockMs, 500, 600_000);
  const [{ startQueueWorker }, { assertRedisReachable }] = await Promise.all([
    import('../../cohort/engines/queue-worker.js'),
    import('../../cohort/engines/redis-reachable.js'),
  ]);
  await assertRedisReachable(url);
  const worker = startQueueWorker({
    url,
    ...(concurrency === undefined ? {} : { concurrency }),
    ...(lockMs === undefined ? {} : { lockMs }),
    onLog: (message) => context.io.err(`${new Date().toISOString()} ${message}\n`),
  });
  context.io.err(`endotwin worker ${process.pid}: taking trial shards from ${url}\n`);
  const signal = await untilSignal(() => process.exit(1));
  context.io.err(`endotwin worker ${process.pid}: ${signal}, finishing the shard in hand\n`);
  await worker.close();
  context.io.err(`endotwin worker ${process.pid}: stopped after ${worker.processed()} shard(s)\n`);
  // BullMQ's own reconnecting connections can outlive close() while Redis is down; they must not keep the
  // stopped worker alive. The timer does not hold the process itself: without such leftovers it exits at once.
  setTimeout(() => process.exit(0), 1000).unref();
}

/** Adds the `worker` command. */
export function registerWorker(program: Command, context: CommandContext): void {
  program
    .command('worker')
    .description('a trial worker for the distributed engine: takes shards from a BullMQ queue on Redis')
    .requiredOption('--queue <url>', 'the Redis URL the coordinator (`endotwin trial --queue`) uses')
    .option(
      '--concurrency <n>',
      'shards worked on at once in this process (default 1; run one process per core)',
    )
    .option(
      '--lock-ms <ms>',
      "a shard's lock time; a killed worker's shard is retried after it (default 30000)",
    )
    .action((options: WorkerCliOptions) => runWorker(options, context));
}
