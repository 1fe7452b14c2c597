// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { parseScenario } from './index.js';
import type { ScenarioInput } from '../scenario/index.js';
import { expandLifestyle } from './lifestyle.js';
import type { LifestyleRecord } from './lifestyle.js';

const patient = { age_years: 40, sex: 'female', weight_kg: 65, height_cm: 168 } as const;

function scenario(lifestyle: ScenarioInput['lifestyle'], extra: Partial<ScenarioInput> = {}) {
  return parseScenario({ duration_days: 7, patient, lifestyle, ...extra });
}

const ofKind = <K extends LifestyleRecord['kind']>(records: LifestyleRecord[], kind: K) =>
  records.filter((r): r is Extract<LifestyleRecord, { kind: K }> => r.kind === kind);

describe('expandLifestyle', () => {
  const s = scenario({
    sleep: { bedtime: '22:30', duration_h: 7.5, quality: 'poor' },
    meals: [{ time: '07:30', carbs_g: 60, fat_g: 20, protein_g: 25 }],
    exercise: [
      { kind: 'resistance', days: ['mon', 'wed'], time: '18:00', duration_min: 60, intensity: 'high' },
    ],
    stress: 'high',
    fasting: [{ start_day: 2, days: 2 }],
  });
  const records = expandLifestyle(s);

  it('is sorted by time', () => {
    const times = records.map((r) => r.t_min);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('starts asleep when the night before day 0 is still under way at 00:00', () => {
    expect(records.slice(0, 3)).toEqual([
      { t_min: 0, kind: 'stress', level: 'high' },
      { t_min: 0, kind: 'sleep_start', quality: 'poor' },
      { t_min: 360, kind: 'sleep_end' },
    ]);
  });

  it('sleeps every night from bedtime for duration_h, leaving out the end after the last day', () => {
    const starts = ofKind(records, 'sleep_start').map((r) => r.t_min);
    const ends = ofKind(records, 'sleep_end').map((r) => r.t_min);
    expect(starts).toEqual([0, ...[0, 1, 2, 3, 4, 5, 6].map((d) => d * 1440 + 1350)]);
    expect(ends).toEqual([0, 1, 2, 3, 4, 5, 6].map((d) => d * 1440 + 360));
  });

  it('suppresses the meals inside a fasting window and marks the window', () => {
    expect(ofKind(records, 'meal').map((r) => Math.floor(r.t_min / 1440))).toEqual([0, 1, 4, 5, 6]);
    expect(ofKind(records, 'meal')[0]).toEqual({
      t_min: 450,
      kind: 'meal',
      carbs_g: 60,
      fat_g: 20,
      protein_g: 25,
    });
    expect(records.filter((r) => r.kind === 'fast_start' || r.kind === 'fast_end')).toEqual([
      { t_min: 2 * 1440, kind: 'fast_start' },
      { t_min: 4 * 1440, kind: 'fast_end' },
    ]);
  });

  it('puts exercise on its weekdays counted from start_weekday (mon by default)', () => {
    expect(ofKind(records, 'exercise_start')).toEqual([
      { t_min: 1080, kind: 'exercise_start', exercise: 'resistance', intensity: 'high', duration_min: 60 },
      {
        t_min: 2 * 1440 + 1080,
        kind: 'exercise_start',
        exercise: 'resistance',
        intensity: 'high',
        duration_min: 60,
      },
    ]);
    expect(ofKind(records, 'exercise_end').map((r) => r.t_min)).toEqual([1140, 2 * 1440 + 1140]);
  });

  it('shifts exercise days with start_weekday', () => {
    const sunday = scenario(
      { exercise: [{ kind: 'endurance', days: ['mon'], time: '06:00', duration_min: 30 }] },
      { start_weekday: 'sun' },
    );
    expect(ofKind(expandLifestyle(sunday), 'exercise_start').map((r) => r.t_min)).toEqual([1440 + 360]);
  });

  it('merges overlapping fasting windows', () => {
    const fasts = scenario({
      fasting: [
        { start_day: 1, days: 2 },
        { start_day: 2, days: 2 },
      ],
    });
    expect(expandLifestyle(fasts).filter((r) => r.kind.startsWith('fast'))).toEqual([
      { t_min: 1440, kind: 'fast_start' },
      { t_min: 4 * 1440, kind: 'fast_end' },
    ]);
  });

  it('uses the default three meals and bedtime 23:00 for 8 h when the lifestyle is left out', () => {
    const plain = expandLifestyle(scenario(undefined), { fromDay: 0, toDay: 1 });
    expect(ofKind(plain, 'meal').map((r) => r.t_min)).toEqual([450, 750, 1140]);
    expect(ofKind(plain, 'sleep_start').map((r) => r.t_min)).toEqual([0, 1380]);
    expect(ofKind(plain, 'sleep_end').map((r) => r.t_min)).toEqual([420]);
  });

  it('expands a burn-in window before day 0 without the fasting of the scenario', () => {
    const burnIn = expandLifestyle(s, { fromDay: -2, toDay: 0 });
    expect(burnIn[0].t_min).toBe(-2 * 1440);
    expect(ofKind(burnIn, 'meal')).toHaveLength(2);
    expect(burnIn.every((r) => r.t_min < 0)).toBe(true);
  });

  it('handles a bedtime after midnight', () => {
    const late = expandLifestyle(scenario({ sleep: { bedtime: '00:30', duration_h: 6 } }), { toDay: 2 });
    expect(ofKind(late, 'sleep_start').map((r) => r.t_min)).toEqual([30, 1470]);
    expect(ofKind(late, 'sleep_end').map((r) => r.t_min)).toEqual([390, 1830]);
  });

  it('rejects an empty window', () => {
    expect(() => expandLifestyle(s, { fromDay: 3, toDay: 3 })).toThrow(/fromDay < toDay, got \[3, 3\)/);
  });
});
