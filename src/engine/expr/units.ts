// SPDX-License-Identifier: MIT
/**
 * A small parser for the unit strings of declarations (`ug/L`, `1/min`, `ug/L/min`, `uU/mL`, `kcal/d`, `kg/m^2`)
 * into a dimension vector and a scale factor relative to the base units. Only what physiology models write is
 * known; anything else parses to `undefined`, which switches unit checks off for the expressions that use it.
 */
import { MIN_PER_DAY } from '../time.js';

/** Base dimensions, in the order of a `DimensionVector`. IU and U (enzyme/insulin units) are their own dimensions:
 * they are defined by bioassay and cannot be converted to mass or moles in general. */
export const DIMENSION_NAMES = ['mass', 'length', 'time', 'amount', 'IU', 'U'] as const;

/** Exponents of mass (g), length (m), time (min), amount (mol), IU and U. A volume is length^3. */
export type DimensionVector = readonly [number, number, number, number, number, number];

/** A parsed unit: its dimension and its size in base units (g, m, min, mol, IU, U), e.g. `mL` → 1e-6 (m^3). */
export interface ParsedUnit {
  readonly dimension: DimensionVector;
  readonly scale: number;
}

/** The dimension of pure numbers. */
export const DIMENSIONLESS: DimensionVector = [0, 0, 0, 0, 0, 0];

const base = (index: number, scale = 1): ParsedUnit => {
  const dimension = [0, 0, 0, 0, 0, 0];
  dimension[index] = 1;
  return { dimension: dimension as unknown as DimensionVector, scale };
};
const MASS = base(0);
const METRE = base(1);
const MINUTE = base(2);
const MOLE = base(3);
const LITRE: ParsedUnit = { dimension: [0, 3, 0, 0, 0, 0], scale: 1e-3 };
const JOULE: ParsedUnit = { dimension: [1, 2, -2, 0, 0, 0], scale: 1000 * 3600 }; // kg·m²/s² in g, m, min

/** Decimal prefixes, each limited to the units where it is actually used (so `min` is never milli-inches). */
const PREFIXES: Readonly<Record<string, number>> = {
  f: 1e-15,
  p: 1e-12,
  n: 1e-9,
  u: 1e-6,
  µ: 1e-6,
  μ: 1e-6,
  mc: 1e-6,
  m: 1e-3,
  c: 1e-2,
  d: 1e-1,
  k: 1e3,
  M: 1e6,
};

function withPrefixes(symbol: string, unit: ParsedUnit, prefixes: string): [string, ParsedUnit][] {
  const entries: [string, ParsedUnit][] = [[symbol, unit]];
  for (const p of prefixes.split(' ')) {
    entries.push([p + symbol, { dimension: unit.dimension, scale: unit.scale * PREFIXES[p] }]);
  }
  return entries;
}

const scaled = (unit: ParsedUnit, factor: number): ParsedUnit => ({
  dimension: unit.dimension,
  scale: unit.scale * factor,
});

const SYMBOLS: ReadonlyMap<string, ParsedUnit> = new Map<string, ParsedUnit>([
  ['1', { dimension: DIMENSIONLESS, scale: 1 }],
  ['-', { dimension: DIMENSIONLESS, scale: 1 }],
  ['dimensionless', { dimension: DIMENSIONLESS, scale: 1 }],
  ['%', { dimension: DIMENSIONLESS, scale: 0.01 }],
  ...withPrefixes('g', MASS, 'f p n u µ μ mc m k'),
  ...withPrefixes('m', METRE, 'n u µ μ m c k'),
  ...withPrefixes('L', LITRE, 'f p n u µ μ m c d'),
  ...withPrefixes('l', LITRE, 'u µ μ m c d'),
  ...withPrefixes('mol', MOLE, 'f p n u µ μ m'),
  ...withPrefixes('M', scaled(MOLE, 1e3), 'f p n u µ μ m').map(
    // molar = mol/L: amount per length^3
    ([s, u]): [string, ParsedUnit] => [s, { dimension: [0, -3, 0, 1, 0, 0], scale: u.scale }],
  ),
  ...withPrefixes('IU', base(4), 'u µ μ m k'),
  ...withPrefixes('U', base(5), 'u µ μ m k'),
  ...withPrefixes('J', JOULE, 'k M'),
  ...withPrefixes('cal', scaled(JOULE, 4.184), 'k'),
  ['cc', scaled(LITRE, 1e-3)],
  ['s', scaled(MINUTE, 1 / 60)],
  ['sec', scaled(MINUTE, 1 / 60)],
  ['ms', scaled(MINUTE, 1 / 60000)],
  ['min', MINUTE],
  ['h', scaled(MINUTE, 60)],
  ['hr', scaled(MINUTE, 60)],
  ['d', scaled(MINUTE, MIN_PER_DAY)],
  ['day', scaled(MINUTE, MIN_PER_DAY)],
  ['wk', scaled(MINUTE, 10080)],
  ['week', scaled(MINUTE, 10080)],
  ['y', scaled(MINUTE, 525960)], // Julian year, 365.25 d
  ['yr', scaled(MINUTE, 525960)],
  ['year', scaled(MINUTE, 525960)],
]);

/** Multiplies two units (or divides when `sign` is −1). */
function combine(a: ParsedUnit, b: ParsedUnit, sign: 1 | -1): ParsedUnit {
  return {
    dimension: a.dimension.map((e, i) => e + sign * b.dimension[i]) as unknown as DimensionVector,
    scale: sign === 1 ? a.scale * b.scale : a.scale / b.scale,
  };
}

function power(a: ParsedUnit, exponent: number): ParsedUnit {
  return {
    dimension: a.dimension.map((e) => e * exponent) as unknown as DimensionVector,
    scale: Math.pow(a.scale, exponent),
  };
}

/** Tokens: numbers, symbols (letters, µ, %, with trailing digits as an exponent: `m2`), `* / ^ ( ) ·` and spaces. */
const TOKEN_RE =
  /\s*(?:(\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|([A-Za-zµμ%]+)(\d*)|(\^\s*[+-]?\d+(?:\.\d+)?)|([*/()·-]))/y;

type UnitToken =
  { kind: 'unit'; unit: ParsedUnit } | { kind: 'exponent'; value: number } | { kind: 'op'; text: string };

function tokenizeUnit(text: string): UnitToken[] | undefined {
  const tokens: UnitToken[] = [];
  TOKEN_RE.lastIndex = 0;
  while (TOKEN_RE.lastIndex < text.length) {
    const m = TOKEN_RE.exec(text);
    if (m === null) return text.slice(TOKEN_RE.lastIndex).trim() === '' ? tokens : undefined;
    const [, num, symbol, digits, exponent, op] = m;
    if (num !== undefined)
      tokens.push({ kind: 'unit', unit: { dimension: DIMENSIONLESS, scale: Number(num) } });
    else if (symbol !== undefined) {
      const unit = SYMBOLS.get(symbol);
      if (unit === undefined) return undefined;
      tokens.push({ kind: 'unit', unit: digits ? power(unit, Number(digits)) : unit });
    } else if (exponent !== undefined)
      tokens.push({ kind: 'exponent', value: Number(exponent.slice(1).trim()) });
    else tokens.push({ kind: 'op', text: op });
  }
  return tokens;
}

/** Recursive descent over unit tokens: product := factor (('*' | '·' | '/' | juxtaposition) factor)*. */
class UnitParser {
  private i = 0;
  constructor(private readonly tokens: readonly UnitToken[]) {}

  parseAll(): ParsedUnit | undefined {
    const unit = this.product();
    return unit !== undefined && this.i === this.tokens.length ? unit : undefined;
  }

  private product(): ParsedUnit | undefined {
    let acc = this.factor();
    while (acc !== undefined && this.i < this.tokens.length) {
      const t = this.tokens[this.i];
      if (t.kind === 'op' && t.text === ')') break;
      let sign: 1 | -1 = 1;
      if (t.kind === 'op' && (t.text === '*' || t.text === '·' || t.text === '/')) {
        sign = t.text === '/' ? -1 : 1;
        this.i++;
      }
      const next = this.factor();
      acc = next === undefined ? undefined : combine(acc, next, sign);
    }
    return acc;
  }

  private factor(): ParsedUnit | undefined {
    const t = this.tokens[this.i++];
    let unit: ParsedUnit | undefined;
    if (t?.kind === 'unit') unit = t.unit;
    else if (t?.kind === 'op' && t.text === '(') {
      unit = this.product();
      const close = this.tokens[this.i++];
      if (close?.kind !== 'op' || close.text !== ')') return undefined;
    } else if (t?.kind === 'op' && t.text === '-' && this.tokens.length === 1) {
      return { dimension: DIMENSIONLESS, scale: 1 }; // '-' alone: dimensionless
    } else return undefined;
    const next = this.tokens[this.i];
    if (unit !== undefined && next?.kind === 'exponent') {
      this.i++;
      unit = power(unit, next.value);
    }
    return unit;
  }
}

/**
 * Parses a unit string into its dimension and scale, or `undefined` when any part is unknown.
 *
 * @example parseUnit('ug/L/min') // { dimension: [1, -3, -1, 0, 0, 0], scale: 1 }  (1e-6 g / 1e-3 m³ / min)
 * @example parseUnit('kcal/d')   // energy per time
 */
export function parseUnit(text: string): ParsedUnit | undefined {
  // Models repeat a handful of unit strings hundreds of times: parse each once.
  if (cache.has(text)) return cache.get(text);
  if (cache.size >= 10_000) cache.clear();
  const unit = parseUnitUncached(text);
  const frozen = unit && Object.freeze({ dimension: Object.freeze([...unit.dimension]), scale: unit.scale });
  cache.set(text, frozen as ParsedUnit | undefined);
  return frozen as ParsedUnit | undefined;
}

const cache = new Map<string, ParsedUnit | undefined>();

function parseUnitUncached(text: string): ParsedUnit | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const tokens = tokenizeUnit(trimmed);
  return tokens === undefined || tokens.length === 0 ? undefined : new UnitParser(tokens).parseAll();
}

/** True when two dimension vectors are equal (exponents compared to 1e-9: `sqrt` halves them). */
export function sameDimension(a: DimensionVector, b: DimensionVector): boolean {
  return a.every((e, i) => Math.abs(e - b[i]) < 1e-9);
}

/**
 * Writes a dimension for messages, volume spelled as such: `mass/volume/time`, `1/time`, `dimensionless`.
 */
export function formatDimension(dim: DimensionVector): string {
  const names: string[] = [...DIMENSION_NAMES];
  const exps: number[] = [...dim];
  const factors: [string, number][] = [];
  const volumes = exps[1] !== undefined && Number.isInteger(exps[1] / 3) ? exps[1] / 3 : 0;
  exps.forEach((e, i) => {
    const rest = i === 1 ? e - 3 * volumes : e;
    if (Math.abs(rest) > 1e-9) factors.push([names[i], rest]);
    if (i === 1 && volumes !== 0) factors.push(['volume', volumes]);
  });
  if (factors.length === 0) return 'dimensionless';
  const show = ([n, e]: [string, number]): string => (Math.abs(e) === 1 ? n : `${n}^${Math.abs(e)}`);
  const numerator = factors.filter(([, e]) => e > 0).map(show);
  const denominator = factors.filter(([, e]) => e < 0).map(show);
  return (numerator.length === 0 ? '1' : numerator.join('·')) + denominator.map((d) => `/${d}`).join('');
}
