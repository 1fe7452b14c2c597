// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { BURST_MERGE_MIN, BURST_THRESHOLD_UG_PER_LV, BurstCounter, burstCandidates } from './gh-bursts.js';

/** Feeds a secretion-rate function sampled every 5 min over [0, end). */
function feed(counter: BurstCounter, rate: (t: number) => number, end: number): void {
  for (let t = 0; t < end; t += 5) counter.push(t, rate(t));
  counter.close();
}

describe('GH burst counting', () => {
  it('merges candidates closer than the merge interval', () => {
    expect(burstCandidates([100, 0, 100 + BURST_MERGE_MIN - 1, 300])).toEqual([0, 100, 300]);
  });

  it('counts a burst whose mass per litre reaches the threshold, on the day it starts', () => {
    const volume = 6;
    // A 30-min square burst of 1 µg/min above a 0.1 µg/min basal: 30 µg, 5 µg/Lv.
    const rate = (t: number) => (t >= 1500 && t < 1530 ? 1.1 : 0.1);
    const counter = new BurstCounter([1500], volume, 5);
    feed(counter, rate, 2880);
    expect(counter.countOnDay(1)).toBe(1);
    expect(counter.countOnDay(0)).toBe(0);
  });

  it('ignores a candidate that produced less than the threshold above basal', () => {
    const volume = 6;
    const small = (BURST_THRESHOLD_UG_PER_LV * volume) / 2 / 30; // half the threshold over 30 min
    const rate = (t: number) => (t >= 600 && t < 630 ? 0.1 + small : 0.1);
    const counter = new BurstCounter([600], volume, 5);
    feed(counter, rate, 1440);
    expect(counter.countOnDay(0)).toBe(0);
  });

  it('ends a burst window at the next candidate', () => {
    const volume = 1;
    const rate = (t: number) => ((t >= 100 && t < 110) || (t >= 140 && t < 150) ? 1 : 0);
    const counter = new BurstCounter([100, 140], volume, 5);
    feed(counter, rate, 400);
    expect(counter.countOnDay(0)).toBe(2);
  });
});
