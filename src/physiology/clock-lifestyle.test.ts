// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import {
  exerciseIntensityLt,
  lifestyleEvents,
  mealKcal,
  wakeClockMin,
  type LifestyleChange,
  type LifestyleSlots,
} from './clock-lifestyle.js';

const slots: LifestyleSlots = {
  asleep: 0,
  exercise: 1,
  stress: 2,
  fasting: 3,
  gut: 5,
  gutCarbs: 6,
  mealCarbs: 7,
};

describe('lifestyle events', () => {
  it('turns a schedule into sorted set/add events on the right slots', () => {
    const changes: LifestyleChange[] = [
      { t_min: 0, kind: 'stress', level: 0.5 },
      { t_min: 450, kind: 'meal', kcal: 600, carbs_g: 70 },
      { t_min: 1080, kind: 'exercise_start', intensity_lt: 1.2 },
      { t_min: 1140, kind: 'exercise_end' },
      { t_min: 1380, kind: 'sleep_start', quality: 1 },
      { t_min: 1860, kind: 'sleep_end' },
    ];
    expect(lifestyleEvents(changes, slots)).toEqual([
      { t: 0, target: 'input', index: 2, op: 'set', value: 0.5 },
      { t: 450, target: 'state', index: 5, op: 'add', value: 600 },
      { t: 450, target: 'state', index: 6, op: 'add', value: 70 },
      { t: 450, target: 'state', index: 7, op: 'set', value: 70 },
      { t: 1080, target: 'input', index: 1, op: 'set', value: 1.2 },
      { t: 1140, target: 'input', index: 1, op: 'set', value: 0 },
      { t: 1380, target: 'input', index: 0, op: 'set', value: 1 },
      { t: 1860, target: 'input', index: 0, op: 'set', value: 0 },
    ]);
  });

  it('uses Atwater factors for meal energy', () => {
    expect(mealKcal(60, 20, 25)).toBe(4 * 60 + 9 * 20 + 4 * 25);
  });

  it('maps exercise to multiples of the lactate threshold within Pritzlaff 1999’s 0.25–1.75 range', () => {
    expect(exerciseIntensityLt('endurance', 'low')).toBeGreaterThanOrEqual(0.25);
    expect(exerciseIntensityLt('hiit', 'high')).toBeLessThanOrEqual(1.75);
  });

  it('finds the habitual wake time across midnight', () => {
    expect(wakeClockMin(23 * 60, 8)).toBe(7 * 60);
    expect(wakeClockMin(1 * 60, 7.5)).toBe(8 * 60 + 30);
  });
});
