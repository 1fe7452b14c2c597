// SPDX-License-Identifier: MIT
/**
 * The result's endpoints (SCENARIO.md): a pre-treatment baseline against the end of treatment, never one day
 * against another.
 * - Baseline: the 7 untreated days that end just before the first dose (days before day 0 come from
 *   `baseline-week.ts`).
 * - End: the last days up to and including the day of the last dose: 7 days, or the smallest whole number of the
 *   last dose's cycles that covers 7 days (a 5-on/2-off cycle is 7 days, an every-3-days line gives 9), never
 *   before the first dose.
 * - An untreated run compares the week before day 0 with its last 7 days.
 * Concentrations, HOMA-IR and glucose are means over each window; body composition is the value on each window's
 * last day. A value missing on every day of a window (testosterone in a woman) gives null.
 */
import type { DoseRecord } from '../protocol/regimen.js';
import type { DailyRow, EndpointWindows, Endpoints } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import { BASELINE_DAYS } from './baseline-week.js';
import { MIN_PER_DAY, round } from './settings.js';

/** Relative change (%) from `before` to `after`; null when either is missing or the baseline is 0. */
function changePct(after: number | null, before: number | null): number | null {
  if (after === null || before === null || before === 0) return null;
  return round((after / before - 1) * 100);
}

/** Difference `after − before`; null when either is missing. */
function change(after: number | null, before: number | null): number | null {
  if (after === null || before === null) return null;
  return round(after - before);
}

/** Days (a whole number of cycles) of the regimen line a dose comes from. */
function cycleDays(scenario: Scenario, dose: DoseRecord): number {
  const days = scenario.regimen[dose.line]?.days;
  if (days === undefined) return 1;
  if ('on' in days) return days.on + days.off;
  if ('every' in days) return days.every;
  return 7;
}

/**
 * The two windows, half-open in days: `baseline_days: [first dose day − 7, first dose day)` and `end_days`.
 * @param doses - the doses given, in time order.
 * @param durationDays - the run's length (days 0 to durationDays − 1).
 */
export function endpointWindows(
  scenario: Scenario,
  doses: readonly DoseRecord[],
  durationDays: number,
): EndpointWindows {
  if (doses.length === 0) {
    return {
      baseline_days: [-BASELINE_DAYS, 0],
      end_days: [Math.max(0, durationDays - BASELINE_DAYS), durationDays],
    };
  }
  const first = Math.floor(doses[0].t_min / MIN_PER_DAY);
  const last = doses[doses.length - 1];
  const endTo = Math.min(durationDays, Math.floor(last.t_min / MIN_PER_DAY) + 1);
  const cycle = cycleDays(scenario, last);
  const length = cycle * Math.ceil(BASELINE_DAYS / cycle);
  return {
    baseline_days: [first - BASELINE_DAYS, first],
    end_days: [Math.max(first, endTo - length), endTo],
  };
}

/** Rows by day number, from the untreated week before day 0 and the run's own days. */
type RowsByDay = ReadonlyMap<number, DailyRow>;

/** Mean of a field over the days [from, to) that have a value; null when none has. */
function windowMean(
  rows: RowsByDay,
  [from, to]: readonly [number, number],
  field: keyof DailyRow,
): number | null {
  let sum = 0;
  let n = 0;
  for (let day = from; day < to; day++) {
    const value = rows.get(day)?.[field];
    if (typeof value === 'number') {
      sum += value;
      n++;
    }
  }
  return n === 0 ? null : sum / n;
}

/** A field on the window's last day. */
function lastDayValue(
  rows: RowsByDay,
  [, to]: readonly [number, number],
  field: keyof DailyRow,
): number | null {
  const value = rows.get(to - 1)?.[field];
  return typeof value === 'number' ? value : null;
}

/**
 * Endpoints of a run.
 * @param rows - the run's daily rows and, when the baseline window reaches before day 0, the rows of those days.
 */
export function endpointsOf(rows: readonly DailyRow[], windows: EndpointWindows): Endpoints {
  const byDay: RowsByDay = new Map(rows.map((row) => [row.day, row]));
  const { baseline_days: before, end_days: after } = windows;
  const meanChangePct = (field: keyof DailyRow) =>
    changePct(windowMean(byDay, after, field), windowMean(byDay, before, field));
  return {
    igf1_change_pct: meanChangePct('igf1_ng_ml'),
    gh_mean_change_pct: meanChangePct('gh_mean_ug_l'),
    lean_mass_change_kg: change(
      lastDayValue(byDay, after, 'lean_mass_kg'),
      lastDayValue(byDay, before, 'lean_mass_kg'),
    ),
    fat_mass_change_kg: change(
      lastDayValue(byDay, after, 'fat_mass_kg'),
      lastDayValue(byDay, before, 'fat_mass_kg'),
    ),
    visceral_fat_change_pct: changePct(
      lastDayValue(byDay, after, 'visceral_fat_cm2'),
      lastDayValue(byDay, before, 'visceral_fat_cm2'),
    ),
    homa_ir_change_pct: meanChangePct('homa_ir'),
    glucose_fasting_change_mg_dl: change(
      windowMean(byDay, after, 'glucose_fasting_mg_dl'),
      windowMean(byDay, before, 'glucose_fasting_mg_dl'),
    ),
    testosterone_change_pct: meanChangePct('testosterone_mean_ng_dl'),
  };
}
