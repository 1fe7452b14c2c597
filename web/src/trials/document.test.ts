// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addArm, armsOf, EXAMPLE_TRIAL, removeArm, submittable } from './document.js';

describe('trial document editing', () => {
  it('lists the example’s arms', () => {
    expect(armsOf(EXAMPLE_TRIAL).map((a) => a.name)).toEqual(['placebo', 'sermorelin']);
    expect(armsOf(EXAMPLE_TRIAL)[1].lines[0]).toMatch(/^sermorelin 500 mcg sc at "bedtime"/);
    expect(armsOf('not: [valid')).toEqual([]);
  });

  it('adds and removes arms, keeping the rest of the document', () => {
    const added = addArm(EXAMPLE_TRIAL, {
      name: 'rhgh',
      drug: 'rhgh',
      amount: 0.3,
      unit: 'mg',
      route: 'sc',
      at: '21:00',
    });
    expect(armsOf(added).map((a) => a.name)).toEqual(['placebo', 'sermorelin', 'rhgh']);
    expect((parse(added) as { population: { n: number } }).population.n).toBe(20);
    expect(armsOf(removeArm(added, 1)).map((a) => a.name)).toEqual(['placebo', 'rhgh']);
  });

  it('always asks for per-patient endpoints (the distributions need them)', () => {
    expect(submittable('duration_days: 7\noutput: { shard_size: 2 }').output).toEqual({
      shard_size: 2,
      patients: true,
    });
  });
});
