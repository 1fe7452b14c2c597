// SPDX-License-Identifier: MIT
/**
 * The scenario's lifestyle as plain timed records in minutes (sleep, meals, exercise, stress, fasting), sorted, so
 * that the model layer can turn them into engine events without knowing about clock times or weekdays.
 */
import type { Exercise, Lifestyle, Scenario } from '../scenario/index.js';
import { MIN_PER_DAY, clockToMinutes, weekdayOfDay } from './clock.js';

type SleepQuality = Lifestyle['sleep']['quality'];
type StressLevel = Lifestyle['stress'];

/** One lifestyle change at `t_min` (minutes from 00:00 of day 0). */
export type LifestyleRecord =
  | { readonly t_min: number; readonly kind: 'sleep_start'; readonly quality: SleepQuality }
  | { readonly t_min: number; readonly kind: 'sleep_end' }
  | {
      readonly t_min: number;
      readonly kind: 'meal';
      readonly carbs_g: number;
      readonly fat_g: number;
      readonly protein_g: number;
    }
  | {
      readonly t_min: number;
      readonly kind: 'exercise_start';
      readonly exercise: Exercise['kind'];
      readonly intensity: Exercise['intensity'];
      /** Planned length of the bout in minutes (the matching `exercise_end` may fall outside the window). */
      readonly duration_min: number;
    }
  | { readonly t_min: number; readonly kind: 'exercise_end'; readonly exercise: Exercise['kind'] }
  | { readonly t_min: number; readonly kind: 'stress'; readonly level: StressLevel }
  | { readonly t_min: number; readonly kind: 'fast_start' }
  | { readonly t_min: number; readonly kind: 'fast_end' };

/** The window of days to expand; `toDay` is exclusive. Negative days describe a burn-in before day 0. */
export interface LifestyleWindow {
  readonly fromDay?: number;
  readonly toDay?: number;
}

/** Half-open interval of scenario minutes. */
interface Interval {
  readonly from: number;
  readonly to: number;
}

// At one instant, what ends comes before what starts, and a fast starts before a meal at the same minute.
const KIND_ORDER: Readonly<Record<LifestyleRecord['kind'], number>> = {
  sleep_end: 0,
  exercise_end: 1,
  fast_end: 2,
  stress: 3,
  fast_start: 4,
  meal: 5,
  exercise_start: 6,
  sleep_start: 7,
};

function byTimeThenKind(a: LifestyleRecord, b: LifestyleRecord): number {
  return a.t_min - b.t_min || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/**
 * Emits a period clipped to the window: a start at `max(from, window.from)` when the period overlaps the window,
 * and an end only when it falls inside the window. A period under way at the window's start thus starts there.
 */
function clipPeriod(
  period: Interval,
  window: Interval,
  start: (t: number) => LifestyleRecord,
  end: (t: number) => LifestyleRecord,
): LifestyleRecord[] {
  if (period.to <= window.from || period.from >= window.to) return [];
  const records = [start(Math.max(period.from, window.from))];
  if (period.to < window.to) records.push(end(period.to));
  return records;
}

function sleepRecords(sleep: Lifestyle['sleep'], window: Interval, days: Interval): LifestyleRecord[] {
  const bed = clockToMinutes(sleep.bedtime);
  const records: LifestyleRecord[] = [];
  // The night that began the day before the window may still be under way at its start.
  for (let day = days.from - 1; day < days.to; day++) {
    const from = day * MIN_PER_DAY + bed;
    const period = { from, to: from + sleep.duration_h * 60 };
    records.push(
      ...clipPeriod(
        period,
        window,
        (t) => ({ t_min: t, kind: 'sleep_start', quality: sleep.quality }),
        (t) => ({ t_min: t, kind: 'sleep_end' }),
      ),
    );
  }
  return records;
}

/** Fasting windows in minutes, overlapping ones merged. */
function fastingIntervals(fasting: Lifestyle['fasting']): Interval[] {
  const sorted = fasting
    .map((f) => ({ from: f.start_day * MIN_PER_DAY, to: (f.start_day + f.days) * MIN_PER_DAY }))
    .sort((a, b) => a.from - b.from);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.from <= last.to)
      merged[merged.length - 1] = { from: last.from, to: Math.max(last.to, interval.to) };
    else merged.push(interval);
  }
  return merged;
}

function isInside(t: number, intervals: readonly Interval[]): boolean {
  return intervals.some((i) => t >= i.from && t < i.to);
}

function mealRecords(
  meals: Lifestyle['meals'],
  fasts: readonly Interval[],
  window: Interval,
  days: Interval,
): LifestyleRecord[] {
  const records: LifestyleRecord[] = [];
  for (let day = days.from; day < days.to; day++) {
    for (const meal of meals) {
      const t = day * MIN_PER_DAY + clockToMinutes(meal.time);
      if (t < window.from || t >= window.to || isInside(t, fasts)) continue;
      records.push({
        t_min: t,
        kind: 'meal',
        carbs_g: meal.carbs_g,
        fat_g: meal.fat_g,
        protein_g: meal.protein_g,
      });
    }
  }
  return records;
}

function exerciseRecords(scenario: Scenario, window: Interval, days: Interval): LifestyleRecord[] {
  const records: LifestyleRecord[] = [];
  for (let day = days.from - 1; day < days.to; day++) {
    const weekday = weekdayOfDay(day, scenario.start_weekday);
    for (const bout of scenario.lifestyle.exercise) {
      if (!bout.days.includes(weekday)) continue;
      const from = day * MIN_PER_DAY + clockToMinutes(bout.time);
      records.push(
        ...clipPeriod(
          { from, to: from + bout.duration_min },
          window,
          (t) => ({
            t_min: t,
            kind: 'exercise_start',
            exercise: bout.kind,
            intensity: bout.intensity,
            duration_min: bout.duration_min,
          }),
          (t) => ({ t_min: t, kind: 'exercise_end', exercise: bout.kind }),
        ),
      );
    }
  }
  return records;
}

function fastingRecords(fasts: readonly Interval[], window: Interval): LifestyleRecord[] {
  return fasts.flatMap((fast) =>
    clipPeriod(
      fast,
      window,
      (t) => ({ t_min: t, kind: 'fast_start' }),
      (t) => ({ t_min: t, kind: 'fast_end' }),
    ),
  );
}

/**
 * The scenario's lifestyle as sorted records for days `[fromDay, toDay)` (default: the whole scenario).
 *
 * - Sleep starts every day at the bedtime and lasts `duration_h`; a night under way at the window's start (from
 *   the evening before) gives a `sleep_start` at the window's first minute, so the state at that minute is known.
 * - Meals come every day at their clock times, except inside a fasting window; fasting windows
 *   (`[start_day, start_day + days)` in days, overlapping ones merged) give `fast_start`/`fast_end`.
 * - Exercise bouts come on their weekdays (counted from `start_weekday` on day 0).
 * - One `stress` record at the window's start carries the scenario's constant stress level.
 *
 * Records are sorted by time; at the same minute, ends come before starts. Ends after the window are left out.
 * @example expandLifestyle(scenario)[0] // { t_min: 0, kind: 'sleep_start', quality: 'normal' } when asleep at 00:00
 */
export function expandLifestyle(scenario: Scenario, window: LifestyleWindow = {}): LifestyleRecord[] {
  const days = { from: window.fromDay ?? 0, to: window.toDay ?? scenario.duration_days };
  if (!(Number.isInteger(days.from) && Number.isInteger(days.to) && days.from < days.to)) {
    throw new RangeError(
      `lifestyle window must be whole days with fromDay < toDay, got [${days.from}, ${days.to})`,
    );
  }
  const minutes = { from: days.from * MIN_PER_DAY, to: days.to * MIN_PER_DAY };
  const fasts = fastingIntervals(scenario.lifestyle.fasting);
  return [
    { t_min: minutes.from, kind: 'stress', level: scenario.lifestyle.stress } as const,
    ...sleepRecords(scenario.lifestyle.sleep, minutes, days),
    ...mealRecords(scenario.lifestyle.meals, fasts, minutes, days),
    ...exerciseRecords(scenario, minutes, days),
    ...fastingRecords(fasts, minutes),
  ].sort(byTimeThenKind);
}
