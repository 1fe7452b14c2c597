// SPDX-License-Identifier: MIT
/**
 * Streaming a large response without starving other requests. Chunks made from an in-process database (SQLite
 * answers synchronously) and written to a socket whose kernel buffer still has room are produced in one chain of
 * promise callbacks: nothing else runs until the buffer is full, several megabytes later. Yielding to the event
 * loop after each chunk lets `/health` and other requests through while a large result is streamed.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Passes on every item of `source`, letting the event loop run after each one. */
export async function* withEventLoopTurns<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  for await (const item of source) {
    yield item;
    await nextTurn();
  }
}
