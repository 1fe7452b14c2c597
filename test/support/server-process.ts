// SPDX-License-Identifier: MIT
/**
 * The API server in a child process, for tests that kill a server (SIGKILL) or measure its memory. Started by
 * {@link startServerProcess}; the child opens the store named in its environment, listens on a free loopback port
 * and tells the parent its address over IPC. Asked `{ type: 'live-memory' }`, it collects all garbage and answers
 * with the memory still in use (JS heap and array buffers): what the server holds at that moment, not what it
 * happens not to have collected yet. SIGTERM closes it cleanly (its unfinished runs become interrupted).
 */
import { fork } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { READINESS_TIMEOUT_MS } from './wait.js';

/** What the parent passes to the child (as JSON in ENDOTWIN_TEST_SERVER). */
interface ChildConfig {
  readonly db: string;
  readonly heartbeatMs?: number;
  readonly serverLeaseMs?: number;
}

type ChildMessage = { type: 'listening'; baseUrl: string } | { type: 'live-memory'; bytes: number };

/** A server running in a child process. */
export interface ServerProcess {
  readonly baseUrl: string;
  readonly child: ChildProcess;
  /** The server's JS heap and array buffers in use after a full garbage collection, bytes. */
  liveMemory(): Promise<number>;
  /** SIGSTOP: the process freezes (no heartbeat, no progress) until killed. */
  freeze(): void;
  /** SIGKILL: the process dies at once, as in a crash or an OOM kill. */
  kill(): Promise<void>;
  /** SIGTERM: a clean shutdown. */
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

function nextMessage<T extends ChildMessage['type']>(
  child: ChildProcess,
  type: T,
): Promise<Extract<ChildMessage, { type: T }>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the server process sent no ${type} message in ${READINESS_TIMEOUT_MS} ms`)),
      READINESS_TIMEOUT_MS,
    );
    const onMessage = (message: ChildMessage): void => {
      if (message.type !== type) return;
      cleanup();
      resolve(message as Extract<ChildMessage, { type: T }>);
    };
    const onExit = (code: number | null): void => {
      cleanup();
      reject(new Error(`the server process exited (${code}) before its ${type} message`));
    };
    const cleanup = (): void => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Starts the API in a child process on `db` and resolves once it listens. */
export async function startServerProcess(config: ChildConfig): Promise<ServerProcess> {
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', tsx, '--expose-gc'],
    env: { ...process.env, ENDOTWIN_TEST_SERVER: JSON.stringify(config) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { baseUrl } = await nextMessage(child, 'listening');
  return {
    baseUrl,
    child,
    async liveMemory() {
      const answer = nextMessage(child, 'live-memory');
      child.send({ type: 'live-memory' });
      return (await answer).bytes;
    },
    freeze() {
      child.kill('SIGSTOP');
    },
    async kill() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      child.kill('SIGTERM');
      await exited(child);
    },
  };
}

/** The child's side: open the store, build the server, listen, answer memory questions. */
async function runChild(config: ChildConfig): Promise<void> {
  const [{ openStore }, { buildServer }] = await Promise.all([
    import('../../src/store/index.js'),
    import('../../src/server/index.js'),
  ]);
  const store = await openStore(config.db);
  const app = await buildServer({
    store,
    workers: 1,
    progressIntervalMs: 100,
    ...(config.heartbeatMs !== undefined ? { heartbeatMs: config.heartbeatMs } : {}),
    ...(config.serverLeaseMs !== undefined ? { serverLeaseMs: config.serverLeaseMs } : {}),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server has no TCP address');

  const send = (message: ChildMessage): void => {
    process.send?.(message);
  };
  process.on('message', (message: { type?: string }) => {
    if (message.type !== 'live-memory') return;
    (globalThis as { gc?: () => void }).gc?.();
    const { heapUsed, arrayBuffers } = process.memoryUsage();
    send({ type: 'live-memory', bytes: heapUsed + arrayBuffers });
  });
  process.once('SIGTERM', () => {
    void app
      .close()
      .then(() => store.close())
      .finally(() => process.exit(0));
  });
  send({ type: 'listening', baseUrl: `http://127.0.0.1:${address.port}` });
}

const childConfig = process.env.ENDOTWIN_TEST_SERVER;
if (childConfig !== undefined && process.send !== undefined) {
  runChild(JSON.parse(childConfig) as ChildConfig).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
