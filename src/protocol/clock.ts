// SPDX-License-Identifier: MIT
/**
 * Clock arithmetic shared by regimen and lifestyle expansion. Scenario time is minutes from 00:00 of day 0; a clock
 * time "HH:MM" on day d is `d × 1440 + HH × 60 + MM`.
 */
import { WEEKDAYS } from '../scenario/index.js';
import type { Weekday } from '../scenario/index.js';

import { MIN_PER_DAY } from '../scenario/vocabulary.js';

/** Minutes in a day. */
export { MIN_PER_DAY };

const CLOCK_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True when `text` is a 24-hour clock time "HH:MM" from 00:00 to 23:59. */
export function isClockTime(text: string): boolean {
  return CLOCK_RE.test(text);
}

/**
 * Minutes after midnight of a clock time.
 * @example clockToMinutes('22:30') // 1350
 * @throws RangeError when `text` is not "HH:MM" from 00:00 to 23:59.
 */
export function clockToMinutes(text: string): number {
  const match = CLOCK_RE.exec(text);
  if (!match)
    throw new RangeError(`invalid clock time ${JSON.stringify(text)}: use "HH:MM" from 00:00 to 23:59`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Scenario minute of clock time `clock` on day `day` (day 0 is the first simulated day). */
export function minuteOfDay(day: number, clock: string): number {
  return day * MIN_PER_DAY + clockToMinutes(clock);
}

/**
 * The weekday of scenario day `day` when day 0 is `startWeekday`; negative days (a burn-in before day 0) count
 * backwards.
 * @example weekdayOfDay(2, 'sat') // 'mon'
 */
export function weekdayOfDay(day: number, startWeekday: Weekday): Weekday {
  const index = (((WEEKDAYS.indexOf(startWeekday) + day) % 7) + 7) % 7;
  return WEEKDAYS[index];
}
