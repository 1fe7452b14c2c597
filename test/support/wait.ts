// SPDX-License-Identifier: MIT
/**
 * Waiting for servers, pools and workers in tests. A test waits for a state it can observe (a port answers, a run
 * leaves `running`), polling, never for a fixed sleep. The deadline only catches a state that never comes: it is
 * generous enough that a busy 2-core machine (`npm run test:busy`) reaches the state long before it, and a test
 * that passes does not wait for it.
 */

/**
 * How long a test waits for a server, pool or worker to reach an observable state before it gives up (ms). Vitest's
 * own test and hook timeouts (vitest.config.ts) are longer, so this deadline, with its message, is what a stuck
 * test reports.
 */
export const READINESS_TIMEOUT_MS = 240_000;

/** Options of {@link waitUntil}. */
export interface WaitOptions {
  /** Give up after this many milliseconds (default {@link READINESS_TIMEOUT_MS}). */
  readonly timeoutMs?: number;
  /** Poll interval in milliseconds (default 50). */
  readonly everyMs?: number;
}

/**
 * Resolves once `condition` returns true; polls every `everyMs`. Rejects after the deadline with a message that
 * names `what` was awaited.
 * @example await waitUntil(async () => (await redis.ping()) === 'PONG', 'redis-server to answer PING');
 */
export async function waitUntil(
  condition: () => boolean | Promise<boolean>,
  what: string,
  options: WaitOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  const everyMs = options.everyMs ?? 50;
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
