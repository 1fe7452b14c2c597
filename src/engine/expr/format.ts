// SPDX-License-Identifier: MIT
import type { BinaryOperator, ExprNode } from './ast.js';

/** Binding strength of each construct; higher binds tighter. */
const PRECEDENCE = {
  conditional: 1,
  '||': 2,
  '&&': 3,
  '==': 4,
  '!=': 4,
  '<': 5,
  '<=': 5,
  '>': 5,
  '>=': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
  unary: 8,
  '^': 9,
  primary: 10,
} as const;

const NON_ASSOCIATIVE: ReadonlySet<BinaryOperator> = new Set(['<', '<=', '>', '>=', '==', '!=']);

function precedenceOf(node: ExprNode): number {
  switch (node.kind) {
    case 'conditional':
      return PRECEDENCE.conditional;
    case 'binary':
      return PRECEDENCE[node.op];
    case 'unary':
      return PRECEDENCE.unary;
    case 'number':
    case 'identifier':
    case 'call':
      return PRECEDENCE.primary;
  }
}

/**
 * Prints a syntax tree back as source text with the fewest parentheses that keep its meaning, so that parsing the
 * result gives the same tree. Used for documentation and error messages.
 *
 * @example formatExpression(parseExpression('((a)+(b*c))')) // 'a + b * c'
 */
export function formatExpression(node: ExprNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'identifier':
      return node.name;
    case 'call':
      return `${node.callee}(${node.args.map(formatExpression).join(', ')})`;
    case 'unary': {
      const operand = formatAtLeast(node.operand, PRECEDENCE.unary);
      // '- -x' rather than '--x', which reads like a decrement.
      return operand.startsWith('-') ? `${node.op} ${operand}` : `${node.op}${operand}`;
    }
    case 'conditional':
      return (
        `${formatAtLeast(node.test, PRECEDENCE['||'])} ? ` +
        `${formatAtLeast(node.consequent, PRECEDENCE.conditional)} : ` +
        `${formatAtLeast(node.alternate, PRECEDENCE.conditional)}`
      );
    case 'binary': {
      const p = PRECEDENCE[node.op];
      if (node.op === '^') {
        return `${formatAtLeast(node.left, PRECEDENCE.primary)}^${formatAtLeast(node.right, PRECEDENCE.unary)}`;
      }
      const leftMin = NON_ASSOCIATIVE.has(node.op) ? p + 1 : p;
      return `${formatAtLeast(node.left, leftMin)} ${node.op} ${formatAtLeast(node.right, p + 1)}`;
    }
  }
}

/** Formats `node`, parenthesised when it binds looser than `minimum`. */
function formatAtLeast(node: ExprNode, minimum: number): string {
  const text = formatExpression(node);
  return precedenceOf(node) < minimum ? `(${text})` : text;
}
