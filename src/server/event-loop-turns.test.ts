// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { withEventLoopTurns } from './event-loop-turns.js';

describe('withEventLoopTurns', () => {
  it('lets the event loop run between items that are ready at once', async () => {
    // Items whose promises are already settled, as chunks made from a synchronous database are.
    const ready = (): AsyncIterable<string> => ({
      [Symbol.asyncIterator]: () => {
        const items = ['a', 'b', 'c'];
        return {
          next: () =>
            Promise.resolve(
              items.length > 0
                ? { done: false, value: items.shift() as string }
                : { done: true, value: undefined },
            ),
        };
      },
    });
    const seen: string[] = [];
    setImmediate(() => seen.push('other work'));
    for await (const item of withEventLoopTurns(ready())) seen.push(item);
    expect(seen).toEqual(['a', 'other work', 'b', 'c']);

    // Without it, the same items pass before anything else runs.
    const plain: string[] = [];
    setImmediate(() => plain.push('other work'));
    for await (const item of ready()) plain.push(item);
    expect(plain).toEqual(['a', 'b', 'c']);
  });
});
