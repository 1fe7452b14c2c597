// SPDX-License-Identifier: MIT
import type { BinaryNode, ExprNode } from './ast.js';
import { BUILTIN_FUNCTIONS } from './functions.js';

/**
 * Evaluates a syntax tree directly, looking names up through `lookup` (`pi` is built in). This is the reference
 * semantics the compiled code must match; it is slow (a tree walk per call) and meant for tests, tools and
 * one-off evaluations, not for the solver's inner loop.
 *
 * Truth values: comparisons, `&&`, `||` and `!` yield 1 or 0; any non-zero value (NaN included) counts as true.
 *
 * @param lookup - value of a name; throw from it for an unknown name.
 * @example evaluateExpression(parseExpression('hill(x, 2, 1)'), () => 2) // 0.5
 */
export function evaluateExpression(node: ExprNode, lookup: (name: string) => number): number {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'identifier':
      return node.name === 'pi' ? Math.PI : lookup(node.name);
    case 'unary': {
      const x = evaluateExpression(node.operand, lookup);
      return node.op === '-' ? -x : x === 0 ? 1 : 0;
    }
    case 'binary':
      return evaluateBinary(node, lookup);
    case 'conditional':
      return evaluateExpression(node.test, lookup) !== 0
        ? evaluateExpression(node.consequent, lookup)
        : evaluateExpression(node.alternate, lookup);
    case 'call': {
      const args = node.args.map((arg) => evaluateExpression(arg, lookup));
      const builtin = BUILTIN_FUNCTIONS.get(node.callee);
      if (builtin === undefined) throw new Error(`unknown function '${node.callee}'`);
      return builtin.evaluate(...args);
    }
  }
}

function evaluateBinary(node: BinaryNode, lookup: (name: string) => number): number {
  const a = evaluateExpression(node.left, lookup);
  const b = evaluateExpression(node.right, lookup);
  const truth = (x: boolean): number => (x ? 1 : 0);
  switch (node.op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '^':
      return Math.pow(a, b);
    case '<':
      return truth(a < b);
    case '<=':
      return truth(a <= b);
    case '>':
      return truth(a > b);
    case '>=':
      return truth(a >= b);
    case '==':
      return truth(a === b);
    case '!=':
      return truth(a !== b);
    case '&&':
      return truth(a !== 0 && b !== 0);
    case '||':
      return truth(a !== 0 || b !== 0);
  }
}
