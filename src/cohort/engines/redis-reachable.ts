// SPDX-License-Identifier: MIT
/**
 * A quick reachability check of Redis before the distributed engine starts: ioredis retries a refused connection
 * forever by default, so without it a coordinator sits at 0 % and a worker idles, both without a word.
 */
import { Redis } from 'ioredis';

/** Redis did not answer in time. */
export class RedisUnreachableError extends Error {
  override name = 'RedisUnreachableError';
}

/** Default time allowed to connect and answer PING, ms. */
export const REDIS_CHECK_TIMEOUT_MS = 5000;

/** The URL as it may be shown: without a password. */
export function shownRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

/**
 * Connects once (no retries) and sends PING.
 * @throws RedisUnreachableError naming the URL (password hidden) and the reason, within about `timeoutMs`.
 */
export async function assertRedisReachable(url: string, timeoutMs = REDIS_CHECK_TIMEOUT_MS): Promise<void> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([client.connect().then(() => client.ping()), timeout]);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RedisUnreachableError(
      `cannot reach Redis at ${shownRedisUrl(url)}: ${reason}; is redis-server running there?`,
    );
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
