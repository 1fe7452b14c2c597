// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { Random } from '../engine/random.js';
import type { LifestyleChange } from './clock-lifestyle.js';
import { generateGhrhPulses, ghrhPulseEvents, type PulseGeneratorSettings } from './hypothalamus.js';

const settings: PulseGeneratorSettings = {
  pulsesPerDay: 12,
  intervalShape: 3,
  refractoryMin: 25,
  amplitude: 1,
  amplitudeCv: 0.5,
  sleepOnsetAmplitude: 5,
  sleepOnsetDelayMin: 25,
  sleepOnsetBase: 0.4,
  swsCapacity: 1,
  swsPulseGain: 2,
  fastingFrequencyGain: 0.5,
  fastingAmplitudeGain: 0.5,
};

/** Nights from 23:00 to 07:00 for `days` days. */
function nights(days: number): LifestyleChange[] {
  const changes: LifestyleChange[] = [];
  for (let d = 0; d < days; d++) {
    changes.push({ t_min: d * 1440 + 23 * 60, kind: 'sleep_start', quality: 1 });
    changes.push({ t_min: d * 1440 + 31 * 60, kind: 'sleep_end' });
  }
  return changes;
}

const seeded = (seed: number) => {
  const r = Random.fromSeed(seed);
  return () => r.nextFloat();
};

describe('GHRH pulse generator', () => {
  it('deterministic mode: regular awake intervals of 1440 / pulsesPerDay and the mean amplitude', () => {
    const pulses = generateGhrhPulses(settings, [], 0, 1440, null);
    expect(pulses).toHaveLength(12);
    expect(pulses[0].t_min).toBe(60);
    pulses.forEach((p, i) => {
      expect(p.t_min).toBeCloseTo(60 + 120 * i, 9);
      expect(p.amplitude).toBe(1);
    });
  });

  it('puts a sleep-onset pulse after lights-off, the largest of the day (Van Cauter & Plat 1996)', () => {
    const pulses = generateGhrhPulses(settings, nights(1), 0, 1440, null);
    const onset = pulses.find((p) => p.kind === 'sleep_onset');
    expect(onset?.t_min).toBe(23 * 60 + 25);
    expect(onset?.amplitude).toBe(5);
    expect(Math.max(...pulses.map((p) => p.amplitude))).toBe(5);
  });

  it('scales the sleep-onset pulse with slow-wave-sleep capacity (lower in old age)', () => {
    const old = generateGhrhPulses({ ...settings, swsCapacity: 0.15 }, nights(1), 0, 1440, null);
    const onset = old.find((p) => p.kind === 'sleep_onset');
    expect(onset?.amplitude).toBeCloseTo(5 * (0.4 + 0.6 * 0.15), 12);
  });

  it('stochastic mode: the long-run rate matches pulsesPerDay and the refractory interval holds', () => {
    const days = 200;
    const pulses = generateGhrhPulses(settings, [], 0, days * 1440, seeded(1));
    expect(pulses.length / days).toBeGreaterThan(11);
    expect(pulses.length / days).toBeLessThan(13);
    for (let i = 1; i < pulses.length; i++) {
      expect(pulses[i].t_min - pulses[i - 1].t_min).toBeGreaterThanOrEqual(25);
    }
    const meanAmplitude = pulses.reduce((a, p) => a + p.amplitude, 0) / pulses.length;
    expect(meanAmplitude).toBeGreaterThan(0.95);
    expect(meanAmplitude).toBeLessThan(1.05);
  });

  it('is reproducible by seed', () => {
    const a = generateGhrhPulses(settings, nights(10), 0, 14400, seeded(9));
    const b = generateGhrhPulses(settings, nights(10), 0, 14400, seeded(9));
    const c = generateGhrhPulses(settings, nights(10), 0, 14400, seeded(10));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('fasting raises pulse frequency and amplitude (Hartman 1992)', () => {
    const fast: LifestyleChange[] = [{ t_min: 0, kind: 'fast_start' }];
    const fed = generateGhrhPulses(settings, [], 0, 1440, null);
    const fasted = generateGhrhPulses(settings, fast, 0, 1440, null);
    expect(fasted.length).toBe(18);
    expect(fed.length).toBe(12);
    expect(fasted[0].amplitude).toBe(1.5);
  });

  it('pulses become add events on the GHRH state', () => {
    const events = ghrhPulseEvents([{ t_min: 10, amplitude: 2, kind: 'spontaneous' }], 3);
    expect(events).toEqual([{ t: 10, target: 'state', index: 3, op: 'add', value: 2 }]);
  });
});
