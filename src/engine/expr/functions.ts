// SPDX-License-Identifier: MIT
/**
 * The built-in functions of the expression language: names, argument counts and reference implementations. The
 * generated JavaScript calls these very implementations (or `Math`), and the C back-end mirrors them line by line,
 * so the three agree.
 */

/** Hill activation `x^n / (K^n + x^n)` for x > 0 and 0 for x ≤ 0, written as `1 / (1 + (K/x)^n)` so that large n
 * cannot overflow `K^n` or `x^n`. NaN in, NaN out. */
export function hill(x: number, k: number, n: number): number {
  return x <= 0 ? 0 : 1 / (1 + Math.pow(k / x, n));
}

/** Hill inhibition `1 − hill(x, K, n)` = `K^n / (K^n + x^n)`: 1 for x ≤ 0, computed as `1 / (1 + (x/K)^n)`. */
export function hillinv(x: number, k: number, n: number): number {
  return x <= 0 ? 1 : 1 / (1 + Math.pow(x / k, n));
}

/** `x` limited to [lo, hi] (assumes lo ≤ hi); NaN in x stays NaN. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Heaviside step: 1 when x > 0, else 0 (also 0 for NaN). */
export function step(x: number): number {
  return x > 0 ? 1 : 0;
}

/**
 * Remainder with the sign of the divisor (floored modulo): `mod(-30, 1440)` is 1410; in [0, b) for b > 0. Uses the
 * exact `%` and corrects its sign; when that correction rounds to b itself (a tiny negative a), the answer is 0.
 */
export function mod(a: number, b: number): number {
  const r = a % b;
  if (r === 0 || r < 0 === b < 0) return r;
  const shifted = r + b;
  return shifted === b ? 0 : shifted;
}

/** Description of one built-in function. */
export interface BuiltinFunction {
  readonly name: string;
  readonly minArgs: number;
  /** `Infinity` for variadic functions. */
  readonly maxArgs: number;
  /** Signature as shown to users, e.g. `hill(x, K, n)`. */
  readonly signature: string;
  /** One line for the language documentation and error messages. */
  readonly summary: string;
  readonly evaluate: (...args: number[]) => number;
}

const fn = (
  name: string,
  minArgs: number,
  maxArgs: number,
  signature: string,
  summary: string,
  evaluate: (...args: number[]) => number,
): BuiltinFunction => ({ name, minArgs, maxArgs, signature, summary, evaluate });

const list: readonly BuiltinFunction[] = [
  fn('exp', 1, 1, 'exp(x)', 'e to the power x', Math.exp),
  fn('log', 1, 1, 'log(x)', 'natural logarithm', Math.log),
  fn('log10', 1, 1, 'log10(x)', 'decimal logarithm', Math.log10),
  fn('sqrt', 1, 1, 'sqrt(x)', 'square root', Math.sqrt),
  fn('abs', 1, 1, 'abs(x)', 'absolute value', Math.abs),
  fn('floor', 1, 1, 'floor(x)', 'largest integer ≤ x', Math.floor),
  fn('sin', 1, 1, 'sin(x)', 'sine (radians)', Math.sin),
  fn('cos', 1, 1, 'cos(x)', 'cosine (radians)', Math.cos),
  fn('pow', 2, 2, 'pow(a, b)', 'a to the power b, same as a ^ b', Math.pow),
  fn('min', 2, Infinity, 'min(a, b, ...)', 'smallest argument (NaN if any is NaN)', Math.min),
  fn('max', 2, Infinity, 'max(a, b, ...)', 'largest argument (NaN if any is NaN)', Math.max),
  fn('hill', 3, 3, 'hill(x, K, n)', 'x^n / (K^n + x^n) for x > 0, 0 for x ≤ 0', hill),
  fn('hillinv', 3, 3, 'hillinv(x, K, n)', '1 − hill(x, K, n)', hillinv),
  fn('clamp', 3, 3, 'clamp(x, lo, hi)', 'x limited to [lo, hi]', clamp),
  fn('step', 1, 1, 'step(x)', '1 if x > 0, else 0', step),
  fn('mod', 2, 2, 'mod(a, b)', 'a − b·floor(a/b): non-negative for b > 0', mod),
];

/** Every built-in function by name. */
export const BUILTIN_FUNCTIONS: ReadonlyMap<string, BuiltinFunction> = new Map(list.map((f) => [f.name, f]));

/** Names with a fixed meaning that no declaration may take: `t` (time, minutes) and `pi`. */
export const RESERVED_NAMES: ReadonlySet<string> = new Set(['t', 'pi']);
