// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { IGF1_REFERENCE, igf1Reference, igf1Sds } from './igf1-sds.js';
import { normalCdf } from './normal.js';

describe('normalCdf', () => {
  // Reference values of Φ from the exact erfc (Python math.erfc), to 7 significant digits.
  it.each([
    [0, 0.5],
    [1, 0.8413447],
    [-1, 0.1586553],
    [1.96, 0.9750021],
    [-2.5, 0.006209665],
    [3, 0.9986501],
  ])('Φ(%f) = %f', (z, expected) => {
    expect(normalCdf(z)).toBeCloseTo(expected, 6);
  });
});

describe('igf1Reference', () => {
  it('reproduces each table row exactly at its age', () => {
    for (const row of IGF1_REFERENCE) {
      const male = igf1Reference(row.ageYears, 'male');
      expect(male.lower).toBeCloseTo(row.male[0], 9);
      expect(male.upper).toBeCloseTo(row.male[1], 9);
      const female = igf1Reference(row.ageYears, 'female');
      expect(female.lower).toBeCloseTo(row.female[0], 9);
      expect(female.upper).toBeCloseTo(row.female[1], 9);
    }
  });

  it('gives the median as the geometric mean and SD_ln as ln(upper/lower)/3.92 (man of 50: 66–221 ng/mL)', () => {
    const ref = igf1Reference(50, 'male');
    expect(ref.median).toBeCloseTo(Math.sqrt(66 * 221), 9); // 120.77, as physiology.md's "≈ 121"
    expect(ref.median).toBeCloseTo(120.7725, 3);
    expect(ref.sdLn).toBeCloseTo(0.3082928, 6);
  });

  it('interpolates ln(bounds) linearly in age (man of 62: 2/5 of the way from 60 to 65)', () => {
    const ref = igf1Reference(62, 'male');
    // exp(0.6 ln 55 + 0.4 ln 49) and exp(0.6 ln 211 + 0.4 ln 209), computed by hand.
    expect(ref.lower).toBeCloseTo(52.51653, 4);
    expect(ref.upper).toBeCloseTo(210.19771, 4);
    expect(ref.median).toBeCloseTo(105.06596, 4);
    expect(ref.referenceAgeYears).toBe(62);
  });

  it('clamps ages outside 20–75 to the nearest row and says which age it used', () => {
    expect(igf1Reference(18, 'female')).toMatchObject({ lower: 111, upper: 423, referenceAgeYears: 20 });
    const old = igf1Reference(90, 'male');
    expect(old.lower).toBeCloseTo(48, 9);
    expect(old.referenceAgeYears).toBe(75);
  });
});

describe('igf1Sds', () => {
  it('puts the table bounds at ±1.96 SD and the 2.5th/97.5th percentiles', () => {
    const high = igf1Sds(50, 'male', 221);
    expect(high.sds).toBeCloseTo(1.96, 9);
    expect(high.percentile).toBeCloseTo(97.5, 3);
    const low = igf1Sds(50, 'male', 66);
    expect(low.sds).toBeCloseTo(-1.96, 9);
    expect(low.percentile).toBeCloseTo(2.5, 3);
    expect(igf1Sds(50, 'male', Math.sqrt(66 * 221)).sds).toBeCloseTo(0, 12);
  });

  it('matches a hand computation (man of 62, IGF-1 100 ng/mL: SDS −0.1397, 44.4th percentile)', () => {
    const r = igf1Sds(62, 'male', 100);
    expect(r.sds).toBeCloseTo(-0.13968, 4);
    expect(r.percentile).toBeCloseTo(44.446, 2);
  });

  it('matches a hand computation above range (man of 50, 300 ng/mL: SDS 2.951)', () => {
    expect(igf1Sds(50, 'male', 300).sds).toBeCloseTo(2.95133, 4);
  });

  it('differs by sex (woman of 70 has a higher upper bound than a man of 70)', () => {
    expect(igf1Sds(70, 'female', 200).sds).toBeLessThan(igf1Sds(70, 'male', 200).sds);
  });

  it('rejects values it cannot place, naming them', () => {
    expect(() => igf1Sds(50, 'male', 0)).toThrow('IGF-1 must be a positive number of ng/mL, got 0');
    expect(() => igf1Sds(Number.NaN, 'male', 100)).toThrow(
      'age must be a finite number of years ≥ 0, got NaN',
    );
    expect(() => igf1Sds(50, 'other' as 'male', 100)).toThrow('sex must be male or female, got "other"');
  });
});
