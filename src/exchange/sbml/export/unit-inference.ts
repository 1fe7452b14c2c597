// SPDX-License-Identifier: MIT
/**
 * The unit of an expression, with its scale, from the declared units of the names in it: the engine's conservative
 * dimensional analysis (`engine/expr/dimensions.ts`) carried over to units, because SBML checks compare scales too.
 * A literal number is open (undefined); so is a product with an open factor. Nothing here throws: the model has
 * passed the engine's checks, and where two sides disagree the first known one is taken.
 */
import type { ExprNode } from '../../../engine/expr/ast.js';
import type { DimensionVector, ParsedUnit } from '../../../engine/expr/units.js';

/** A unit, or undefined when the expression leaves it open. */
export type MaybeUnit = ParsedUnit | undefined;

/** Pure numbers. */
export const ONE: ParsedUnit = { dimension: [0, 0, 0, 0, 0, 0], scale: 1 };
/** The minute, the unit of `t`. */
export const TIME_UNIT: ParsedUnit = { dimension: [0, 0, 1, 0, 0, 0], scale: 1 };

/** `a · b` (sign 1) or `a / b` (sign −1). */
export function unitProduct(a: ParsedUnit, b: ParsedUnit, sign: 1 | -1): ParsedUnit {
  return {
    dimension: a.dimension.map((e, i) => e + sign * b.dimension[i]) as unknown as DimensionVector,
    scale: sign === 1 ? a.scale * b.scale : a.scale / b.scale,
  };
}

/** `a ^ k`. */
export function unitPower(a: ParsedUnit, k: number): ParsedUnit {
  return {
    dimension: a.dimension.map((e) => e * k) as unknown as DimensionVector,
    scale: Math.pow(a.scale, k),
  };
}

/** True for a pure number's unit (any scale). */
export function isDimensionless(unit: ParsedUnit): boolean {
  return unit.dimension.every((e) => e === 0);
}

/** The value of an exponent written as a literal (`2`, `-1`, `0.5`), or undefined. */
export function literalValue(node: ExprNode): number | undefined {
  if (node.kind === 'number') return node.value;
  if (node.kind === 'unary' && node.op === '-') {
    const inner = literalValue(node.operand);
    return inner === undefined ? undefined : -inner;
  }
  return undefined;
}

const DIMENSIONLESS_RESULT: ReadonlySet<string> = new Set([
  'exp',
  'sin',
  'cos',
  'log',
  'log10',
  'hill',
  'hillinv',
  'step',
]);
const SAME_AS_ARGUMENTS: ReadonlySet<string> = new Set(['min', 'max', 'clamp', 'mod']);

/**
 * The unit of `node`, or undefined when literals leave it open.
 * @param unitOf - the declared unit of a name (`t` and `pi` are handled here).
 * @param literal - the unit of literal numbers: open (undefined, the default) or a fixed one.
 */
export function inferUnit(
  node: ExprNode,
  unitOf: (name: string) => MaybeUnit,
  literal: MaybeUnit = undefined,
): MaybeUnit {
  const infer = (n: ExprNode): MaybeUnit => inferUnit(n, unitOf, literal);
  const first = (nodes: readonly ExprNode[]): MaybeUnit => {
    for (const n of nodes) {
      const u = infer(n);
      if (u !== undefined) return u;
    }
    return undefined;
  };
  switch (node.kind) {
    case 'number':
      return literal;
    case 'identifier':
      return node.name === 't' ? TIME_UNIT : node.name === 'pi' ? ONE : unitOf(node.name);
    case 'unary':
      return node.op === '-' ? infer(node.operand) : ONE;
    case 'conditional':
      return first([node.consequent, node.alternate]);
    case 'binary':
      switch (node.op) {
        case '+':
        case '-':
          return first([node.left, node.right]);
        case '*':
        case '/': {
          const l = infer(node.left);
          const r = infer(node.right);
          return l === undefined || r === undefined ? undefined : unitProduct(l, r, node.op === '*' ? 1 : -1);
        }
        case '^':
          return powerUnit(infer(node.left), node.right);
        default:
          return ONE; // comparisons and logic
      }
    case 'call': {
      if (DIMENSIONLESS_RESULT.has(node.callee)) return ONE;
      if (SAME_AS_ARGUMENTS.has(node.callee)) return first(node.args);
      const arg = infer(node.args[0]);
      switch (node.callee) {
        case 'sqrt':
          return arg === undefined ? undefined : unitPower(arg, 0.5);
        case 'abs':
        case 'floor':
          return arg;
        case 'pow':
          return powerUnit(arg, node.args[1]);
        default:
          return undefined;
      }
    }
  }
}

function powerUnit(base: MaybeUnit, exponent: ExprNode): MaybeUnit {
  if (base === undefined) return undefined;
  const k = literalValue(exponent);
  if (k !== undefined) return unitPower(base, k);
  return isDimensionless(base) ? ONE : undefined;
}
