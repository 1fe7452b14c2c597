// SPDX-License-Identifier: MIT
/**
 * What the charts of a run shade and mark for context: sleep, meals and exercise on the 24-hour profiles; off days,
 * the first and last dose, titrations and the endpoint windows on the daily charts. Pure functions of the result.
 */
import { drugLabel } from '../api/contract.js';
import type { Result } from '../api/types.js';
import type { MarkerSpec, ShadeSpec } from '../plots/spec.js';
import { formatNumber } from '../plots/ticks.js';
import { profileHours } from './charts.js';
import type { ProfileWindow } from './charts.js';

const MIN_PER_DAY = 1440;
/** How long a meal is shaded, minutes (a mixed meal is eaten in about this time; the shade only locates it). */
const MEAL_SHADE_MIN = 30;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** Shade colours, translucent so the series stay readable. */
export const SHADE_COLORS = {
  sleep: 'rgba(70, 80, 160, 0.13)',
  meal: 'rgba(230, 159, 0, 0.22)',
  exercise: 'rgba(0, 158, 115, 0.2)',
  offDay: 'rgba(120, 120, 120, 0.14)',
  baseline: 'rgba(86, 180, 233, 0.16)',
  end: 'rgba(204, 121, 167, 0.16)',
} as const;

function minutesOf(clock: string): number {
  const [h, m] = clock.split(':').map(Number);
  return h * 60 + (m || 0);
}

/** Optional result part stated by newer engines: the windows the endpoints compare, in days. */
export interface EndpointWindows {
  readonly baseline: readonly [number, number];
  readonly end: readonly [number, number];
}

/** The result's `endpoint_windows`, when it has them and they are well formed. */
export function endpointWindows(result: Result): EndpointWindows | null {
  const raw = (result as { endpoint_windows?: unknown }).endpoint_windows;
  if (typeof raw !== 'object' || raw === null) return null;
  const { baseline, end } = raw as { baseline?: unknown; end?: unknown };
  const pair = (v: unknown): v is [number, number] =>
    Array.isArray(v) && v.length === 2 && v.every((n) => typeof n === 'number' && Number.isFinite(n));
  return pair(baseline) && pair(end) ? { baseline, end } : null;
}

/** Sleep, meals and exercise overlapping the minutes [from, to], in the profile's hours. */
export function lifestyleShading(
  result: Result,
  window: ProfileWindow,
  from: number,
  to: number,
): ShadeSpec[] {
  const { sleep, meals, exercise } = result.scenario.lifestyle;
  const startWeekday = WEEKDAYS.indexOf(result.scenario.start_weekday);
  const shades: ShadeSpec[] = [];
  const add = (start: number, end: number, label: string, color: string): void => {
    if (end > from && start < to) {
      shades.push({ from: profileHours(start, window), to: profileHours(end, window), label, color });
    }
  };
  // From the day before (a night that began then) to the last day of the span.
  for (let day = Math.floor(from / MIN_PER_DAY) - 1; day <= Math.floor(to / MIN_PER_DAY); day++) {
    const midnight = day * MIN_PER_DAY;
    const bedtime = midnight + minutesOf(sleep.bedtime);
    add(bedtime, bedtime + sleep.duration_h * 60, 'sleep', SHADE_COLORS.sleep);
    for (const meal of meals) {
      const t = midnight + minutesOf(meal.time);
      add(t, t + MEAL_SHADE_MIN, 'meal', SHADE_COLORS.meal);
    }
    const weekday = WEEKDAYS[(((startWeekday + day) % 7) + 7) % 7];
    for (const session of exercise) {
      if (!session.days.includes(weekday)) continue;
      const t = midnight + minutesOf(session.time);
      add(t, t + session.duration_min, `exercise (${session.kind})`, SHADE_COLORS.exercise);
    }
  }
  return shades;
}

function doseDays(result: Result): number[] {
  const days = new Set<number>();
  for (const e of result.events) if (e.kind === 'dose') days.add(Math.floor(e.t_min / MIN_PER_DAY));
  return [...days].sort((a, b) => a - b);
}

/**
 * Daily-chart shading: days without a dose between the first and the last dose day (off days of an on/off
 * schedule, merged into runs), and the endpoint windows when the result states them. A day's point sits at its
 * day number, so a day is shaded from half a day before to half a day after it.
 */
export function dailyShading(result: Result): ShadeSpec[] {
  const days = doseDays(result);
  const shades: ShadeSpec[] = [];
  const windows = endpointWindows(result);
  if (windows) {
    const [b0, b1] = windows.baseline;
    const [e0, e1] = windows.end;
    shades.push(
      { from: b0 - 0.5, to: b1 + 0.5, label: 'baseline window', color: SHADE_COLORS.baseline },
      { from: e0 - 0.5, to: e1 + 0.5, label: 'end window', color: SHADE_COLORS.end },
    );
  }
  if (days.length === 0) return shades;
  const dosed = new Set(days);
  let runStart: number | null = null;
  for (let day = days[0]; day <= days[days.length - 1] + 1; day++) {
    const off = !dosed.has(day) && day <= days[days.length - 1];
    if (off && runStart === null) runStart = day;
    if (!off && runStart !== null) {
      shades.push({
        from: runStart - 0.5,
        to: day - 0.5,
        label: 'day without a dose',
        color: SHADE_COLORS.offDay,
      });
      runStart = null;
    }
  }
  return shades;
}

/** Daily-chart markers: the first and the last dose, and each titration. */
export function dailyMarkers(result: Result): MarkerSpec[] {
  const doses = result.events.filter((e) => e.kind === 'dose');
  const markers: MarkerSpec[] = [];
  if (doses.length > 0) {
    const first = doses[0];
    const last = doses[doses.length - 1];
    markers.push({
      x: Math.floor(first.t_min / MIN_PER_DAY),
      label: `first dose (day ${Math.floor(first.t_min / MIN_PER_DAY)})`,
      color: '#b23a48',
    });
    if (last !== first) {
      markers.push({
        x: Math.floor(last.t_min / MIN_PER_DAY),
        label: `last dose (day ${Math.floor(last.t_min / MIN_PER_DAY)})`,
        color: '#b23a48',
      });
    }
  }
  for (const e of result.events) {
    if (e.kind !== 'titration') continue;
    const day = Math.floor(e.t_min / MIN_PER_DAY);
    markers.push({
      x: day,
      label: `day ${day}: ${drugLabel(e.drug)} ${formatNumber(e.from_mcg)} → ${formatNumber(e.to_mcg)} mcg`,
      color: '#8a6d00',
    });
  }
  return markers;
}
