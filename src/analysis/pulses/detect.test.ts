// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { detectPulses } from './detect.js';
import { SeriesInputError } from './series.js';
import type { SyntheticSpec } from './synthetic.js';
import { GH_SYNTHETIC_DEFAULTS, seededRandom, syntheticGhSeries } from './synthetic.js';

const noiseFree: SyntheticSpec = { ...GH_SYNTHETIC_DEFAULTS, cv: 0, sdFloor: 0 };

function seriesOf(
  n: number,
  value = (i: number): number => 1 + (i % 3),
): { t_min: number[]; value: number[] } {
  return {
    t_min: Array.from({ length: n }, (_, i) => i * 10),
    value: Array.from({ length: n }, (_, i) => value(i)),
  };
}

describe('detectPulses on noise-free synthetic series', () => {
  const truth = syntheticGhSeries(noiseFree, seededRandom(5));
  const analysis = detectPulses(truth.series);
  const inWindow = truth.pulses.filter((p) => p.tMin >= 0 && p.tMin <= 1430);

  it('finds every burst, within 1 min of its centre and 3 % of its mass', () => {
    expect(analysis.pulses.length).toBe(inWindow.length);
    inWindow.forEach((p, i) => {
      expect(Math.abs(analysis.pulses[i].tMin - p.tMin)).toBeLessThan(1);
      expect(Math.abs(analysis.pulses[i].mass / p.mass - 1)).toBeLessThan(0.03);
    });
  });

  it('recovers the slow half-life (20.7 min), the burst FWHM (20 min) and the basal secretion', () => {
    expect(analysis.slowHalfLifeMin).toBeCloseTo(20.7, 0);
    expect(analysis.burstFwhmMin).toBeCloseTo(20, 0);
    expect(Math.abs(analysis.basalSecretion / noiseFree.basalSecretion - 1)).toBeLessThan(0.1);
    expect(analysis.fastHalfLifeMin).toBe(3.5);
  });

  it('amplitude is the peak secretion rate: mass / (σ√(2π)) with σ from the FWHM', () => {
    const sigma = analysis.burstFwhmMin / (2 * Math.sqrt(2 * Math.LN2));
    analysis.pulses.forEach((p) =>
      expect(p.amplitude).toBeCloseTo(p.mass / (sigma * Math.sqrt(2 * Math.PI)), 10),
    );
  });

  it('keeps the time origin: shifting the times by 8 h shifts the bursts by 8 h', () => {
    const shifted = detectPulses({
      t_min: truth.series.t_min.map((t) => t + 480),
      value: truth.series.value,
    });
    expect(shifted.pulses.length).toBe(analysis.pulses.length);
    shifted.pulses.forEach((p, i) => expect(p.tMin - 480).toBeCloseTo(analysis.pulses[i].tMin, 3));
  });
});

describe('detectPulses on noisy series', () => {
  it('finds no bursts in basal secretion plus assay noise (5 series)', () => {
    for (let seed = 0; seed < 5; seed++) {
      const flat = syntheticGhSeries(
        { ...GH_SYNTHETIC_DEFAULTS, interpulseMin: [1e6, 1e6], leadInMin: 0 },
        seededRandom(seed),
      );
      // The lead-in draws one burst at a random time before 0 or after the window; none falls inside it.
      expect(flat.pulses.every((p) => p.tMin > 1440 || p.tMin < 0)).toBe(true);
      expect(detectPulses(flat.series).pulses.length).toBe(0);
    }
  });

  it('handles uneven sampling: a 10-min series with a fifth of its samples dropped', () => {
    const truth = syntheticGhSeries(GH_SYNTHETIC_DEFAULTS, seededRandom(21));
    const random = seededRandom(99);
    const keep = truth.series.t_min.map((_, i) => i === 0 || random.uniform() > 0.2);
    const series = {
      t_min: truth.series.t_min.filter((_, i) => keep[i]),
      value: truth.series.value.filter((_, i) => keep[i]),
    };
    const found = detectPulses(series).pulses;
    const inWindow = truth.pulses.filter((p) => p.tMin >= 0 && p.tMin <= 1420);
    const matched = inWindow.filter((p) => found.some((d) => Math.abs(d.tMin - p.tMin) <= 20));
    expect(matched.length / inWindow.length).toBeGreaterThanOrEqual(0.9);
    expect(found.length).toBeLessThanOrEqual(inWindow.length + 1);
  });

  it('reports standard errors: the mass SE is smaller than the mass for every kept burst', () => {
    const truth = syntheticGhSeries(GH_SYNTHETIC_DEFAULTS, seededRandom(8));
    const analysis = detectPulses(truth.series);
    analysis.pulses.forEach((p) => {
      expect(p.massSe).toBeGreaterThan(0);
      expect(p.massSe).toBeLessThan(p.mass);
      expect(p.tStatistic).toBeCloseTo(p.mass / p.massSe, 10);
    });
    // The assay model (CV 7 % + 0.02) matches the simulated noise, so the weighted residual RMS is near 1.
    expect(analysis.noiseScale).toBeGreaterThan(0.7);
    expect(analysis.noiseScale).toBeLessThan(1.4);
  });
});

describe('detectPulses input errors', () => {
  it('needs at least 10 samples', () => {
    expect(() => detectPulses(seriesOf(9))).toThrow(/at least 10 samples, got 9/);
  });

  it('names the row of a time that does not increase', () => {
    const s = seriesOf(12);
    s.t_min[4] = 30;
    expect(() => detectPulses(s)).toThrow(/row 5: t_min must increase strictly, got 30 after 30/);
  });

  it('names the row of a negative or non-finite value', () => {
    const negative = seriesOf(12);
    negative.value[6] = -0.2;
    expect(() => detectPulses(negative)).toThrow(/row 7: value must be ≥ 0, got -0.2/);
    const nan = seriesOf(12);
    nan.value[2] = NaN;
    expect(() => detectPulses(nan)).toThrow(SeriesInputError);
    expect(() => detectPulses(nan)).toThrow(/row 3: value must be a finite number/);
  });

  it('rejects arrays of different lengths and bad options', () => {
    expect(() => detectPulses({ t_min: [0, 1], value: [1] })).toThrow(/same length/);
    expect(() => detectPulses(seriesOf(12), { noise: { cv: 1.5 } })).toThrow(/noise.cv: 1.5/);
    expect(() => detectPulses(seriesOf(12), { noise: { cv: 0, sdFloor: 0 } })).toThrow(/cannot both be 0/);
    expect(() => detectPulses(seriesOf(12), { slowHalfLifeMin: 200 })).toThrow(
      /slowHalfLifeMin: 200 .*use 5–90 min/,
    );
    expect(() => detectPulses(seriesOf(12), { insertionAlpha: 0 })).toThrow(/insertionAlpha: 0/);
    const withZero = seriesOf(12, (i) => (i === 4 ? 0 : 1));
    expect(() => detectPulses(withZero, { noise: { sdFloor: 0 } })).toThrow(/row 5 \(value 0\) a zero SD/);
  });
});
