// SPDX-License-Identifier: MIT
/** Safety alerts raised from the daily rows during a run. */
import { IGF1_ABOVE_RANGE_SDS } from '../protocol/screening.js';
import type { DailyRow, ResultEvent } from '../scenario/result.js';
import { MIN_PER_DAY } from './settings.js';

/** SDS below which IGF-1 must fall before another above-range alert (hysteresis against day-to-day noise). */
const IGF1_ALERT_REARM_SDS = IGF1_ABOVE_RANGE_SDS - 0.5;

/**
 * IGF-1 above the age/sex range: an alert at the daily draw where the SDS first exceeds +1.96, and again only
 * after it has fallen below {@link IGF1_ALERT_REARM_SDS} in between.
 */
export function igf1Alerts(rows: readonly DailyRow[], drawMin: number): ResultEvent[] {
  const alerts: ResultEvent[] = [];
  let armed = true;
  for (const row of rows) {
    if (row.igf1_sds === null || row.igf1_ng_ml === null) continue;
    if (armed && row.igf1_sds > IGF1_ABOVE_RANGE_SDS) {
      armed = false;
      alerts.push({
        t_min: row.day * MIN_PER_DAY + drawMin,
        kind: 'alert',
        code: 'IGF1_ABOVE_RANGE',
        message:
          `IGF-1 ${row.igf1_ng_ml} ng/mL (SDS ${row.igf1_sds.toFixed(2)}) is above the age- and sex-specific ` +
          `range (SDS > ${IGF1_ABOVE_RANGE_SDS}) on day ${row.day}`,
      });
    } else if (row.igf1_sds < IGF1_ALERT_REARM_SDS) armed = true;
  }
  return alerts;
}
