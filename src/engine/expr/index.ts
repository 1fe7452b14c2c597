// SPDX-License-Identifier: MIT
/**
 * # The expression language of endotwin models
 *
 * Assignments, rates and outputs of a model are written as small expressions, like the rate laws of mrgsolve,
 * rxode2 or Antimony:
 *
 * ```text
 * kSyn * hill(GHRH, K_ghrh, 2) * hillinv(SST, K_sst, 1) - kel * GH
 * sleep > 0.5 && mod(t, 1440) < 240 ? 2 * base : base
 * ```
 *
 * ## Values and names
 * - Numbers: `2`, `0.5`, `.5`, `1e-3`, `6.02E23`. All arithmetic is in double precision.
 * - Names: `[A-Za-z_][A-Za-z0-9_]*`, case-sensitive: states, parameters, inputs and assignments of the model (one
 *   namespace shared by all sub-models). Outputs cannot be read; declare an assignment and output it instead.
 * - `t`: the time in minutes since the start of the run (reserved). `pi`: π (reserved).
 *
 * ## Operators, from loosest to tightest binding
 * | operators | meaning |
 * | --- | --- |
 * | `c ? a : b` | `a` when `c` is non-zero, else `b`; nests to the right: `c1 ? a : c2 ? b : d` |
 * | `\|\|` | 1 if either side is non-zero, else 0 |
 * | `&&` | 1 if both sides are non-zero, else 0 |
 * | `==  !=` | equality (exact), 1 or 0 |
 * | `<  <=  >  >=` | comparison, 1 or 0; chaining (`a < b < c`) is an error: write `a < b && b < c` |
 * | `+  -` | addition, subtraction (left to right) |
 * | `*  /` | multiplication, division (left to right) |
 * | `-x  +x  !x` | negation, no-op, logical not (1 if x is 0, else 0) |
 * | `a ^ b` | power, right-associative: `a^b^c` = `a^(b^c)`; `-x^2` = `-(x^2)`; `2^-1` = 0.5 |
 *
 * Any non-zero value, NaN included, counts as true. Multiplication must be written: `2x` is an error.
 *
 * ## Functions
 * | function | value |
 * | --- | --- |
 * | `exp(x)`, `log(x)`, `log10(x)`, `sqrt(x)`, `abs(x)`, `floor(x)`, `sin(x)`, `cos(x)` | as in `Math` (radians) |
 * | `pow(a, b)` | `a ^ b` |
 * | `min(a, b, ...)`, `max(a, b, ...)` | smallest / largest of two or more arguments; NaN if any is NaN |
 * | `hill(x, K, n)` | `x^n / (K^n + x^n)` for x > 0, 0 for x ≤ 0 (activation, 0.5 at x = K) |
 * | `hillinv(x, K, n)` | `1 − hill(x, K, n)` (inhibition, 1 at x ≤ 0) |
 * | `clamp(x, lo, hi)` | x limited to [lo, hi] |
 * | `step(x)` | 1 if x > 0, else 0 |
 * | `mod(a, b)` | `a − b·floor(a/b)`: in [0, b) for b > 0, e.g. `mod(t, 1440)` is the minute of the day |
 *
 * ## Errors
 * Syntax errors give the line and column within the expression and a caret under the culprit:
 * ```text
 * expected ')' to close the '(' at 1:5 but found end of expression at 1:12
 *   k * (GH + 1
 *              ^
 * ```
 *
 * ## Units (checked by `compileModel` unless `checkUnits: false`)
 * Declared units such as `ug/L`, `pg/mL`, `1/min`, `ug/L/min`, `mg/dL`, `nmol/L`, `IU/L`, `uU/mL`, `kg`, `kcal/d`,
 * `h`, `min`, `1` are parsed into dimensions (mass, length, time, amount, IU, U). A rate must have the dimension of
 * its state per time, an assignment or output with a unit the dimension of that unit. The check is conservative:
 * numeric literals may carry any unit (`t / 1440`, `60 * k` pass), `x^n` with a symbolic `n` is unconstrained, a
 * name with an unknown unit string switches the check off for the expressions that use it, and only definite
 * contradictions are errors (adding `ug/L` to `1/min`, `exp()` or `sin()` of a concentration, `hill(x, K, n)` with
 * x and K of different dimensions). `log(C)` of a concentration is accepted (read as the log of its value in the
 * declared unit). Only dimensions are compared, not scale: `ug/L` and `pg/mL` are both mass/volume, and converting
 * between them (a factor 10^6) is the author's job.
 *
 * @packageDocumentation
 */

export type {
  BinaryNode,
  BinaryOperator,
  CallNode,
  ConditionalNode,
  ExprNode,
  IdentifierNode,
  NumberNode,
  SourcePosition,
  UnaryNode,
  UnaryOperator,
} from './ast.js';
export { identifiersOf, walkExpression } from './ast.js';
export { parseExpression } from './parser.js';
export { ExpressionError, type ExpressionErrorKind } from './expression-error.js';
export { evaluateExpression } from './evaluate.js';
export { formatExpression } from './format.js';
export {
  BUILTIN_FUNCTIONS,
  RESERVED_NAMES,
  clamp,
  hill,
  hillinv,
  mod,
  step,
  type BuiltinFunction,
} from './functions.js';
export {
  DIMENSION_NAMES,
  DIMENSIONLESS,
  formatDimension,
  parseUnit,
  sameDimension,
  type DimensionVector,
  type ParsedUnit,
} from './units.js';
export { DimensionMismatch, inferDimension, type InferredDimension } from './dimensions.js';
