// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { parseLabsCsv } from '../analysis/labs-import.js';
import { logNormalMixtureQuantile } from './numeric.js';
import { TwinInputError, observationsFromLabs } from './observations.js';

describe('quantiles', () => {
  it('gives the log-normal quantile for a one-component mixture, and the median of symmetric mixtures', () => {
    // Log-normal(ln 100, 0.2): 95th percentile 100·exp(1.644854·0.2).
    expect(logNormalMixtureQuantile([100], 0.2, 0.95)).toBeCloseTo(100 * Math.exp(1.644854 * 0.2), 4);
    expect(logNormalMixtureQuantile([50, 200], 0.1, 0.5)).toBeCloseTo(100, 3);
  });
});

describe('observationsFromLabs', () => {
  const csv =
    'date,lab,value,unit\n2024-03-01,igf1,98,ng/mL\n2024-03-29T08:15:00+01:00,2484-4,17.3,nmol/L\n2024-04-26,glucose_fasting,5.6,mmol/L\n';

  it('counts whole days from the first draw, in canonical units', () => {
    expect(observationsFromLabs(parseLabsCsv(csv))).toEqual([
      { day: 0, lab: 'igf1', value: 98 },
      { day: 28, lab: 'igf1', value: 17.3 / 0.131 },
      { day: 56, lab: 'glucose_fasting', value: 5.6 * 18 },
    ]);
  });

  it('counts from a given day 0 and names a draw before it', () => {
    expect(observationsFromLabs(parseLabsCsv(csv), '2024-02-28')[0].day).toBe(2);
    expect(() => observationsFromLabs(parseLabsCsv(csv), '2024-03-02')).toThrow(TwinInputError);
    expect(() => observationsFromLabs(parseLabsCsv(csv), '2024-03-02')).toThrow(
      /labs\[0\]\.date: 2024-03-01 is before day 0/,
    );
  });
});
