// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { progressText } from './request-progress.js';

describe('the progress line of a long request', () => {
  it('says what the server is doing, with the steps it knows and the time so far', () => {
    expect(progressText(null, 0)).toBe('Starting… 0 s');
    expect(progressText({ phase: 'pending', done: 0, total: null, finished: false }, 1)).toBe(
      'Starting… 1 s',
    );
    expect(progressText({ phase: 'fit', done: 17, total: null, finished: false }, 3)).toBe(
      'Fitting the twin: simulation 17 · 3 s',
    );
    expect(progressText({ phase: 'predict', done: 4, total: 20, finished: false }, 9)).toBe(
      'Predicting: draw 4 of 20 · 9 s',
    );
    expect(progressText({ phase: 'sensitivity', done: 30, total: 45, finished: false }, 12)).toBe(
      'Simulating: run 30 of 45 · 12 s',
    );
  });
});
