// SPDX-License-Identifier: MIT
/**
 * The engine's expression syntax tree as SBML Level 3 Version 2 MathML.
 *
 * Two things differ between the languages. First, the engine computes with numbers only (a comparison is 1 or 0,
 * any non-zero value is true), MathML keeps booleans apart: each node is written as a number or as a boolean, as its
 * parent needs, with `piecewise(1, b, 0)` and `x ≠ 0` converting between them. Second, the engine lets a literal
 * number carry whatever unit its context implies (`t / 1440`, `60 * k`); SBML wants the unit written on every
 * literal (`sbml:units`) to check a model's units. Each literal gets the unit its context gives it, found top-down
 * from the unit of the declaration (an assignment's unit, a state's unit per minute) and bottom-up from the
 * declared units of the names around it. libSBML compares units with their scale (`g` and `kg` differ), so units
 * are tracked with their scale here, not only their dimension as the engine's own check does. Functions MathML lacks (`hill`, `hillinv`, `clamp`, `step`, `mod`) are
 * written out with the same definition as `engine/expr/functions.ts`.
 */
import type { ExprNode } from '../../../engine/expr/ast.js';
import type { ParsedUnit } from '../../../engine/expr/units.js';
import { inferUnit, literalValue, ONE, unitPower, unitProduct, type MaybeUnit } from './unit-inference.js';
import { formatDouble } from './xml.js';

/** The MathML namespace. */
export const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
/** The SBML L3V2 core namespace (for `sbml:units` on literals). */
export const SBML_L3V2_NS = 'http://www.sbml.org/sbml/level3/version2/core';

/** What the writer needs to know of the model. */
export interface MathContext {
  /** The unit of a declared name (state, parameter, input, assignment). */
  unitOf(name: string): MaybeUnit;
  /** The SBML unit id for a literal in this unit. */
  unitIdOf(unit: ParsedUnit): string;
}

type Want = 'number' | 'boolean';

const apply = (operator: string, ...args: string[]): string =>
  `<apply><${operator}/>${args.join('')}</apply>`;
const piecewise = (pieces: readonly [string, string][], otherwise: string): string =>
  `<piecewise>${pieces.map(([value, test]) => `<piece>${value}${test}</piece>`).join('')}` +
  `<otherwise>${otherwise}</otherwise></piecewise>`;

const COMPARISONS: Readonly<Record<string, string>> = {
  '<': 'lt',
  '<=': 'leq',
  '>': 'gt',
  '>=': 'geq',
  '==': 'eq',
  '!=': 'neq',
};
const ARITHMETIC: Readonly<Record<string, string>> = {
  '+': 'plus',
  '-': 'minus',
  '*': 'times',
  '/': 'divide',
};
const SAME_NAME: Readonly<Record<string, string>> = {
  exp: 'exp',
  log: 'ln',
  log10: 'log',
  sqrt: 'root',
  abs: 'abs',
  floor: 'floor',
  sin: 'sin',
  cos: 'cos',
};

/** True for nodes whose natural value is a truth value (comparisons and logic). */
function isBoolean(node: ExprNode): boolean {
  if (node.kind === 'binary') return node.op in COMPARISONS || node.op === '&&' || node.op === '||';
  return node.kind === 'unary' && node.op === '!';
}

/** Writes expressions of one model. */
export class MathWriter {
  constructor(private readonly context: MathContext) {}

  /**
   * The expression as the content of a `<math>` element, its literals in the units that make it have
   * `expected` (the declaration's dimension).
   */
  expression(node: ExprNode, expected: MaybeUnit): string {
    return this.emit(node, 'number', expected);
  }

  /** A `<math>` element around some MathML content. */
  static math(content: string): string {
    return `<math xmlns="${MATHML_NS}" xmlns:sbml="${SBML_L3V2_NS}">${content}</math>`;
  }

  /** A literal number in the unit of `dimension` (dimensionless when undefined). */
  literal(value: number, unitOfValue: MaybeUnit): string {
    const unit = this.context.unitIdOf(unitOfValue ?? ONE);
    const text = formatDouble(value);
    const e = text.indexOf('e');
    if (e < 0) return `<cn sbml:units="${unit}">${text}</cn>`;
    const exponent = Number(text.slice(e + 1));
    return `<cn sbml:units="${unit}" type="e-notation">${text.slice(0, e)}<sep/>${exponent}</cn>`;
  }

  /** The unit of a node from the declared units below it; undefined when literals leave it open. */
  private infer(node: ExprNode): MaybeUnit {
    return inferUnit(node, (name) => this.context.unitOf(name));
  }

  /** The unit of a node whose literals are all dimensionless (what an open subtree becomes when nothing fixes it). */
  private inferWithPlainLiterals(node: ExprNode): MaybeUnit {
    return inferUnit(node, (name) => this.context.unitOf(name), ONE);
  }

  private emit(node: ExprNode, want: Want, expected: MaybeUnit): string {
    if (isBoolean(node)) {
      const test = this.emitBoolean(node);
      return want === 'boolean' ? test : piecewise([[this.literal(1, ONE), test]], this.literal(0, ONE));
    }
    const value = this.emitNumber(node, expected);
    if (want === 'number') return value;
    return apply('neq', value, this.literal(0, this.infer(node) ?? expected));
  }

  private emitBoolean(node: ExprNode): string {
    if (node.kind === 'unary') return apply('not', this.emit(node.operand, 'boolean', undefined));
    if (node.kind !== 'binary') throw new Error(`not a boolean node: ${node.kind}`);
    if (node.op === '&&' || node.op === '||') {
      const op = node.op === '&&' ? 'and' : 'or';
      return apply(
        op,
        this.emit(node.left, 'boolean', undefined),
        this.emit(node.right, 'boolean', undefined),
      );
    }
    const shared = this.infer(node.left) ?? this.infer(node.right);
    return apply(
      COMPARISONS[node.op],
      this.emit(node.left, 'number', shared),
      this.emit(node.right, 'number', shared),
    );
  }

  private emitNumber(node: ExprNode, expected: MaybeUnit): string {
    switch (node.kind) {
      case 'number':
        return this.literal(node.value, expected);
      case 'identifier':
        if (node.name === 't')
          return `<csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol>`;
        if (node.name === 'pi') return '<pi/>';
        return `<ci>${node.name}</ci>`;
      case 'unary':
        // '!' is boolean and handled by `emit`; '-' negates.
        return apply('minus', this.emit(node.operand, 'number', expected));
      case 'conditional': {
        const shared = this.infer(node) ?? expected;
        return piecewise(
          [[this.emit(node.consequent, 'number', shared), this.emit(node.test, 'boolean', undefined)]],
          this.emit(node.alternate, 'number', shared),
        );
      }
      case 'binary':
        return this.emitArithmetic(node.op, node.left, node.right, expected, node);
      case 'call':
        return this.emitCall(node.callee, node.args, expected, node);
    }
  }

  private emitArithmetic(
    op: string,
    left: ExprNode,
    right: ExprNode,
    expected: MaybeUnit,
    whole: ExprNode,
  ): string {
    if (op === '^') return this.emitPower(left, right, expected);
    const [l, r] = [this.infer(left), this.infer(right)];
    let le: MaybeUnit;
    let re: MaybeUnit;
    if (op === '+' || op === '-') {
      le = re = this.infer(whole) ?? expected;
    } else if (op === '*') {
      // An open factor takes what the expected unit leaves; with both open, the left one's literals stay
      // dimensionless and the right one takes the rest.
      const lAsWritten = l ?? this.inferWithPlainLiterals(left);
      le = l ?? (r !== undefined && expected ? unitProduct(expected, r, -1) : undefined);
      re = r ?? (expected && lAsWritten ? unitProduct(expected, lAsWritten, -1) : undefined);
    } else {
      // Likewise for a quotient; with both sides open, the divisor's literals stay dimensionless.
      const rAsWritten = r ?? this.inferWithPlainLiterals(right);
      re = r ?? (l !== undefined && expected ? unitProduct(l, expected, -1) : undefined);
      le = l ?? (expected && rAsWritten ? unitProduct(expected, rAsWritten, 1) : undefined);
    }
    return apply(ARITHMETIC[op], this.emit(left, 'number', le), this.emit(right, 'number', re));
  }

  private emitPower(base: ExprNode, exponent: ExprNode, expected: MaybeUnit): string {
    const k = literalValue(exponent);
    const own = this.infer(base);
    const baseExpected =
      own ?? (expected && k !== undefined && k !== 0 ? unitPower(expected, 1 / k) : undefined);
    return apply('power', this.emit(base, 'number', baseExpected), this.emit(exponent, 'number', ONE));
  }

  private emitCall(callee: string, args: readonly ExprNode[], expected: MaybeUnit, whole: ExprNode): string {
    const [a, b, c] = args as [ExprNode, ExprNode, ExprNode];
    const num = (n: ExprNode, d: MaybeUnit): string => this.emit(n, 'number', d);
    switch (callee) {
      case 'exp':
      case 'sin':
      case 'cos':
        return apply(SAME_NAME[callee], num(a, ONE));
      case 'log':
      case 'log10':
        return apply(SAME_NAME[callee], this.dimensionlessArgument(a));
      case 'sqrt': {
        const d = this.infer(a) ?? (expected ? unitPower(expected, 2) : undefined);
        return apply('root', num(a, d));
      }
      case 'abs':
      case 'floor':
        return apply(callee, num(a, this.infer(a) ?? expected));
      case 'pow':
        return this.emitPower(a, b, expected);
      case 'min':
      case 'max': {
        const shared = this.infer(whole) ?? expected;
        return apply(callee, ...args.map((arg) => num(arg, shared)));
      }
      case 'clamp': {
        const shared = this.infer(whole) ?? expected;
        const [x, lo, hi] = [num(a, shared), num(b, shared), num(c, shared)];
        return piecewise(
          [
            [lo, apply('lt', x, lo)],
            [hi, apply('gt', x, hi)],
          ],
          x,
        );
      }
      case 'mod': {
        const shared = this.infer(whole) ?? expected;
        const [x, y] = [num(a, shared), num(b, shared)];
        return apply('minus', x, apply('times', y, apply('floor', apply('divide', x, y))));
      }
      case 'step': {
        const d = this.infer(a);
        const test = apply('gt', num(a, d), this.literal(0, d));
        return piecewise([[this.literal(1, ONE), test]], this.literal(0, ONE));
      }
      case 'hill':
      case 'hillinv':
        return this.emitHill(callee, a, b, c);
      default:
        throw new Error(`no MathML for the function ${callee}()`);
    }
  }

  /** `hill(x, K, n)` = 0 for x ≤ 0, else 1 / (1 + (K/x)^n); `hillinv` = 1 for x ≤ 0, else 1 / (1 + (x/K)^n). */
  private emitHill(callee: string, xNode: ExprNode, kNode: ExprNode, nNode: ExprNode): string {
    const d = this.infer(xNode) ?? this.infer(kNode);
    const x = this.emit(xNode, 'number', d);
    const k = this.emit(kNode, 'number', d);
    const n = this.emit(nNode, 'number', ONE);
    const one = this.literal(1, ONE);
    const ratio = callee === 'hill' ? apply('divide', k, x) : apply('divide', x, k);
    const atZero = this.literal(callee === 'hill' ? 0 : 1, ONE);
    return piecewise(
      [[atZero, apply('leq', x, this.literal(0, d))]],
      apply('divide', one, apply('plus', one, apply('power', ratio, n))),
    );
  }

  /** A logarithm's argument: a concentration is divided by one of its unit (the engine's `log(C)` convention). */
  private dimensionlessArgument(node: ExprNode): string {
    const d = this.infer(node);
    const value = this.emit(node, 'number', d ?? ONE);
    if (d === undefined || (d.scale === 1 && d.dimension.every((e) => e === 0))) return value;
    return apply('divide', value, this.literal(1, d));
  }
}
