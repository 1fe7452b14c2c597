// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../scenario/parse.js';
import { parseScenario } from './parse-scenario.js';
import { RegimenTextError, parseRegimenTextLines, tokenizeRegimenSegment } from './regimen-text.js';
import type { RegimenEntryInput } from '../scenario/schema.js';

const patient = { age_years: 60, sex: 'male', weight_kg: 86, height_cm: 177 } as const;

function scenarioWith(regimen: RegimenEntryInput[], extra: Record<string, unknown> = {}) {
  return parseScenario({ duration_days: 182, patient, regimen, ...extra });
}

function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ScenarioError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ScenarioError');
}

describe('parseRegimenTextLines (the grammar)', () => {
  it('tokenizes lower case, joining comma lists', () => {
    expect(tokenizeRegimenSegment(' 300 MCG SC at 07:00, 19:00 ')).toEqual([
      '300',
      'mcg',
      'sc',
      'at',
      '07:00,19:00',
    ]);
  });

  it('gives plain line objects with every default of the object form', () => {
    expect(parseRegimenTextLines('sermorelin 300 mcg sc at bedtime 5on2off x26w')).toEqual([
      {
        drug: 'sermorelin',
        dose: { amount: 300, unit: 'mcg' },
        over_min: 0,
        route: 'sc',
        at: 'bedtime',
        days: { on: 5, off: 2 },
        start_day: 0,
        end_day: 182,
      },
    ]);
  });

  it('chains segments end to start with `then`, continuing the drug', () => {
    const lines = parseRegimenTextLines(
      'sermorelin 200 mcg sc at bedtime x4w then 300 mcg sc at bedtime x4w',
    );
    expect(lines.map((l) => [l.drug, l.dose.amount, l.start_day, l.end_day])).toEqual([
      ['sermorelin', 200, 0, 28],
      ['sermorelin', 300, 28, 56],
    ]);
  });

  it('fails with a RegimenTextError naming the token', () => {
    expect(() => parseRegimenTextLines('sermorelin 300 mcg sc at 7pm')).toThrow(RegimenTextError);
    expect(() => parseRegimenTextLines('sermorelin 300 mcg sc at 7pm')).toThrow(/invalid time '7pm'/);
  });
});

describe('text entries in a scenario regimen', () => {
  const objectLine = {
    drug: 'sermorelin',
    dose: { amount: 300, unit: 'mcg' },
    route: 'sc',
    at: 'bedtime',
    days: { on: 5, off: 2 },
  } as const;

  it('normalise to the same scenario as the object form (objects only)', () => {
    const fromText = scenarioWith(['sermorelin 300 mcg sc at bedtime 5on2off x26w']);
    const fromObject = scenarioWith([objectLine]);
    expect(fromText).toEqual(fromObject);
    expect(JSON.stringify(fromText)).toBe(JSON.stringify(fromObject));
    expect(fromText.regimen.every((line) => typeof line === 'object')).toBe(true);
  });

  it('resolve an open end to duration_days, like the object form', () => {
    expect(scenarioWith(['sermorelin 300 mcg sc at bedtime 5on2off']).regimen[0].end_day).toBe(182);
  });

  it('mix with object entries; a text entry without a drug continues the line before it', () => {
    const s = scenarioWith([
      { ...objectLine, end_day: 28 },
      '400 mcg sc at bedtime 5on2off from day 28',
      'mk677 25 mg oral at 08:00 x1w',
    ]);
    expect(s.regimen.map((l) => [l.drug, l.dose.amount, l.start_day, l.end_day])).toEqual([
      ['sermorelin', 300, 0, 28],
      ['sermorelin', 400, 28, 182],
      ['mk677', 25, 0, 7],
    ]);
  });

  it('name regimen[i] and the token on a grammar error', () => {
    const issues = issuesOf(() => scenarioWith([objectLine, 'sermorelin 300 mcg sx at bedtime']));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('regimen[1]');
    expect(issues[0].message).toMatch(/unknown token 'sx'/);
    expect(issues[0].message).toMatch(/\(in "sermorelin 300 mcg sx at bedtime"\)$/);
  });

  it('ask for a drug when a first text entry names none', () => {
    expect(issuesOf(() => scenarioWith(['300 mcg sc at bedtime']))[0]).toMatchObject({
      path: 'regimen[0]',
      message: expect.stringMatching(/no drug named/) as unknown,
    });
  });

  it('check the ranges of the object form, naming the field and quoting the text', () => {
    const issues = issuesOf(() => scenarioWith(['sermorelin 300 mcg sc at bedtime every 400d']));
    expect(issues[0].path).toBe('regimen[0].days.every');
    expect(issues[0].message).toMatch(/400/);
    expect(issues[0].message).toMatch(/every 400d/);
  });

  it('report cross-field errors at the entry they come from, even after a multi-line text entry', () => {
    const issues = issuesOf(() =>
      scenarioWith([
        'sermorelin 300 mcg sc at bedtime x4w then 400 mcg sc at bedtime x30w',
        { drug: 'mk677', dose: { amount: 25, unit: 'mg' }, route: 'sc', at: '08:00' },
      ]),
    );
    expect(issues.map((i) => i.path)).toEqual(['regimen[0].end_day', 'regimen[1].route']);
    expect(issues[0].message).toMatch(/must be at most duration_days \(182\), got 238 \(in "sermorelin/);
    expect(issues[1].message).toBe("mk677 has no route 'sc'; allowed: oral");
  });

  it('reject an entry that is neither text nor a line object', () => {
    const issues = issuesOf(() => parseScenario({ duration_days: 7, patient, regimen: [3] }));
    expect(issues[0]).toMatchObject({
      path: 'regimen[0]',
      message: expect.stringMatching(/text form/) as unknown,
    });
  });

  it('let titration refer to a drug given by a text entry', () => {
    const s = scenarioWith(['sermorelin 200 mcg sc at bedtime 5on2off'], {
      titration: {
        drug: 'sermorelin',
        target_igf1_sds: [0, 1],
        every_days: 28,
        step: { amount: 100, unit: 'mcg' },
        max: { amount: 500, unit: 'mcg' },
      },
    });
    expect(s.titration?.drug).toBe('sermorelin');
  });
});

describe('a dose amount that is not a number', () => {
  it.each([
    ['rhgh abc mg sc at 22:00 daily', "dose amount 'abc' is not a number"],
    ['rhgh 0.2mg sc at 22:00 daily', "dose amount '0.2mg' runs into its unit"],
    ['rhgh 0,2 mg sc at 22:00 daily', "dose amount '0,2' is not a number"],
  ])('names regimen[i].dose.amount and the allowed form for %j, without quoting the line', (line, start) => {
    const issues = issuesOf(() =>
      parseScenario({ duration_days: 7, patient, regimen: ['sermorelin 300 mcg sc at bedtime', line] }),
    );
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('regimen[1].dose.amount');
    expect(issues[0].message.startsWith(start)).toBe(true);
    expect(issues[0].message).toContain('a positive number with a point for decimals');
    expect(issues[0].message).not.toContain('(in "');
  });

  it('names the field for a JSON line whose amount is text, with the allowed form', () => {
    const issues = issuesOf(() =>
      parseScenario({
        duration_days: 7,
        patient,
        regimen: [{ drug: 'rhgh', dose: { amount: 'abc', unit: 'mg' }, route: 'sc', at: '22:00' }],
      }),
    );
    expect(issues[0].path).toBe('regimen[0].dose.amount');
    expect(issues[0].message).toMatch(/number/);
    expect(issues[0].message).not.toMatch(/rhgh/);
  });
});
