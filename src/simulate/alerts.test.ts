// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { DAILY_FIELDS, type DailyRow } from '../scenario/result.js';
import { runAlerts } from './alerts.js';

/** A day with every field null but the ones given. */
function day(n: number, values: Partial<DailyRow>): DailyRow {
  const empty = Object.fromEntries(DAILY_FIELDS.map((f) => [f, null])) as unknown as DailyRow;
  return { ...empty, ...values, day: n };
}

const codes = (rows: DailyRow[]): string[] =>
  runAlerts(rows, 8 * 60, () => null).map((e) => (e.kind === 'alert' ? e.code : e.kind));

describe('safety alerts from the daily draws', () => {
  it('raises HOMA-IR doubled once while it stays up, and again only after it came back below the re-arm level', () => {
    const homa = [2, 4.1, 4.3, 3.9, 4.2, 1.6, 4.5];
    const rows = homa.map((h, i) => day(i, { homa_ir: h }));
    // Day 1 fires; days 2–4 stay above the re-arm level (0.875 × 2 × day 0 = 3.5); day 5 re-arms; day 6 fires.
    expect(codes(rows).filter((c) => c === 'HOMA_IR_DOUBLED')).toHaveLength(2);
    expect(codes(rows.slice(0, 5)).filter((c) => c === 'HOMA_IR_DOUBLED')).toHaveLength(1);
  });

  it('raises impaired fasting glucose once for a run that stays at or above 100 mg/dL', () => {
    const rows = [95, 101, 104, 103, 100].map((g, i) => day(i, { glucose_fasting_mg_dl: g }));
    expect(codes(rows)).toEqual(['GLUCOSE_FASTING_IMPAIRED']);
  });
});
