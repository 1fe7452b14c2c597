// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { KEEP_MS, MAX_TRACKED, ProgressBoard } from './progress-board.js';

describe('ProgressBoard', () => {
  it('keeps the latest report of a token and marks it finished', () => {
    const board = new ProgressBoard();
    board.report('a', { phase: 'fit', done: 3, total: null, finished: false });
    board.report('a', { phase: 'predict', done: 2, total: 10, finished: false });
    expect(board.get('a')).toEqual({ phase: 'predict', done: 2, total: 10, finished: false });
    board.finish('a');
    expect(board.get('a')?.finished).toBe(true);
    expect(board.get('b')).toBeUndefined();
  });

  it('forgets a token a minute after its last report, and the oldest past its size limit', () => {
    let now = 0;
    const board = new ProgressBoard(() => now);
    board.report('old', { phase: 'fit', done: 1, total: null, finished: false });
    now = KEEP_MS / 2;
    board.report('new', { phase: 'fit', done: 1, total: null, finished: false });
    now = KEEP_MS + 1;
    expect(board.get('old')).toBeUndefined();
    expect(board.get('new')).toBeDefined();
    for (let i = 0; i <= MAX_TRACKED; i++) {
      board.report(`t${i}`, { phase: 'fit', done: i, total: null, finished: false });
    }
    expect(board.get('new')).toBeUndefined();
    expect(board.get(`t${MAX_TRACKED}`)?.done).toBe(MAX_TRACKED);
  });
});
