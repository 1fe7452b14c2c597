// SPDX-License-Identifier: MIT
import type { BinaryNode, ExprNode, IdentifierNode } from './ast.js';

/** How one target language spells what the expression language needs. */
interface Dialect {
  number(value: number): string;
  call(callee: string, args: readonly string[]): string;
  readonly equal: string;
  readonly notEqual: string;
  readonly one: string;
  readonly zero: string;
  readonly pi: string;
}

/** Maps an identifier (never `pi`) to the target-language variable that holds its value. */
export type NameResolver = (node: IdentifierNode) => string;

const COMPARISONS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '==', '!=']);

/** A numeric literal, parenthesised when negative so that `a - (-1)` never becomes `a --1`. */
function signed(text: string, value: number): string {
  return value < 0 || Object.is(value, -0) ? `(${text})` : text;
}

/**
 * JavaScript spelling. Functions are called through locals the generated factory binds once (`f_exp = Math.exp`,
 * `f_hill = helpers.hill`, see `JS_FUNCTION_BINDINGS`), so the hot function does no property lookups.
 */
const JS: Dialect = {
  number: (value) => signed(String(value), value),
  call: (callee, args) =>
    callee === 'step' ? `(${args[0]} > 0 ? 1 : 0)` : `f_${callee}(${args.join(', ')})`,
  equal: '===',
  notEqual: '!==',
  one: '1',
  zero: '0',
  pi: String(Math.PI),
};

/** Every function local the generated JavaScript may use, with the expression that initialises it. */
export const JS_FUNCTION_BINDINGS: Readonly<Record<string, string>> = {
  f_exp: 'Math.exp',
  f_log: 'Math.log',
  f_log10: 'Math.log10',
  f_sqrt: 'Math.sqrt',
  f_abs: 'Math.abs',
  f_floor: 'Math.floor',
  f_sin: 'Math.sin',
  f_cos: 'Math.cos',
  f_pow: 'Math.pow',
  f_min: 'Math.min',
  f_max: 'Math.max',
  f_hill: 'helpers.hill',
  f_hillinv: 'helpers.hillinv',
  f_clamp: 'helpers.clamp',
  f_mod: 'helpers.mod',
};

/** A double literal with 17 significant digits: always has a '.' so C reads it as a double. */
export function cDouble(value: number): string {
  if (Number.isNaN(value)) return '(0.0 / 0.0)';
  if (!Number.isFinite(value)) return value > 0 ? 'HUGE_VAL' : '(-HUGE_VAL)';
  return signed(value.toPrecision(17), value);
}

const C_NAMES: Readonly<Record<string, string>> = {
  exp: 'exp',
  log: 'log',
  log10: 'log10',
  sqrt: 'sqrt',
  abs: 'fabs',
  floor: 'floor',
  sin: 'sin',
  cos: 'cos',
  pow: 'pow',
  hill: 'et_hill',
  hillinv: 'et_hillinv',
  clamp: 'et_clamp',
  mod: 'et_mod',
};

/** `min(a, b, c)` as `et_min(a, et_min(b, c))`: C's helpers take two arguments. */
function nestPairs(helper: string, args: readonly string[]): string {
  return args.slice(0, -1).reduceRight((acc, arg) => `${helper}(${arg}, ${acc})`, args[args.length - 1]);
}

/** C99 spelling, using `<math.h>` and the `et_*` helpers of `C_HELPERS`. */
const C: Dialect = {
  number: cDouble,
  call: (callee, args) => {
    if (callee === 'step') return `(${args[0]} > 0.0 ? 1.0 : 0.0)`;
    if (callee === 'min' || callee === 'max') return nestPairs(`et_${callee}`, args);
    return `${C_NAMES[callee] ?? callee}(${args.join(', ')})`;
  },
  equal: '==',
  notEqual: '!=',
  one: '1.0',
  zero: '0.0',
  pi: cDouble(Math.PI),
};

/**
 * C definitions of the helpers, with exactly the semantics of `functions.ts` (NaN propagation included: C's
 * fmin/fmax would drop a NaN where JavaScript's Math.min keeps it).
 */
export const C_HELPERS = `static inline double et_hill(double x, double k, double n) {
  return x <= 0.0 ? 0.0 : 1.0 / (1.0 + pow(k / x, n));
}
static inline double et_hillinv(double x, double k, double n) {
  return x <= 0.0 ? 1.0 : 1.0 / (1.0 + pow(x / k, n));
}
static inline double et_clamp(double x, double lo, double hi) {
  return x < lo ? lo : (x > hi ? hi : x);
}
static inline double et_mod(double a, double b) {
  double r = fmod(a, b);
  if (r == 0.0 || ((r < 0.0) == (b < 0.0))) return r;
  double shifted = r + b;
  return shifted == b ? 0.0 : shifted;
}
static inline double et_min(double a, double b) {
  return (isnan(a) || isnan(b)) ? a + b : (a < b ? a : b);
}
static inline double et_max(double a, double b) {
  return (isnan(a) || isnan(b)) ? a + b : (a > b ? a : b);
}
`;

/** Generates target code for one expression, fully parenthesised (the C compiler or JIT removes nothing it needs). */
function emit(node: ExprNode, d: Dialect, name: NameResolver): string {
  switch (node.kind) {
    case 'number':
      return d.number(node.value);
    case 'identifier':
      return node.name === 'pi' ? d.pi : name(node);
    case 'unary':
      return node.op === '-' ? `(-${emit(node.operand, d, name)})` : truthValue(node, d, name);
    case 'binary':
      if (node.op === '^') return d.call('pow', [emit(node.left, d, name), emit(node.right, d, name)]);
      if (COMPARISONS.has(node.op) || node.op === '&&' || node.op === '||') return truthValue(node, d, name);
      return `(${emit(node.left, d, name)} ${node.op} ${emit(node.right, d, name)})`;
    case 'conditional':
      return (
        `(${emitCondition(node.test, d, name)} ? ${emit(node.consequent, d, name)} : ` +
        `${emit(node.alternate, d, name)})`
      );
    case 'call':
      return d.call(
        node.callee,
        node.args.map((arg) => emit(arg, d, name)),
      );
  }
}

/** A logical node as the number 1 or 0. */
function truthValue(node: ExprNode, d: Dialect, name: NameResolver): string {
  return `(${emitCondition(node, d, name)} ? ${d.one} : ${d.zero})`;
}

/** An expression as a target-language boolean: comparisons stay comparisons, other values test `!= 0`. */
function emitCondition(node: ExprNode, d: Dialect, name: NameResolver): string {
  if (node.kind === 'unary' && node.op === '!') return `(!${emitCondition(node.operand, d, name)})`;
  if (node.kind === 'binary' && (node.op === '&&' || node.op === '||')) {
    return `(${emitCondition(node.left, d, name)} ${node.op} ${emitCondition(node.right, d, name)})`;
  }
  if (node.kind === 'binary' && COMPARISONS.has(node.op)) return emitComparison(node, d, name);
  return `(${emit(node, d, name)} ${d.notEqual} ${d.zero})`;
}

function emitComparison(node: BinaryNode, d: Dialect, name: NameResolver): string {
  const op = node.op === '==' ? d.equal : node.op === '!=' ? d.notEqual : node.op;
  return `(${emit(node.left, d, name)} ${op} ${emit(node.right, d, name)})`;
}

/** JavaScript source for an expression; names go through `name`, functions through `JS_FUNCTION_BINDINGS`. */
export function emitJsExpression(node: ExprNode, name: NameResolver): string {
  return emit(node, JS, name);
}

/** C99 source for an expression; names go through `name`, functions through `<math.h>` and `C_HELPERS`. */
export function emitCExpression(node: ExprNode, name: NameResolver): string {
  return emit(node, C, name);
}
