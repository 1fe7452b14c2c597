// SPDX-License-Identifier: MIT
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DRUGS, DRUG_NAMES } from '../physiology/drug-catalog.js';
import { ScenarioError, WEEKDAYS } from '../scenario/index.js';
import { parseScenario, parseScenarioText } from './index.js';
import type { RegimenLine, Scenario, ScenarioInput } from '../scenario/index.js';
import { Regimen, RegimenError, expandRegimen, formatRegimenLine, parseRegimenText } from './regimen.js';
import type { ExpansionContext } from './regimen.js';

const patient = { age_years: 62, sex: 'male', weight_kg: 88, height_cm: 178 } as const;

function scenarioWith(regimen: ScenarioInput['regimen'], extra: Partial<ScenarioInput> = {}): Scenario {
  return parseScenario({
    duration_days: 28,
    patient,
    lifestyle: { sleep: { bedtime: '22:30', duration_h: 7.5 } },
    regimen,
    ...extra,
  });
}

const days = (records: { t_min: number }[]): number[] => records.map((r) => Math.floor(r.t_min / 1440));
const clock = (records: { t_min: number }[]): number[] => records.map((r) => r.t_min % 1440);

/** The issues of the RegimenError (or ScenarioError) that `fn` throws. */
function issuesOf(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return [...(error as ScenarioError).issues];
  }
  throw new Error('expected an error');
}

const sermorelinLine: RegimenLine = {
  drug: 'sermorelin',
  dose: { amount: 300, unit: 'mcg' },
  over_min: 0,
  route: 'sc',
  at: 'bedtime',
  days: { on: 5, off: 2 },
  start_day: 0,
  end_day: 28,
};

const context: ExpansionContext = { durationDays: 28, bedtime: '22:30', startWeekday: 'mon', weightKg: 88 };

describe('expandRegimen', () => {
  it('gives exactly 20 bedtime doses for 5 on / 2 off over 4 weeks', () => {
    const doses = expandRegimen(
      scenarioWith([
        {
          drug: 'sermorelin',
          dose: { amount: 300, unit: 'mcg' },
          route: 'sc',
          at: 'bedtime',
          days: { on: 5, off: 2 },
        },
      ]),
    );
    expect(doses).toHaveLength(20);
    expect(new Set(clock(doses))).toEqual(new Set([22 * 60 + 30]));
    expect(days(doses)).toEqual([0, 1, 2, 3, 4, 7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25]);
    expect(doses[0]).toEqual({
      t_min: 1350,
      drug: 'sermorelin',
      amount_mcg: 300,
      route: 'sc',
      over_min: 0,
      line: 0,
    });
  });

  it('counts on/off cycles from start_day', () => {
    const doses = expandRegimen(
      scenarioWith([
        {
          drug: 'sermorelin',
          dose: { amount: 300, unit: 'mcg' },
          route: 'sc',
          at: '21:00',
          days: { on: 2, off: 3 },
          start_day: 3,
        },
      ]),
    );
    expect(days(doses)).toEqual([3, 4, 8, 9, 13, 14, 18, 19, 23, 24]);
  });

  it('doses on weekdays counted from start_weekday (day 0 a Saturday: Mondays are days 2, 9, 16, 23)', () => {
    const doses = expandRegimen(
      scenarioWith(
        [
          {
            drug: 'cjc1295_dac',
            dose: { amount: 2, unit: 'mg' },
            route: 'sc',
            at: '08:00',
            days: { weekdays: ['mon', 'thu'] },
          },
        ],
        { start_weekday: 'sat' },
      ),
    );
    expect(days(doses)).toEqual([2, 5, 9, 12, 16, 19, 23, 26]);
    expect(doses.every((d) => d.amount_mcg === 2000)).toBe(true);
  });

  it('treats start_day as inclusive and end_day as exclusive', () => {
    const doses = expandRegimen(
      scenarioWith([
        {
          drug: 'rhgh',
          dose: { amount: 0.2, unit: 'mg' },
          route: 'sc',
          at: '22:00',
          start_day: 3,
          end_day: 6,
        },
      ]),
    );
    expect(days(doses)).toEqual([3, 4, 5]);
  });

  it('doses every N days from start_day, at every listed time', () => {
    const doses = expandRegimen(
      scenarioWith([
        {
          drug: 'ipamorelin',
          dose: { amount: 200, unit: 'mcg' },
          route: 'sc',
          at: ['19:00', '07:00'],
          days: { every: 2 },
          start_day: 7,
          end_day: 14,
        },
      ]),
    );
    expect(doses.map((d) => d.t_min)).toEqual(
      [7, 7, 9, 9, 11, 11, 13, 13].map((d, i) => d * 1440 + (i % 2 === 0 ? 420 : 1140)),
    );
  });

  it('keeps infusions as records with their length and converts per-kg doses with the weight', () => {
    const doses = expandRegimen(
      scenarioWith([
        {
          drug: 'hexarelin',
          dose: { amount: 2, unit: 'mcg_per_kg' },
          route: 'iv',
          over_min: 15,
          at: '09:00',
          start_day: 1,
          end_day: 2,
        },
      ]),
    );
    expect(doses).toEqual([
      { t_min: 1440 + 540, drug: 'hexarelin', amount_mcg: 176, route: 'iv', over_min: 15, line: 0 },
    ]);
  });

  it('converts IU with the drug catalogue (rhGH: 3 IU = 1 mg)', () => {
    const [dose] = expandRegimen(
      scenarioWith([
        { drug: 'rhgh', dose: { amount: 0.6, unit: 'iu' }, route: 'sc', at: '22:00', end_day: 1 },
      ]),
    );
    expect(dose.amount_mcg).toBeCloseTo(200, 10);
  });

  it('sorts by time, then by line', () => {
    const doses = expandRegimen(
      scenarioWith([
        { drug: 'ipamorelin', dose: { amount: 100, unit: 'mcg' }, route: 'sc', at: 'bedtime', end_day: 3 },
        {
          drug: 'cjc1295_nodac',
          dose: { amount: 100, unit: 'mcg' },
          route: 'sc',
          at: ['08:00', 'bedtime'],
          end_day: 3,
        },
      ]),
    );
    expect(doses.map((d) => [d.t_min, d.line])).toEqual([
      [480, 1],
      [1350, 0],
      [1350, 1],
      [1920, 1],
      [2790, 0],
      [2790, 1],
      [3360, 1],
      [4230, 0],
      [4230, 1],
    ]);
  });

  it('gives no doses for the untreated patient', () => {
    expect(expandRegimen(scenarioWith([]))).toEqual([]);
  });
});

describe('Regimen invariants (one error per broken rule, with its path)', () => {
  const broken: [string, Partial<RegimenLine> | Record<string, unknown>, string, RegExp][] = [
    ['unknown drug', { drug: 'somatostatin' }, 'regimen[0].drug', /allowed: sermorelin/],
    ['route the drug does not have', { route: 'oral' }, 'regimen[0].route', /allowed: sc, iv/],
    [
      'IU for a drug not dosed in IU',
      { dose: { amount: 1, unit: 'iu' } },
      'regimen[0].dose.unit',
      /not dosed in IU/,
    ],
    [
      'non-positive amount',
      { dose: { amount: 0, unit: 'mcg' } },
      'regimen[0].dose.amount',
      /positive number, got 0/,
    ],
    ['unknown unit', { dose: { amount: 1, unit: 'grain' } }, 'regimen[0].dose.unit', /allowed: mcg, mg/],
    [
      'oral infusion',
      { drug: 'mk677', route: 'oral', over_min: 30 },
      'regimen[0].over_min',
      /oral dose cannot be an infusion/,
    ],
    [
      'infusion longer than a day',
      { route: 'iv', over_min: 2000 },
      'regimen[0].over_min',
      /from 0 to 1440, got 2000/,
    ],
    ['bad clock time', { at: '25:00' }, 'regimen[0].at', /got "25:00"/],
    ['bad clock time in a list', { at: ['07:00', '7pm'] }, 'regimen[0].at[1]', /got "7pm"/],
    ['repeated time', { at: ['07:00', '07:00'] }, 'regimen[0].at', /same time twice/],
    ['no time', { at: [] }, 'regimen[0].at', /at least one time/],
    ['every 0 days', { days: { every: 0 } }, 'regimen[0].days.every', /≥ 1, got 0/],
    ['0 days on', { days: { on: 0, off: 2 } }, 'regimen[0].days.on', /≥ 1, got 0/],
    ['fractional days off', { days: { on: 5, off: 1.5 } }, 'regimen[0].days.off', /≥ 0, got 1.5/],
    [
      'repeated weekday',
      { days: { weekdays: ['mon', 'mon'] } },
      'regimen[0].days.weekdays',
      /distinct weekdays/,
    ],
    ['no weekday', { days: { weekdays: [] } }, 'regimen[0].days.weekdays', /distinct weekdays/],
    ['negative start day', { start_day: -1 }, 'regimen[0].start_day', /≥ 0, got -1/],
    [
      'end before start',
      { start_day: 5, end_day: 5 },
      'regimen[0].end_day',
      /after start_day \(5\).*exclusive/,
    ],
  ];
  it.each(broken)('rejects %s', (_name, change, path, message) => {
    const issues = issuesOf(() => Regimen.of([{ ...sermorelinLine, ...change }]));
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe(path);
    expect(issues[0].message).toMatch(message);
  });

  it('throws a RegimenError naming the line index', () => {
    expect(() => Regimen.of([sermorelinLine, { ...sermorelinLine, route: 'im' }])).toThrow(RegimenError);
    expect(issuesOf(() => Regimen.of([sermorelinLine, { ...sermorelinLine, route: 'im' }]))[0].path).toBe(
      'regimen[1].route',
    );
  });

  it('rejects, at expansion, a listed time that is also the bedtime', () => {
    const regimen = Regimen.of([{ ...sermorelinLine, at: ['bedtime', '22:30'] }]);
    expect(issuesOf(() => regimen.expand(context))[0]).toEqual({
      path: 'regimen[0].at',
      message: 'bedtime is 22:30, so [bedtime, 22:30] names the same time twice',
    });
  });

  it('rejects, at expansion, an infusion that overlaps the next administration', () => {
    const regimen = Regimen.of([{ ...sermorelinLine, route: 'iv', over_min: 120, at: ['07:00', '08:00'] }]);
    const [issue] = issuesOf(() => regimen.expand(context));
    expect(issue.path).toBe('regimen[0].over_min');
    expect(issue.message).toMatch(/120 min .* 60 min later; allowed: at most 60 min/);
  });

  it('accepts a back-to-back 24-hour infusion (continuous)', () => {
    const regimen = Regimen.of([
      { ...sermorelinLine, route: 'iv', over_min: 1440, at: '00:00', days: { every: 1 } },
    ]);
    expect(regimen.expand(context)).toHaveLength(28);
  });

  it('is immutable', () => {
    const regimen = Regimen.of([sermorelinLine]);
    expect(Object.isFrozen(regimen.lines)).toBe(true);
    expect(Object.isFrozen(regimen.lines[0])).toBe(true);
    expect(Object.isFrozen(regimen.lines[0].dose)).toBe(true);
  });
});

describe('Regimen algebra', () => {
  it('then shifts the second regimen to the end of the first', () => {
    const loading = Regimen.of([{ ...sermorelinLine, days: { every: 1 }, end_day: 7 }]);
    const maintenance = Regimen.of([
      { ...sermorelinLine, dose: { amount: 200, unit: 'mcg' }, start_day: 0, end_day: 21 },
    ]);
    const both = loading.then(maintenance);
    expect(both.lines[1].start_day).toBe(7);
    expect(both.lines[1].end_day).toBe(28);
    expect(both.endDay).toBe(28);
    const doses = both.expand(context);
    expect(doses.filter((d) => d.line === 0)).toHaveLength(7);
    expect(days(doses.filter((d) => d.line === 1))).toEqual([
      7, 8, 9, 10, 11, 14, 15, 16, 17, 18, 21, 22, 23, 24, 25,
    ]);
  });

  it('refuses then after an open-ended line', () => {
    const open: RegimenLine = { ...sermorelinLine };
    delete open.end_day;
    expect(Regimen.of([open]).endDay).toBeUndefined();
    expect(issuesOf(() => Regimen.of([open]).then(Regimen.of([sermorelinLine])))[0].message).toMatch(
      /open-ended/,
    );
  });

  it('and puts regimens side by side; the empty regimen ends on day 0', () => {
    expect(Regimen.empty().endDay).toBe(0);
    expect(Regimen.empty().and(Regimen.of([sermorelinLine])).lines).toEqual([sermorelinLine]);
  });
});

describe('the text form', () => {
  const pairs: [string, string, string][] = [
    [
      '300 mcg sc at bedtime 5on2off x26w',
      'sermorelin',
      '{ drug: sermorelin, dose: { amount: 300, unit: mcg }, route: sc, at: bedtime, days: { on: 5, off: 2 }, start_day: 0, end_day: 182 }',
    ],
    [
      '0.2 mg sc at 22:00 daily x12w',
      'rhgh',
      '{ drug: rhgh, dose: { amount: 0.2, unit: mg }, route: sc, at: "22:00", days: { every: 1 }, end_day: 84 }',
    ],
    [
      '2 mg sc at 07:00,19:00 every 2d from day 7 x4w',
      'cjc1295_nodac',
      '{ drug: cjc1295_nodac, dose: { amount: 2, unit: mg }, route: sc, at: ["07:00", "19:00"], days: { every: 2 }, start_day: 7, end_day: 35 }',
    ],
    [
      'hexarelin 2 mcg/kg iv over 15min at 09:00 x1d',
      'sermorelin',
      '{ drug: hexarelin, dose: { amount: 2, unit: mcg_per_kg }, route: iv, over_min: 15, at: "09:00", end_day: 1 }',
    ],
    [
      'cjc1295_dac 2 mg sc at 08:00 on mon,thu',
      'sermorelin',
      '{ drug: cjc1295_dac, dose: { amount: 2, unit: mg }, route: sc, at: "08:00", days: { weekdays: [mon, thu] } }',
    ],
  ];
  it.each(pairs)('reads "%s" as the YAML line gives it', (text, drug, yamlLine) => {
    const fromYaml = parseScenarioText(
      `duration_days: 182\npatient: { age_years: 62, sex: male, weight_kg: 88, height_cm: 178 }\nregimen:\n  - ${yamlLine}\n`,
    ).regimen[0];
    const fromText = parseRegimenText(text, { drug: drug as 'sermorelin' }).lines[0];
    // The scenario parser resolves an open end to duration_days; the text form leaves it open.
    expect({ ...fromText, end_day: fromText.end_day ?? 182 }).toEqual(fromYaml);
  });

  it('reads then-chains and side-by-side chains', () => {
    const r = parseRegimenText(
      'sermorelin 300 mcg sc at bedtime x2w then 500 mcg sc at bedtime 5on2off x4w; mk677 25 mg oral at 08:00 from day 3 x1w',
    );
    expect(r.lines.map((l) => [l.drug, l.dose.amount, l.start_day, l.end_day])).toEqual([
      ['sermorelin', 300, 0, 14],
      ['sermorelin', 500, 14, 42],
      ['mk677', 25, 3, 10],
    ]);
  });

  it('counts from day N after the end of the previous segment in a chain', () => {
    const r = Regimen.parse('rhgh 1 mg sc at 22:00 x1w then 1 mg sc at 22:00 from day 7 x1w');
    expect(r.lines[1]).toMatchObject({ start_day: 14, end_day: 21 });
  });

  const errors: [string, RegExp][] = [
    ['300 mcg sx at bedtime', /unknown token 'sx'; expected .*a route \(sc, iv, im, oral\)/],
    [
      '300 grams sc at bedtime',
      /unknown unit 'grams'; allowed: mcg, mg, iu, mcg_per_kg, mg_per_kg \(also written IU, µg/,
    ],
    ['300 mcg at bedtime', /no route; allowed: sc, iv, im, oral/],
    ['300 mcg sc daily', /no time/],
    ['sc at bedtime', /no dose/],
    ['300 mcg sc at 7pm', /invalid time '7pm'; allowed: bedtime or "HH:MM"/],
    ['300 mcg sc at bedtime every two', /invalid interval 'two' after 'every'; allowed: Nd/],
    ['300 mcg sc at bedtime on mon,fri,funday', /invalid weekday 'funday'; allowed: mon, tue/],
    ['300 mcg sc at bedtime daily weekly', /'weekly' repeats a clause already given \(days\)/],
    ['300 mcg sc at bedtime from 3', /'from' must be followed by 'day N', got '3'/],
    ['300 mcg sc at', /'at' must be followed by bedtime/],
    ['300 mcg iv over 1week at bedtime', /invalid infusion length '1week'; allowed: N followed by min or h/],
    ['300 mcg sc at bedtime then 200 mcg sc at bedtime', /without a length .* cannot be followed by 'then'/],
    ['', /empty regimen text/],
  ];
  it.each(errors)('rejects "%s" naming the token and what is allowed', (text, message) => {
    const issues = issuesOf(() => parseRegimenText(text, { drug: 'sermorelin' }));
    expect(issues[0].path).toBe('regimen');
    expect(issues[0].message).toMatch(message);
  });

  it('asks for a drug when none is named or given', () => {
    expect(issuesOf(() => parseRegimenText('300 mcg sc at bedtime'))[0].message).toMatch(
      /no drug named; start with one of sermorelin/,
    );
  });

  it('checks the invariants of the lines it reads (route of the drug)', () => {
    expect(issuesOf(() => parseRegimenText('mk677 25 mg sc at 08:00'))[0]).toMatchObject({
      path: 'regimen[0].route',
    });
  });

  const lineArb: fc.Arbitrary<RegimenLine> = fc
    .record({
      drug: fc.constantFrom(...DRUG_NAMES),
      amount: fc.integer({ min: 1, max: 5000 }).map((n) => n / 10),
      unitIndex: fc.nat(),
      routeIndex: fc.nat(),
      over: fc.integer({ min: 0, max: 60 }),
      at: fc.uniqueArray(
        fc.oneof(
          fc.constant('bedtime'),
          fc
            .integer({ min: 0, max: 1439 })
            .map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`),
        ),
        { minLength: 1, maxLength: 3 },
      ),
      days: fc.oneof(
        fc.integer({ min: 1, max: 14 }).map((every) => ({ every })),
        fc.record({ on: fc.integer({ min: 1, max: 7 }), off: fc.integer({ min: 0, max: 7 }) }),
        fc
          .uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 })
          .map((weekdays) => ({ weekdays })),
      ),
      start: fc.integer({ min: 0, max: 60 }),
      length: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
    })
    .map((g) => {
      const info = DRUGS[g.drug];
      const route = info.routes[g.routeIndex % info.routes.length];
      const units =
        info.mcgPerIu === undefined
          ? (['mcg', 'mg', 'mcg_per_kg', 'mg_per_kg'] as const)
          : (['mcg', 'mg', 'iu', 'mcg_per_kg', 'mg_per_kg'] as const);
      const line: RegimenLine = {
        drug: g.drug,
        dose: { amount: g.amount, unit: units[g.unitIndex % units.length] },
        over_min: route === 'oral' ? 0 : g.over,
        route,
        at: g.at.length === 1 ? g.at[0] : g.at,
        days: g.days,
        start_day: g.start,
      };
      if (g.length !== undefined) line.end_day = g.start + g.length;
      return line;
    });

  it('round-trips: parsing the formatted text gives the same lines', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 4 }), (lines) => {
        const regimen = Regimen.of(lines);
        expect(Regimen.parse(regimen.toString()).lines).toEqual(regimen.lines);
      }),
      { seed: 20261121, numRuns: 300 },
    );
  });

  it('formats a line in the documented form', () => {
    expect(formatRegimenLine({ ...sermorelinLine, end_day: 182 })).toBe(
      'sermorelin 300 mcg sc at bedtime 5on2off x26w',
    );
    expect(formatRegimenLine({ ...sermorelinLine, start_day: 2, end_day: 12, days: { every: 3 } })).toBe(
      'sermorelin 300 mcg sc at bedtime every 3d from day 2 x10d',
    );
  });
});

describe('Regimen.shift, Regimen.until and Regimen.prolong', () => {
  const regimen = Regimen.parse(
    'rhgh 0.2 mg sc at 22:00 daily x2w; sermorelin 300 mcg sc at bedtime from day 20',
  );

  it('shift moves every line, start and end together', () => {
    const shifted = regimen.shift(28);
    expect(shifted.lines.map((l) => [l.start_day, l.end_day])).toEqual([
      [28, 42],
      [48, undefined],
    ]);
    expect(shifted.shift(-28).lines).toEqual(regimen.lines);
    expect(() => regimen.shift(-1)).toThrow(/start_day/);
  });

  it('until keeps what is taken before the day: later lines out, running lines cut, open lines closed', () => {
    expect(regimen.until(10).lines.map((l) => [l.drug, l.start_day, l.end_day])).toEqual([['rhgh', 0, 10]]);
    expect(regimen.until(30).lines.map((l) => [l.drug, l.start_day, l.end_day])).toEqual([
      ['rhgh', 0, 14],
      ['sermorelin', 20, 30],
    ]);
  });

  it('prolong carries on the lines that run to the day, and leaves the others', () => {
    const taken = regimen.until(30);
    expect(taken.prolong(30, 90).lines.map((l) => [l.drug, l.start_day, l.end_day])).toEqual([
      ['rhgh', 0, 14],
      ['sermorelin', 20, 90],
    ]);
    expect(regimen.prolong(14, 60).lines.map((l) => l.end_day)).toEqual([60, undefined]);
  });
});
