// SPDX-License-Identifier: MIT
/**
 * Dosing as a small immutable algebra that becomes plain, sorted dose records (STYLE.md point 4, after mrgsolve's
 * `ev()` / `ev_rep` / `ev_rx`). A {@link Regimen} is a list of regimen lines in the scenario's own shape; its
 * invariants are checked once, in {@link Regimen.of}, and every other way of building one (`and`, `then`, the
 * one-line text form of {@link parseRegimenText}) goes through that constructor. {@link Regimen.expand} turns it
 * into {@link DoseRecord}s in minutes, which is all the model layer ever sees.
 */
import { DRUGS, DRUG_NAMES, isDrugName } from '../physiology/drug-catalog.js';
import type { DrugName } from '../physiology/drug-catalog.js';
import type { DoseRecord } from '../physiology/drug-model.js';
import { DOSE_UNITS, MAX_REGIMEN_LINES, ScenarioError, WEEKDAYS } from '../scenario/index.js';
import type { DaysPattern, Dose, RegimenLine, Scenario, ScenarioIssue, Weekday } from '../scenario/index.js';
import { MIN_PER_DAY, clockToMinutes, isClockTime, weekdayOfDay } from './clock.js';
import { doseToMcg } from './dose.js';
import { RegimenTextError, parseRegimenTextLines } from './regimen-text.js';

export { expandLifestyle } from './lifestyle.js';
export type { LifestyleRecord } from './lifestyle.js';

/** One administration, as the model layer consumes it (declared by the model, `physiology/drug-model.ts`). */
export type { DoseRecord };

/** A regimen that breaks an invariant, or regimen text that cannot be read. Paths are those of the scenario. */
export class RegimenError extends ScenarioError {
  constructor(issues: readonly ScenarioIssue[]) {
    super(issues);
    this.name = 'RegimenError';
  }
}

/** What expansion needs to know of the patient and the scenario besides the regimen itself. */
export interface ExpansionContext {
  /** Number of simulated days; administrations on day `durationDays` or later are dropped. */
  readonly durationDays: number;
  /** The clock time `at: bedtime` stands for ("HH:MM"). */
  readonly bedtime: string;
  /** The weekday of day 0, for `days: { weekdays: [...] }`. */
  readonly startWeekday: Weekday;
  /** Body weight (kg) for `mcg_per_kg` and `mg_per_kg` doses. */
  readonly weightKg: number;
}

/** `bedtime` or a clock time "HH:MM". */
type AtItem = string;

function atItems(at: RegimenLine['at']): readonly AtItem[] {
  return typeof at === 'string' ? [at] : at;
}

// ---------------------------------------------------------------------------------------------------------------
// Invariants, checked in one place.

function checkDrugAndRoute(line: RegimenLine, path: string, issues: ScenarioIssue[]): boolean {
  if (!isDrugName(line.drug)) {
    issues.push({
      path: `${path}.drug`,
      message: `unknown drug '${String(line.drug)}'; allowed: ${DRUG_NAMES.join(', ')}`,
    });
    return false;
  }
  const routes = DRUGS[line.drug].routes;
  if (!routes.includes(line.route)) {
    issues.push({
      path: `${path}.route`,
      message: `${line.drug} has no route '${String(line.route)}'; allowed: ${routes.join(', ')}`,
    });
  }
  return true;
}

function checkDose(line: RegimenLine, path: string, issues: ScenarioIssue[]): void {
  const { amount, unit } = line.dose;
  if (!(Number.isFinite(amount) && amount > 0)) {
    issues.push({ path: `${path}.dose.amount`, message: `must be a positive number, got ${String(amount)}` });
  }
  if (!DOSE_UNITS.includes(unit)) {
    issues.push({
      path: `${path}.dose.unit`,
      message: `unknown unit '${String(unit)}'; allowed: ${DOSE_UNITS.join(', ')}`,
    });
  } else if (unit === 'iu' && DRUGS[line.drug].mcgPerIu === undefined) {
    issues.push({
      path: `${path}.dose.unit`,
      message: `${line.drug} is not dosed in IU; allowed: mcg, mg, mcg_per_kg, mg_per_kg`,
    });
  }
}

function checkInfusion(line: RegimenLine, path: string, issues: ScenarioIssue[]): void {
  const over = line.over_min;
  if (!(Number.isFinite(over) && over >= 0 && over <= MIN_PER_DAY)) {
    issues.push({
      path: `${path}.over_min`,
      message: `must be a number of minutes from 0 to 1440, got ${String(over)}`,
    });
  } else if (over > 0 && line.route === 'oral') {
    issues.push({
      path: `${path}.over_min`,
      message: `an oral dose cannot be an infusion; use 0, got ${over}`,
    });
  }
}

function checkTimes(line: RegimenLine, path: string, issues: ScenarioIssue[]): void {
  const items = atItems(line.at);
  if (items.length === 0)
    issues.push({ path: `${path}.at`, message: 'needs at least one time: bedtime or "HH:MM"' });
  items.forEach((item, i) => {
    if (item !== 'bedtime' && !isClockTime(item)) {
      const where = typeof line.at === 'string' ? `${path}.at` : `${path}.at[${i}]`;
      issues.push({
        path: where,
        message: `must be bedtime or a clock time "HH:MM" from 00:00 to 23:59, got ${JSON.stringify(item)}`,
      });
    }
  });
  if (new Set(items).size !== items.length) {
    issues.push({ path: `${path}.at`, message: `lists the same time twice: ${items.join(', ')}` });
  }
}

function isWholeNumber(x: unknown, min: number): x is number {
  return typeof x === 'number' && Number.isInteger(x) && x >= min;
}

function checkDaysPattern(days: DaysPattern, path: string, issues: ScenarioIssue[]): void {
  if ('every' in days) {
    if (!isWholeNumber(days.every, 1)) {
      issues.push({
        path: `${path}.days.every`,
        message: `must be a whole number of days ≥ 1, got ${String(days.every)}`,
      });
    }
  } else if ('on' in days) {
    if (!isWholeNumber(days.on, 1)) {
      issues.push({
        path: `${path}.days.on`,
        message: `must be a whole number of days ≥ 1, got ${String(days.on)}`,
      });
    }
    if (!isWholeNumber(days.off, 0)) {
      issues.push({
        path: `${path}.days.off`,
        message: `must be a whole number of days ≥ 0, got ${String(days.off)}`,
      });
    }
  } else {
    const bad = days.weekdays.filter((d) => !WEEKDAYS.includes(d));
    if (
      days.weekdays.length === 0 ||
      bad.length > 0 ||
      new Set(days.weekdays).size !== days.weekdays.length
    ) {
      issues.push({
        path: `${path}.days.weekdays`,
        message: `must list distinct weekdays from ${WEEKDAYS.join(', ')}, got [${days.weekdays.join(', ')}]`,
      });
    }
  }
}

function checkSpan(line: RegimenLine, path: string, issues: ScenarioIssue[]): void {
  if (!isWholeNumber(line.start_day, 0)) {
    issues.push({
      path: `${path}.start_day`,
      message: `must be a whole number ≥ 0, got ${String(line.start_day)}`,
    });
    return;
  }
  const end = line.end_day;
  if (end !== undefined && !(isWholeNumber(end, 1) && end > line.start_day)) {
    issues.push({
      path: `${path}.end_day`,
      message: `must be a whole number after start_day (${line.start_day}); it is exclusive; got ${String(end)}`,
    });
  }
}

/** Every invariant of one regimen line; an empty list means the line is valid. */
function lineIssues(line: RegimenLine, path: string): ScenarioIssue[] {
  const issues: ScenarioIssue[] = [];
  if (checkDrugAndRoute(line, path, issues)) checkDose(line, path, issues);
  checkInfusion(line, path, issues);
  checkTimes(line, path, issues);
  checkDaysPattern(line.days, path, issues);
  checkSpan(line, path, issues);
  return issues;
}

function frozenLine(line: RegimenLine): RegimenLine {
  const at = typeof line.at === 'string' ? line.at : Object.freeze([...line.at]);
  const days: DaysPattern =
    'weekdays' in line.days
      ? { weekdays: Object.freeze([...line.days.weekdays]) as Weekday[] }
      : { ...line.days };
  const copy: RegimenLine = {
    ...line,
    dose: Object.freeze({ ...line.dose }),
    at: at as RegimenLine['at'],
    days: Object.freeze(days),
  };
  return Object.freeze(copy);
}

function shiftLine(line: RegimenLine, days: number): RegimenLine {
  const shifted: RegimenLine = { ...line, start_day: line.start_day + days };
  if (line.end_day !== undefined) shifted.end_day = line.end_day + days;
  return shifted;
}

// ---------------------------------------------------------------------------------------------------------------
// Expansion.

/** True when the line administers on day `day` (ignoring its start/end span). */
function dosesOnDay(line: RegimenLine, day: number, startWeekday: Weekday): boolean {
  const days = line.days;
  const sinceStart = day - line.start_day;
  if ('every' in days) return sinceStart % days.every === 0;
  if ('on' in days) return sinceStart % (days.on + days.off) < days.on;
  return days.weekdays.includes(weekdayOfDay(day, startWeekday));
}

/** Minutes after midnight of the line's administrations, sorted; `bedtime` resolved. */
function administrationMinutes(line: RegimenLine, path: string, bedtime: string): number[] {
  const items = atItems(line.at);
  const minutes = items.map((item) => clockToMinutes(item === 'bedtime' ? bedtime : item));
  if (new Set(minutes).size !== minutes.length) {
    throw new RegimenError([
      {
        path: `${path}.at`,
        message: `bedtime is ${bedtime}, so [${items.join(', ')}] names the same time twice`,
      },
    ]);
  }
  return minutes.sort((a, b) => a - b);
}

/** An infusion must end by the time the same line's next administration starts. */
function checkInfusionsFit(records: readonly DoseRecord[], path: string): void {
  for (let i = 1; i < records.length; i++) {
    const gap = records[i].t_min - records[i - 1].t_min;
    if (records[i - 1].over_min > gap) {
      throw new RegimenError([
        {
          path: `${path}.over_min`,
          message:
            `an infusion of ${records[i - 1].over_min} min starting at minute ${records[i - 1].t_min} overlaps the ` +
            `line's next administration ${gap} min later; allowed: at most ${gap} min`,
        },
      ]);
    }
  }
}

function expandLine(line: RegimenLine, index: number, context: ExpansionContext): DoseRecord[] {
  const path = `regimen[${index}]`;
  const minutes = administrationMinutes(line, path, context.bedtime);
  const amount = doseToMcg(line.dose, line.drug, context.weightKg);
  const end = Math.min(line.end_day ?? context.durationDays, context.durationDays);
  const records: DoseRecord[] = [];
  for (let day = line.start_day; day < end; day++) {
    if (!dosesOnDay(line, day, context.startWeekday)) continue;
    for (const m of minutes) {
      records.push({
        t_min: day * MIN_PER_DAY + m,
        drug: line.drug,
        amount_mcg: amount,
        route: line.route,
        over_min: line.over_min,
        line: index,
      });
    }
  }
  checkInfusionsFit(records, path);
  return records;
}

function byTimeThenLine(a: DoseRecord, b: DoseRecord): number {
  return a.t_min - b.t_min || a.line - b.line;
}

// ---------------------------------------------------------------------------------------------------------------
// The algebra.

/**
 * An immutable, validated list of regimen lines (the `regimen` of a scenario).
 *
 * @example
 * const r = Regimen.parse('sermorelin 300 mcg sc at bedtime 5on2off x4w');
 * r.expand({ durationDays: 28, bedtime: '22:30', startWeekday: 'mon', weightKg: 80 }).length; // 20
 */
export class Regimen {
  /** The lines, frozen, in the order doses refer to them by index. */
  readonly lines: readonly RegimenLine[];

  private constructor(lines: readonly RegimenLine[]) {
    this.lines = Object.freeze(lines.map(frozenLine));
  }

  /**
   * The one constructor: checks every line's invariants (drug and route, dose and unit, infusion length, times,
   * day pattern, start/end span) and the cap of {@link MAX_REGIMEN_LINES} lines.
   * @throws RegimenError listing every broken invariant with its path (`regimen[i].field`).
   */
  static of(lines: readonly RegimenLine[]): Regimen {
    if (lines.length > MAX_REGIMEN_LINES) {
      throw new RegimenError([
        {
          path: 'regimen',
          message: `at most ${MAX_REGIMEN_LINES} regimen lines (after text expansion), got ${lines.length}`,
        },
      ]);
    }
    const issues = lines.flatMap((line, i) => lineIssues(line, `regimen[${i}]`));
    if (issues.length > 0) throw new RegimenError(issues);
    return new Regimen(lines);
  }

  /** The untreated patient: no lines. */
  static empty(): Regimen {
    return new Regimen([]);
  }

  /** The regimen of a parsed scenario. */
  static fromScenario(scenario: Scenario): Regimen {
    return Regimen.of(scenario.regimen);
  }

  /** Reads the one-line text form; see {@link parseRegimenText} for the grammar. */
  static parse(text: string, options: ParseRegimenOptions = {}): Regimen {
    return parseRegimenText(text, options);
  }

  /**
   * The day (exclusive) on which the last line ends: 0 for an empty regimen, `undefined` when a line has no
   * `end_day` (it runs to the end of the scenario).
   */
  get endDay(): number | undefined {
    let end = 0;
    for (const line of this.lines) {
      if (line.end_day === undefined) return undefined;
      end = Math.max(end, line.end_day);
    }
    return end;
  }

  /** Both regimens at once (their lines side by side). */
  and(other: Regimen): Regimen {
    return Regimen.of([...this.lines, ...other.lines]);
  }

  /**
   * `other` after this one: its days are shifted so that its day 0 is this regimen's {@link endDay}.
   * @throws RegimenError when this regimen has an open-ended line.
   */
  then(other: Regimen): Regimen {
    const end = this.endDay;
    if (end === undefined) {
      throw new RegimenError([
        {
          path: 'regimen',
          message:
            'a regimen with an open-ended line (no end_day) cannot be followed by another; give every line an end (e.g. x4w)',
        },
      ]);
    }
    return Regimen.of([...this.lines, ...other.lines.map((line) => shiftLine(line, end))]);
  }

  /**
   * The same regimen `days` later (or earlier, for a negative `days`): every line's start and end move together.
   * @throws RegimenError when a line would start before day 0.
   * @example Regimen.parse('rhgh 0.2 mg sc at 22:00 daily x2w').shift(28).lines[0].start_day // 28
   */
  shift(days: number): Regimen {
    return Regimen.of(this.lines.map((line) => shiftLine(line, days)));
  }

  /**
   * What of the regimen is taken before `day` (exclusive): lines starting on or after it are left out, the others
   * end at `day` at the latest (an open-ended line ends there).
   * @example Regimen.parse('rhgh 0.2 mg sc at 22:00 daily').until(90).lines[0].end_day // 90
   */
  until(day: number): Regimen {
    return Regimen.of(
      this.lines
        .filter((line) => line.start_day < day)
        .map((line) => ({ ...line, end_day: Math.min(line.end_day ?? day, day) })),
    );
  }

  /**
   * The regimen carried on: lines that run to day `day` (or past it) now end on day `to` instead; lines that end
   * earlier, and open-ended lines, are unchanged.
   * @example Regimen.parse('rhgh 0.2 mg sc at 22:00 daily x4w').prolong(28, 90).lines[0].end_day // 90
   */
  prolong(day: number, to: number): Regimen {
    return Regimen.of(
      this.lines.map((line) =>
        line.end_day !== undefined && line.end_day >= day ? { ...line, end_day: to } : line,
      ),
    );
  }

  /**
   * Every administration as a dose record, sorted by time then line index. Cost: one record per administration.
   * @throws RegimenError when `bedtime` makes a line name one time twice, or an infusion overlaps the line's next
   *   administration (these depend on the patient's bedtime, so they cannot be checked in {@link Regimen.of}).
   */
  expand(context: ExpansionContext): DoseRecord[] {
    return this.lines.flatMap((line, i) => expandLine(line, i, context)).sort(byTimeThenLine);
  }

  /** The text form, one `;`-separated segment per line; `Regimen.parse(r.toString())` gives the same lines. */
  toString(): string {
    return this.lines.map(formatRegimenLine).join('; ');
  }
}

/** The expansion context of a parsed scenario: its duration, bedtime, weekday of day 0 and body weight. */
export function expansionContext(scenario: Scenario): ExpansionContext {
  return {
    durationDays: scenario.duration_days,
    bedtime: scenario.lifestyle.sleep.bedtime,
    startWeekday: scenario.start_weekday,
    weightKg: scenario.patient.weight_kg,
  };
}

/**
 * Every administration of a scenario's regimen, sorted by time then regimen line: `at: bedtime` is the scenario's
 * sleep bedtime, weekdays count from `start_weekday` on day 0, `start_day` is inclusive and `end_day` exclusive,
 * amounts are converted to micrograms with the patient's weight.
 * @throws RegimenError (a ScenarioError) for a line that breaks an invariant.
 */
export function expandRegimen(scenario: Scenario): DoseRecord[] {
  return Regimen.fromScenario(scenario).expand(expansionContext(scenario));
}

// ---------------------------------------------------------------------------------------------------------------
// The text form.

/** Options of {@link parseRegimenText}. */
export interface ParseRegimenOptions {
  /** The drug of segments that do not name one. */
  readonly drug?: DrugName;
}

const UNIT_TEXT: Readonly<Record<Dose['unit'], string>> = {
  mcg: 'mcg',
  mg: 'mg',
  iu: 'iu',
  mcg_per_kg: 'mcg/kg',
  mg_per_kg: 'mg/kg',
};

/**
 * Reads the one-line text form of a regimen into the same lines the YAML form gives, and checks them as
 * {@link Regimen.of} does. The grammar is `parseRegimenTextLines` (regimen-text.ts), which also reads the text
 * entries of a scenario's `regimen` (parse-scenario.ts):
 * ```
 * regimen  := chain ( ';' chain )*            chains run side by side (also separated by newlines)
 * chain    := segment ( 'then' segment )*     each segment starts on the day the previous one ends
 * segment  := [drug] amount unit route ['over' N('min'|'h')] 'at' times [schedule] ['from' 'day' N] [length]
 * unit     := mcg | ug | µg | mg | iu | mcg/kg | mg/kg
 * route    := sc | iv | im | oral
 * times    := time (',' time)*                time := bedtime | HH:MM
 * schedule := daily | weekly | every Nd | NonMoff (N days on, M off) | on mon,thu,…   (default daily)
 * length   := xNd | xNw                       (default: until the end of the scenario)
 * ```
 * `from day N` is counted from the start of its chain position (day 0, or the end of the previous segment). A
 * segment without a drug takes the previous segment's drug, or `options.drug` for a chain's first segment.
 *
 * @example parseRegimenText('300 mcg sc at bedtime 5on2off x26w', { drug: 'sermorelin' })
 * @example parseRegimenText('rhgh 0.2 mg sc at 22:00 daily x12w')
 * @example parseRegimenText('cjc1295_nodac 2 mg sc at 07:00,19:00 every 2d from day 7 x4w then ipamorelin 200 mcg sc at bedtime x2w')
 * @throws RegimenError naming the offending token and the allowed values (path `regimen`), or a broken invariant
 *   of a line it reads (path `regimen[i].field`).
 */
export function parseRegimenText(text: string, options: ParseRegimenOptions = {}): Regimen {
  let lines: RegimenLine[];
  try {
    lines = parseRegimenTextLines(text, options);
  } catch (error) {
    if (error instanceof RegimenTextError)
      throw new RegimenError([{ path: 'regimen', message: error.message }]);
    throw error;
  }
  return Regimen.of(lines);
}

function formatSchedule(days: DaysPattern): string {
  if ('every' in days) return days.every === 1 ? 'daily' : `every ${days.every}d`;
  if ('on' in days) return `${days.on}on${days.off}off`;
  return `on ${days.weekdays.join(',')}`;
}

/**
 * The text form of one line, always naming the drug and the schedule.
 * @example formatRegimenLine(line) // 'sermorelin 300 mcg sc at bedtime 5on2off x26w'
 */
export function formatRegimenLine(line: RegimenLine): string {
  const parts = [line.drug, String(line.dose.amount), UNIT_TEXT[line.dose.unit], line.route];
  if (line.over_min > 0) parts.push(`over ${line.over_min}min`);
  parts.push(`at ${atItems(line.at).join(',')}`, formatSchedule(line.days));
  if (line.start_day > 0) parts.push(`from day ${line.start_day}`);
  if (line.end_day !== undefined) {
    const length = line.end_day - line.start_day;
    parts.push(length % 7 === 0 ? `x${length / 7}w` : `x${length}d`);
  }
  return parts.join(' ');
}
