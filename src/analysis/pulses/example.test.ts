// SPDX-License-Identifier: MIT
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatSeriesCsv, parseSeriesCsv } from './csv.js';
import { GH_SYNTHETIC_DEFAULTS, seededRandom, syntheticGhSeries } from './synthetic.js';

describe('examples/gh-series-sample.csv', () => {
  it('is exactly the synthetic series of docs/analysis.md: GH_SYNTHETIC_DEFAULTS, seed 2026, 3 decimals', () => {
    const text = readFileSync(new URL('../../../examples/gh-series-sample.csv', import.meta.url), 'utf8');
    const regenerated = formatSeriesCsv(
      syntheticGhSeries(GH_SYNTHETIC_DEFAULTS, seededRandom(2026)).series,
      3,
    );
    expect(text).toBe(regenerated);
    expect(parseSeriesCsv(text).t_min.length).toBe(145);
  });
});
