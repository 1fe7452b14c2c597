// SPDX-License-Identifier: MIT
/**
 * Safety alerts raised from the daily draws during a run (MODEL.md, "Safety layer"): IGF-1 above the age/sex
 * range, fasting glucose at or above 100 and 126 mg/dL, HOMA-IR doubled from day 0, and testosterone below the
 * male range. Each alert fires when its value first crosses the threshold and again only after the value has come
 * back past a re-arm level in between (hysteresis), so day-to-day noise near a limit gives one alert, not many.
 */
import {
  DIABETIC_FASTING_GLUCOSE_MG_DL,
  IGF1_ABOVE_RANGE_SDS,
  IMPAIRED_FASTING_GLUCOSE_MG_DL,
} from '../protocol/screening.js';
import type { DailyRow, ResultEvent } from '../scenario/result.js';
import { MIN_PER_DAY } from './settings.js';

/** SDS below which IGF-1 must fall before another above-range alert (hysteresis against day-to-day noise). */
const IGF1_ALERT_REARM_SDS = IGF1_ABOVE_RANGE_SDS - 0.5;

/**
 * Lower limit of normal total testosterone in men, morning draw (ng/dL): the AUA 2018 guideline's 300 ng/dL
 * (recalled; the harmonised 2.5th percentile of Travison 2017 is 264 ng/dL).
 */
export const TESTOSTERONE_LOW_NG_DL = 300;

/** HOMA-IR relative to day 0 that raises an alert. */
export const HOMA_IR_ALERT_RATIO = 2;

/** One threshold rule: a value per day, the crossing that fires and the level that re-arms. */
interface ThresholdRule {
  readonly code: string;
  /** The day's value, or null when the day has none. */
  readonly value: (row: DailyRow) => number | null;
  /** True when the alert fires at or above the threshold; false when it fires below it. */
  readonly rising: boolean;
  readonly threshold: number;
  /** True: fire on `value > threshold` (strict) rather than `>=` (rising rules only). */
  readonly strict?: boolean;
  readonly rearm: number;
  readonly message: (value: number, row: DailyRow) => string;
}

function crosses(rule: ThresholdRule, v: number): boolean {
  if (!rule.rising) return v < rule.threshold;
  return rule.strict ? v > rule.threshold : v >= rule.threshold;
}

function rearms(rule: ThresholdRule, v: number): boolean {
  return rule.rising ? v < rule.rearm : v > rule.rearm;
}

/** The alerts of one rule over the daily rows. */
function alertsOf(rule: ThresholdRule, rows: readonly DailyRow[], drawMin: number): ResultEvent[] {
  const alerts: ResultEvent[] = [];
  let armed = true;
  for (const row of rows) {
    const v = rule.value(row);
    if (v === null) continue;
    if (armed && crosses(rule, v)) {
      armed = false;
      alerts.push({
        t_min: row.day * MIN_PER_DAY + drawMin,
        kind: 'alert',
        code: rule.code,
        message: rule.message(v, row),
      });
    } else if (rearms(rule, v)) armed = true;
  }
  return alerts;
}

function igf1Rule(): ThresholdRule {
  return {
    code: 'IGF1_ABOVE_RANGE',
    value: (row) => (row.igf1_ng_ml === null ? null : row.igf1_sds),
    rising: true,
    strict: true,
    threshold: IGF1_ABOVE_RANGE_SDS,
    rearm: IGF1_ALERT_REARM_SDS,
    message: (sds, row) =>
      `IGF-1 ${row.igf1_ng_ml} ng/mL (SDS ${sds.toFixed(2)}) is above the age- and sex-specific ` +
      `range (SDS > ${IGF1_ABOVE_RANGE_SDS}) on day ${row.day}`,
  };
}

function glucoseRule(code: string, threshold: number, label: string): ThresholdRule {
  return {
    code,
    value: (row) => row.glucose_fasting_mg_dl,
    rising: true,
    threshold,
    rearm: threshold - 5,
    message: (g, row) => `fasting glucose ${g} mg/dL is ${label} (≥ ${threshold} mg/dL) on day ${row.day}`,
  };
}

function homaRule(baseline: number | null): ThresholdRule {
  return {
    code: 'HOMA_IR_DOUBLED',
    value: (row) =>
      row.homa_ir === null || baseline === null || baseline <= 0 ? null : row.homa_ir / baseline,
    rising: true,
    threshold: HOMA_IR_ALERT_RATIO,
    rearm: 0.875 * HOMA_IR_ALERT_RATIO,
    message: (ratio, row) =>
      `HOMA-IR ${row.homa_ir} is ${ratio.toFixed(2)} times its day-0 value (${baseline}) on day ${row.day}`,
  };
}

function testosteroneRule(morning: (day: number) => number | null): ThresholdRule {
  return {
    code: 'TESTOSTERONE_BELOW_RANGE',
    value: (row) => morning(row.day),
    rising: false,
    threshold: TESTOSTERONE_LOW_NG_DL,
    rearm: 1.1 * TESTOSTERONE_LOW_NG_DL,
    message: (t, row) =>
      `morning total testosterone ${Number(t.toPrecision(4))} ng/dL is below the male range ` +
      `(< ${TESTOSTERONE_LOW_NG_DL} ng/dL) on day ${row.day}`,
  };
}

/**
 * Every alert of a run. `morningTestosterone` gives the day's draw value in men (null in women or without a
 * draw).
 */
export function runAlerts(
  rows: readonly DailyRow[],
  drawMin: number,
  morningTestosterone: (day: number) => number | null,
): ResultEvent[] {
  const rules = [
    igf1Rule(),
    glucoseRule('GLUCOSE_FASTING_IMPAIRED', IMPAIRED_FASTING_GLUCOSE_MG_DL, 'impaired'),
    glucoseRule('GLUCOSE_FASTING_DIABETIC_RANGE', DIABETIC_FASTING_GLUCOSE_MG_DL, 'in the diabetic range'),
    homaRule(rows[0]?.homa_ir ?? null),
    testosteroneRule(morningTestosterone),
  ];
  return rules.flatMap((rule) => alertsOf(rule, rows, drawMin));
}
