// SPDX-License-Identifier: MIT
/**
 * The one-line text form of a regimen (`sermorelin 300 mcg sc at bedtime 5on2off x26w`): a tokenizer and a parser
 * that turn it into plain regimen lines of the scenario's own shape. Pure grammar, no invariants beyond what the
 * grammar itself needs: the scenario parser (`parse-scenario.ts`) and the regimen algebra (`regimen.ts`) check the
 * lines they get from here exactly as they check lines written as YAML objects.
 */
import { DRUG_NAMES, ROUTES, isDrugName } from '../physiology/drug-catalog.js';
import type { DrugName, Route } from '../physiology/drug-catalog.js';
import { WEEKDAYS } from '../scenario/schema.js';
import { canonicalDoseUnit, DOSE_UNIT_SPELLINGS, DOSE_UNITS_ALLOWED } from '../scenario/vocabulary.js';
import type { DaysPattern, Dose, RegimenLine, Weekday } from '../scenario/schema.js';

/** Options of {@link parseRegimenTextLines}. */
export interface RegimenTextOptions {
  /** The drug of a chain's first segment when it names none. */
  readonly drug?: DrugName;
}

/**
 * Regimen text that does not follow the grammar. `message` names the offending token and what is allowed, and
 * ends with the segment it was found in.
 */
export class RegimenTextError extends Error {
  readonly code = 'INVALID_REGIMEN_TEXT';
  constructor(
    message: string,
    /** The field of the regimen line the problem is in (`dose.amount`), when it is one field's. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'RegimenTextError';
  }
}

/** The allowed form of a dose amount, as the messages state it. */
export const DOSE_AMOUNT_FORM =
  'a positive number with a point for decimals, then a space and the unit (e.g. 0.2 mg)';

/** Unit spellings accepted in the text form, and the scenario unit each stands for (the vocabulary's). */
export const UNIT_TOKENS = DOSE_UNIT_SPELLINGS;

const CLAUSES =
  `a drug (${DRUG_NAMES.join(', ')}), a route (${ROUTES.join(', ')}), over N(min|h), at TIMES, daily, weekly, ` +
  'every Nd, NonMoff, on WEEKDAYS, from day N, xN(d|w)';

const NUMBER_RE = /^\d+(\.\d+)?(e[+-]?\d+)?$/;
/** A 24-hour clock time, as the scenario schema's `clockTime`. */
const CLOCK_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

/** `bedtime` or a clock time "HH:MM". */
type AtItem = string;

/** The clauses of one segment as they are read. */
interface Segment {
  drug?: DrugName;
  dose?: Dose;
  route?: Route;
  overMin?: number;
  at?: AtItem[];
  days?: DaysPattern;
  fromDay?: number;
  lengthDays?: number;
}

/** A cursor over one segment's tokens that reports errors with the segment's text. */
class Tokens {
  private i = 0;
  constructor(
    private readonly tokens: readonly string[],
    private readonly text: string,
  ) {}

  get done(): boolean {
    return this.i >= this.tokens.length;
  }

  next(): string {
    return this.tokens[this.i++];
  }

  /** The token after a keyword; fails naming the keyword and what it expects. */
  argument(keyword: string, expected: string): string {
    if (this.done) this.fail(`'${keyword}' must be followed by ${expected}`);
    return this.next();
  }

  fail(message: string): never {
    throw new RegimenTextError(`${message} (in "${this.text}")`);
  }

  /** The token after the current one, without moving on. */
  peek(): string | undefined {
    return this.tokens[this.i];
  }

  /** Fails on one field of the line, naming it and its allowed form rather than quoting the line. */
  failField(field: string, message: string): never {
    throw new RegimenTextError(message, field);
  }
}

function parseClockList(token: string, tokens: Tokens): AtItem[] {
  const items = token.split(',');
  for (const item of items) {
    if (item !== 'bedtime' && !CLOCK_RE.test(item)) {
      tokens.fail(`invalid time '${item}'; allowed: bedtime or "HH:MM" from 00:00 to 23:59, comma-separated`);
    }
  }
  return items;
}

function parseWeekdayList(token: string, tokens: Tokens): Weekday[] {
  const items = token.split(',');
  for (const item of items) {
    if (!(WEEKDAYS as readonly string[]).includes(item)) {
      tokens.fail(`invalid weekday '${item}'; allowed: ${WEEKDAYS.join(', ')}, comma-separated`);
    }
  }
  return items as Weekday[];
}

function parseWholeNumber(token: string, what: string, tokens: Tokens): number {
  if (!/^\d+$/.test(token)) tokens.fail(`invalid ${what} '${token}'; allowed: a whole number`);
  return Number(token);
}

function parseOver(token: string, tokens: Tokens): number {
  const match = /^(\d+(?:\.\d+)?)(min|h)$/.exec(token);
  if (!match)
    tokens.fail(`invalid infusion length '${token}'; allowed: N followed by min or h, e.g. 30min, 2h`);
  return Number(match[1]) * (match[2] === 'h' ? 60 : 1);
}

function setOnce<K extends keyof Segment>(
  segment: Segment,
  key: K,
  value: Segment[K],
  token: string,
  tokens: Tokens,
): void {
  if (segment[key] !== undefined) tokens.fail(`'${token}' repeats a clause already given (${key})`);
  segment[key] = value;
}

function parseDoseAt(token: string, segment: Segment, tokens: Tokens): void {
  const unitToken = tokens.argument(token, `a unit (${DOSE_UNITS_ALLOWED})`);
  const unit = canonicalDoseUnit(unitToken);
  if (unit === undefined) tokens.fail(`unknown unit '${unitToken}'; allowed: ${DOSE_UNITS_ALLOWED}`);
  setOnce(segment, 'dose', { amount: Number(token), unit }, token, tokens);
}

function parseEvery(segment: Segment, tokens: Tokens): void {
  const arg = tokens.argument('every', 'Nd, e.g. every 2d');
  const m = /^(\d+)d$/.exec(arg);
  if (!m) tokens.fail(`invalid interval '${arg}' after 'every'; allowed: Nd with N a whole number, e.g. 2d`);
  setOnce(segment, 'days', { every: Number(m[1]) }, 'every', tokens);
}

function parseFromDay(segment: Segment, tokens: Tokens): void {
  const day = tokens.argument('from', "'day N'");
  if (day !== 'day') tokens.fail(`'from' must be followed by 'day N', got '${day}'`);
  const n = parseWholeNumber(tokens.argument('from day', 'a day number'), 'start day', tokens);
  setOnce(segment, 'fromDay', n, 'from', tokens);
}

/** Reads one keyword clause starting at `token`; returns false when the token starts no keyword clause. */
function parseKeywordClause(token: string, segment: Segment, tokens: Tokens): boolean {
  switch (token) {
    case 'over':
      setOnce(
        segment,
        'overMin',
        parseOver(tokens.argument('over', 'a length such as 30min or 2h'), tokens),
        token,
        tokens,
      );
      return true;
    case 'at':
      setOnce(
        segment,
        'at',
        parseClockList(tokens.argument('at', 'bedtime or "HH:MM" times'), tokens),
        token,
        tokens,
      );
      return true;
    case 'daily':
      setOnce(segment, 'days', { every: 1 }, token, tokens);
      return true;
    case 'weekly':
      setOnce(segment, 'days', { every: 7 }, token, tokens);
      return true;
    case 'every':
      parseEvery(segment, tokens);
      return true;
    case 'on':
      setOnce(
        segment,
        'days',
        { weekdays: parseWeekdayList(tokens.argument('on', 'weekdays such as mon,thu'), tokens) },
        token,
        tokens,
      );
      return true;
    case 'from':
      parseFromDay(segment, tokens);
      return true;
    default:
      return false;
  }
}

/** Reads one clause starting at `token`; returns false when the token starts no clause. */
function parseClause(token: string, segment: Segment, tokens: Tokens): boolean {
  let match: RegExpExecArray | null;
  if (isDrugName(token)) setOnce(segment, 'drug', token, token, tokens);
  else if (NUMBER_RE.test(token)) parseDoseAt(token, segment, tokens);
  else if ((ROUTES as readonly string[]).includes(token))
    setOnce(segment, 'route', token as Route, token, tokens);
  else if ((match = /^(\d+)on\/?(\d+)off$/.exec(token)))
    setOnce(segment, 'days', { on: Number(match[1]), off: Number(match[2]) }, token, tokens);
  else if ((match = /^x(\d+)([dw])$/.exec(token)))
    setOnce(segment, 'lengthDays', Number(match[1]) * (match[2] === 'w' ? 7 : 1), token, tokens);
  else return parseKeywordClause(token, segment, tokens);
  return true;
}

function segmentToLine(
  segment: Segment,
  offsetDay: number,
  defaultDrug: DrugName | undefined,
  tokens: Tokens,
): RegimenLine {
  const drug = segment.drug ?? defaultDrug;
  if (drug === undefined) tokens.fail(`no drug named; start with one of ${DRUG_NAMES.join(', ')}`);
  if (segment.dose === undefined) tokens.fail('no dose; write an amount and a unit, e.g. 300 mcg');
  if (segment.route === undefined) tokens.fail(`no route; allowed: ${ROUTES.join(', ')}`);
  if (segment.at === undefined) tokens.fail('no time; write at bedtime, at 22:00 or at 07:00,19:00');
  const startDay = offsetDay + (segment.fromDay ?? 0);
  const line: RegimenLine = {
    drug,
    dose: segment.dose,
    over_min: segment.overMin ?? 0,
    route: segment.route,
    at: segment.at.length === 1 ? segment.at[0] : segment.at,
    days: segment.days ?? { every: 1 },
    start_day: startDay,
  };
  if (segment.lengthDays !== undefined) line.end_day = startDay + segment.lengthDays;
  return line;
}

/**
 * Splits one segment into tokens: lower case, separated by white space, with the spaces around commas dropped so
 * that `at 07:00, 19:00` is one token.
 * @example tokenizeRegimenSegment('300 mcg SC at 07:00, 19:00') // ['300', 'mcg', 'sc', 'at', '07:00,19:00']
 */
export function tokenizeRegimenSegment(text: string): string[] {
  return text
    .trim()
    .toLowerCase()
    .replace(/\s*,\s*/g, ',')
    .split(/\s+/)
    .filter((t) => t !== '');
}

/**
 * A token that stands where a dose amount goes but is not a number: followed by a unit (`abc mg`), or a number
 * with the unit attached (`0.2mg`). `undefined` for any other unknown token.
 */
function badAmountMessage(token: string, next: string | undefined): string | undefined {
  const attached = /^(\d+(?:\.\d+)?)([a-zµμ/]+)$/.exec(token);
  if (attached && canonicalDoseUnit(attached[2]) !== undefined) {
    return `dose amount '${token}' runs into its unit; allowed: ${DOSE_AMOUNT_FORM}`;
  }
  if (next !== undefined && canonicalDoseUnit(next) !== undefined) {
    return `dose amount '${token}' is not a number; allowed: ${DOSE_AMOUNT_FORM}`;
  }
  return undefined;
}

function parseSegment(text: string, offsetDay: number, defaultDrug: DrugName | undefined): RegimenLine {
  const tokens = new Tokens(tokenizeRegimenSegment(text), text.trim());
  const segment: Segment = {};
  while (!tokens.done) {
    const token = tokens.next();
    if (parseClause(token, segment, tokens)) continue;
    const amount = badAmountMessage(token, tokens.peek());
    if (amount !== undefined) tokens.failField('dose.amount', amount);
    tokens.fail(`unknown token '${token}'; expected ${CLAUSES}`);
  }
  return segmentToLine(segment, offsetDay, defaultDrug, tokens);
}

/** One chain `A then B then C`: each segment starts on the day the previous one ends. */
function parseChain(text: string, options: RegimenTextOptions): RegimenLine[] {
  const lines: RegimenLine[] = [];
  for (const part of text.split(/\s+then\s+/i)) {
    const previous = lines[lines.length - 1];
    if (previous !== undefined && previous.end_day === undefined) {
      throw new RegimenTextError(
        `a segment without a length (xN(d|w)) cannot be followed by 'then' (in "${text.trim()}")`,
      );
    }
    // A segment that names no drug continues with the previous segment's drug.
    lines.push(parseSegment(part, previous?.end_day ?? 0, previous?.drug ?? options.drug));
  }
  return lines;
}

/**
 * Reads the one-line text form of a regimen into plain regimen lines, the same objects the YAML form gives (with
 * `over_min`, `days` and `start_day` filled in; `end_day` only when the text gives a length).
 *
 * Grammar (case-insensitive, tokens separated by spaces; clauses after the dose in any order):
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
 * @example parseRegimenTextLines('sermorelin 300 mcg sc at bedtime 5on2off x26w')
 * // [{ drug: 'sermorelin', dose: { amount: 300, unit: 'mcg' }, over_min: 0, route: 'sc', at: 'bedtime',
 * //    days: { on: 5, off: 2 }, start_day: 0, end_day: 182 }]
 * @throws RegimenTextError naming the offending token and the allowed values.
 */
export function parseRegimenTextLines(text: string, options: RegimenTextOptions = {}): RegimenLine[] {
  const chains = text.split(/[;\n]/).filter((chain) => chain.trim() !== '');
  if (chains.length === 0)
    throw new RegimenTextError('empty regimen text; e.g. "sermorelin 300 mcg sc at bedtime daily"');
  return chains.flatMap((chain) => parseChain(chain, options));
}
