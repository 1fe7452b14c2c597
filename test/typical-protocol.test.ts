// SPDX-License-Identifier: MIT
/**
 * The seeds' typical protocol end to end (issue 5, "Done when"): examples/typical-protocol.yaml, written with a
 * one-line text regimen, and the same scenario written with a regimen-line object give the same result byte for
 * byte; the result holds the titration events with their reasons and the safety alerts where the daily values call
 * for them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  DIABETIC_FASTING_GLUCOSE_MG_DL,
  IGF1_ABOVE_RANGE_SDS,
  IMPAIRED_FASTING_GLUCOSE_MG_DL,
} from '../src/protocol/index.js';
import { parseScenario } from '../src/protocol/index.js';
import type { DailyRow, Result, ResultEvent } from '../src/scenario/index.js';
import { simulate } from '../src/simulate/index.js';

const text = readFileSync(new URL('../examples/typical-protocol.yaml', import.meta.url), 'utf8');
const document = parseYaml(text) as Record<string, unknown>;

/** The same document with the regimen written as a YAML object instead of the text line. */
const objectDocument = {
  ...document,
  regimen: [
    {
      drug: 'sermorelin',
      dose: { amount: 200, unit: 'mcg' },
      route: 'sc',
      at: 'bedtime',
      days: { on: 5, off: 2 },
      start_day: 0,
      end_day: 182,
    },
  ],
};

const DRAW_MIN = 8 * 60;
const dayOf = (e: ResultEvent): number => Math.floor(e.t_min / 1440);

type Titration = Extract<ResultEvent, { kind: 'titration' }>;
type Alert = Extract<ResultEvent, { kind: 'alert' }>;

/** The first day a daily value crosses a threshold, or undefined. */
function firstCrossing(
  rows: readonly DailyRow[],
  value: (r: DailyRow) => number | null,
  crosses: (v: number) => boolean,
) {
  return rows.find((r) => {
    const v = value(r);
    return v !== null && crosses(v);
  })?.day;
}

describe('the typical protocol (examples/typical-protocol.yaml)', () => {
  const fromText = simulate(parseScenario(document));
  const fromObject = simulate(parseScenario(objectDocument));

  it('is written with a text regimen line', () => {
    expect(document.regimen).toEqual(['sermorelin 200 mcg sc at bedtime 5on2off x26w']);
  });

  it('gives the same result from the text line and from the YAML object (same JSON bytes)', () => {
    expect(JSON.stringify(fromText)).toBe(JSON.stringify(fromObject));
  });

  const events = (r: Result) => r.events.filter((e) => e.kind !== 'dose');
  const titrations = events(fromText).filter((e): e is Titration => e.kind === 'titration');
  const alerts = events(fromText).filter((e): e is Alert => e.kind === 'alert');

  it('titrates at the draws every 28 days, by one 100-mcg step within 200–500 mcg, with the reason', () => {
    expect(titrations.length).toBeGreaterThan(0);
    let dose = 200;
    for (const t of titrations) {
      expect(t.t_min % 1440).toBe(DRAW_MIN);
      expect(dayOf(t) % 28).toBe(0);
      expect(t.from_mcg).toBe(dose);
      expect(Math.abs(t.to_mcg - t.from_mcg)).toBe(100);
      expect(t.to_mcg).toBeGreaterThanOrEqual(200);
      expect(t.to_mcg).toBeLessThanOrEqual(500);
      const direction = t.to_mcg > t.from_mcg ? 'below 0' : 'above 1';
      expect(t.reason).toMatch(
        new RegExp(`^IGF-1 [\\d.]+ ng/mL \\(SDS -?[\\d.]+\\) is ${direction}, the target range \\[0, 1\\]$`),
      );
      // The SDS quoted in the reason is the draw's: the lab row of that day.
      const lab = fromText.labs.find((l) => l.day === dayOf(t));
      expect(t.reason).toContain(`(SDS ${Number(lab?.igf1_sds).toFixed(2)})`);
      dose = t.to_mcg;
    }
    // After a step the doses given are the new dose.
    const last = titrations[titrations.length - 1];
    const later = fromText.events.filter((e) => e.kind === 'dose' && e.t_min > last.t_min);
    expect(later.every((e) => e.kind === 'dose' && e.amount_mcg === last.to_mcg)).toBe(true);
  });

  it('raises each alert on the first day its daily value crosses the limit, and only on such days', () => {
    const rows = fromText.daily;
    const rules: [string, (r: DailyRow) => number | null, (v: number) => boolean][] = [
      ['IGF1_ABOVE_RANGE', (r) => r.igf1_sds, (v) => v > IGF1_ABOVE_RANGE_SDS],
      [
        'GLUCOSE_FASTING_IMPAIRED',
        (r) => r.glucose_fasting_mg_dl,
        (v) => v >= IMPAIRED_FASTING_GLUCOSE_MG_DL,
      ],
      [
        'GLUCOSE_FASTING_DIABETIC_RANGE',
        (r) => r.glucose_fasting_mg_dl,
        (v) => v >= DIABETIC_FASTING_GLUCOSE_MG_DL,
      ],
      // HOMA-IR doubled from day 0 (issue 5).
      [
        'HOMA_IR_DOUBLED',
        (r) => (r.homa_ir === null ? null : r.homa_ir / Number(rows[0].homa_ir)),
        (v) => v >= 2,
      ],
    ];
    for (const [code, value, crosses] of rules) {
      const mine = alerts.filter((a) => a.code === code);
      const first = firstCrossing(rows, value, crosses);
      expect(mine[0] === undefined ? undefined : dayOf(mine[0]), code).toBe(first);
      for (const a of mine) {
        const row = rows[dayOf(a)];
        expect(crosses(value(row) ?? NaN), `${code} on day ${row.day}`).toBe(true);
        expect(a.t_min % 1440).toBe(DRAW_MIN);
        expect(a.message).toMatch(new RegExp(`on day ${row.day}$`));
      }
    }
    // The example's man has a fasting glucose of 104 mg/dL: the impaired-fasting-glucose alert is due.
    expect(alerts.map((a) => a.code)).toContain('GLUCOSE_FASTING_IMPAIRED');
  });
});
