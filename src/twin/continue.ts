// SPDX-License-Identifier: MIT
/**
 * A treated history continued for more days: the course a prediction follows when only its length is given (the
 * API's `future_days`, the CLI's `--future-days`), with the history's regimen carried on or a new one after it.
 */
import { Regimen } from '../protocol/regimen.js';
import type { Scenario } from '../scenario/schema.js';

/** Most days a prediction may add to the history (the API's and the CLI's limit). */
export const MAX_FUTURE_DAYS = 365;

/** Days a prediction adds when none are given. */
export const DEFAULT_FUTURE_DAYS = 90;

/** A regimen line of a parsed scenario (its `end_day` filled in). */
type ScenarioLine = Scenario['regimen'][number];

/** The lines of a regimen in which every line ends (after `until`, or scenario lines shifted), as scenario lines. */
function endedLines(regimen: Regimen): ScenarioLine[] {
  return regimen.lines.map((line) => {
    if (line.end_day === undefined) throw new Error('a regimen line of a scenario has no end_day');
    return { ...line, end_day: line.end_day };
  });
}

/** The history's lab schedule, with a draw at the new end when the history drew one at its own (the default). */
function extendedMonitoring(history: Scenario, end: number): Scenario['monitoring'] {
  const { monitoring } = history;
  if (!monitoring.at_days.includes(history.duration_days)) return monitoring;
  return { ...monitoring, at_days: [...monitoring.at_days, end] };
}

/**
 * The history continued for `days` more days. Without `next`, the lines that ran to the history's end run on to
 * the new end. With `next` (a regimen whose days count from the history's end, every line ended, as a scenario of
 * `days` days gives it), what was taken in the history is followed by `next`; an empty `next` stops treatment.
 * The lab schedule gains a draw at the new end when the history had one at its own.
 * @example continuedHistory(history, 90).duration_days // history.duration_days + 90
 */
export function continuedHistory(history: Scenario, days: number, next?: Regimen): Scenario {
  const end = history.duration_days + days;
  const taken = Regimen.fromScenario(history);
  const regimen =
    next === undefined
      ? endedLines(taken.prolong(history.duration_days, end))
      : [...endedLines(taken.until(history.duration_days)), ...endedLines(next.shift(history.duration_days))];
  return { ...history, duration_days: end, regimen, monitoring: extendedMonitoring(history, end) };
}
