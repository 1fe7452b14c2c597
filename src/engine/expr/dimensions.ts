// SPDX-License-Identifier: MIT
/**
 * Conservative dimensional analysis of an expression. A numeric literal is a wildcard: it may carry any unit the
 * author left implicit (`t / 1440`, `60 * k`), so products and quotients that involve one are unconstrained, and
 * a sum with one takes the other operand's dimension. Only definite contradictions are reported: adding `ug/L` to
 * `1/min`, `exp()` of a concentration, comparing a mass with a time. `log()` accepts any dimension (the log of a
 * concentration in its declared unit is common practice).
 */
import { EngineError } from '../errors.js';
import type { ExprNode, SourcePosition } from './ast.js';
import { DIMENSIONLESS, formatDimension, sameDimension, type DimensionVector } from './units.js';

/** A known dimension, or `undefined` for "unconstrained" (anything goes). */
export type InferredDimension = DimensionVector | undefined;

/** A definite dimensional contradiction, at the node where it shows. */
export class DimensionMismatch extends EngineError {
  constructor(
    readonly detail: string,
    readonly pos: SourcePosition,
  ) {
    super(`${detail} at ${pos.line}:${pos.column}`, 'EXPRESSION');
    this.name = 'DimensionMismatch';
  }
}

const TIME: DimensionVector = [0, 0, 1, 0, 0, 0];
const TRANSCENDENTAL: ReadonlySet<string> = new Set(['exp', 'sin', 'cos']);
/** `log(C)` of a concentration is read as `log(C / 1 unit)`, as pharmacometric models routinely write it. */
const LOGARITHM: ReadonlySet<string> = new Set(['log', 'log10']);
const SAME_AS_ARGUMENTS: ReadonlySet<string> = new Set(['min', 'max', 'clamp', 'mod']);
const COMPARISON: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '==', '!=']);

const scale = (d: DimensionVector, k: number): DimensionVector =>
  d.map((e) => e * k) as unknown as DimensionVector;
const add = (a: DimensionVector, b: DimensionVector, sign: 1 | -1): DimensionVector =>
  a.map((e, i) => e + sign * b[i]) as unknown as DimensionVector;

/**
 * The dimension of `node`, or `undefined` when unconstrained.
 *
 * @param dimensionOf - dimension of each name (`t` and `pi` are handled here); `undefined` = unconstrained.
 * @throws DimensionMismatch on a definite contradiction.
 */
export function inferDimension(
  node: ExprNode,
  dimensionOf: (name: string) => InferredDimension,
): InferredDimension {
  const infer = (n: ExprNode): InferredDimension => inferNode(n, dimensionOf, infer);
  return infer(node);
}

function inferNode(
  node: ExprNode,
  dimensionOf: (name: string) => InferredDimension,
  infer: (n: ExprNode) => InferredDimension,
): InferredDimension {
  switch (node.kind) {
    case 'number':
      return undefined;
    case 'identifier':
      return node.name === 't' ? TIME : node.name === 'pi' ? DIMENSIONLESS : dimensionOf(node.name);
    case 'unary': {
      const operand = infer(node.operand);
      return node.op === '-' ? operand : DIMENSIONLESS;
    }
    case 'conditional':
      infer(node.test);
      return unify([node.consequent, node.alternate], infer, 'both branches of ?:');
    case 'call':
      return inferCall(node.callee, node.args, infer);
    case 'binary':
      switch (node.op) {
        case '+':
        case '-':
          return unify([node.left, node.right], infer, `both sides of '${node.op}'`);
        case '*':
        case '/': {
          const l = infer(node.left);
          const r = infer(node.right);
          return l === undefined || r === undefined ? undefined : add(l, r, node.op === '*' ? 1 : -1);
        }
        case '^':
          return inferPower(node.left, node.right, infer);
        case '&&':
        case '||':
          infer(node.left);
          infer(node.right);
          return DIMENSIONLESS;
        default:
          if (COMPARISON.has(node.op)) unify([node.left, node.right], infer, `both sides of '${node.op}'`);
          return DIMENSIONLESS;
      }
  }
}

/** All `nodes` must share one dimension (wildcards excepted); returns it. */
function unify(
  nodes: readonly ExprNode[],
  infer: (n: ExprNode) => InferredDimension,
  what: string,
): InferredDimension {
  let found: InferredDimension;
  for (const n of nodes) {
    const d = infer(n);
    if (d === undefined) continue;
    if (found !== undefined && !sameDimension(found, d)) {
      throw new DimensionMismatch(
        `${what} must have the same dimension: ${formatDimension(found)} vs ${formatDimension(d)}`,
        n.pos,
      );
    }
    found ??= d;
  }
  return found;
}

function requireDimensionless(node: ExprNode, d: InferredDimension, what: string): void {
  if (d !== undefined && !sameDimension(d, DIMENSIONLESS)) {
    throw new DimensionMismatch(`${what} must be dimensionless, got ${formatDimension(d)}`, node.pos);
  }
}

/** The value of an exponent written as a literal (`2`, `-1`, `0.5`), or undefined. */
function literalValue(node: ExprNode): number | undefined {
  if (node.kind === 'number') return node.value;
  if (node.kind === 'unary' && node.op === '-') {
    const inner = literalValue(node.operand);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

function inferPower(
  baseNode: ExprNode,
  exponentNode: ExprNode,
  infer: (n: ExprNode) => InferredDimension,
): InferredDimension {
  const base = infer(baseNode);
  requireDimensionless(exponentNode, infer(exponentNode), 'an exponent');
  if (base === undefined || sameDimension(base, DIMENSIONLESS)) return base;
  const k = literalValue(exponentNode);
  // A dimensioned base to a symbolic power (x^n, as in a Hill term) has no fixed dimension: leave it open.
  return k === undefined ? undefined : scale(base, k);
}

function inferCall(
  callee: string,
  args: readonly ExprNode[],
  infer: (n: ExprNode) => InferredDimension,
): InferredDimension {
  const [first, second, third] = args as [ExprNode, ExprNode, ExprNode];
  if (TRANSCENDENTAL.has(callee)) {
    requireDimensionless(first, infer(first), `the argument of ${callee}()`);
    return DIMENSIONLESS;
  }
  if (LOGARITHM.has(callee)) {
    infer(first);
    return DIMENSIONLESS;
  }
  if (SAME_AS_ARGUMENTS.has(callee)) return unify(args, infer, `the arguments of ${callee}()`);
  switch (callee) {
    case 'sqrt': {
      const d = infer(first);
      return d === undefined ? undefined : scale(d, 0.5);
    }
    case 'abs':
    case 'floor':
      return infer(first);
    case 'pow':
      return inferPower(first, second, infer);
    case 'hill':
    case 'hillinv':
      unify([first, second], infer, `x and K of ${callee}(x, K, n)`);
      requireDimensionless(third, infer(third), `the Hill coefficient n of ${callee}()`);
      return DIMENSIONLESS;
    case 'step':
      infer(first);
      return DIMENSIONLESS;
    default:
      return undefined; // a function without a rule constrains nothing (a missed check beats a false error)
  }
}
