// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { SERIES_NAMES } from '../scenario/vocabulary.js';
import { seriesNames } from './screening.js';

describe('series names', () => {
  it('the vocabulary lists exactly the compiled model outputs, in the model order', () => {
    expect([...SERIES_NAMES]).toEqual([...seriesNames()]);
  });
});
