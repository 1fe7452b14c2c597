// SPDX-License-Identifier: MIT
// A history continued for more days: the regimen carried on, followed by another, or stopped; labs drawn at the end.
import { describe, expect, it } from 'vitest';
import { Regimen } from '../protocol/regimen.js';
import { parseScenario } from '../protocol/parse-scenario.js';
import { continuedHistory } from './continue.js';

const history = parseScenario({
  name: 'history',
  duration_days: 28,
  patient: { age_years: 62, sex: 'male', weight_kg: 88, height_cm: 178 },
  regimen: ['sermorelin 500 mcg sc at bedtime daily', 'ipamorelin 200 mcg sc at 07:00 daily x1w'],
});
const spans = (lines: readonly { drug: string; start_day: number; end_day?: number }[]) =>
  lines.map((l) => [l.drug, l.start_day, l.end_day]);

describe('continuedHistory', () => {
  it('carries on the lines that ran to the end of the history, and draws labs at the new end', () => {
    const next = continuedHistory(history, 14);
    expect(next.duration_days).toBe(42);
    expect(spans(next.regimen)).toEqual([
      ['sermorelin', 0, 42],
      ['ipamorelin', 0, 7],
    ]);
    expect(next.monitoring.at_days).toEqual([0, 28, 42]);
  });

  it('follows what was taken with the next regimen, its days counted from the end of the history', () => {
    const after = Regimen.parse('ipamorelin 300 mcg sc at bedtime 5on2off x1w');
    const next = continuedHistory(history, 14, after.until(14));
    expect(spans(next.regimen)).toEqual([
      ['sermorelin', 0, 28],
      ['ipamorelin', 0, 7],
      ['ipamorelin', 28, 35],
    ]);
  });

  it('stops treatment at the end of the history with an empty next regimen', () => {
    expect(spans(continuedHistory(history, 14, Regimen.empty()).regimen)).toEqual([
      ['sermorelin', 0, 28],
      ['ipamorelin', 0, 7],
    ]);
  });
});
