// SPDX-License-Identifier: MIT
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExprNode } from './ast.js';
import { ExpressionError } from './expression-error.js';
import { formatExpression } from './format.js';
import { parseExpression } from './parser.js';

/** The tree as a fully parenthesised string, positions dropped: shows exactly how the parser grouped things. */
function shape(node: ExprNode): string {
  switch (node.kind) {
    case 'number':
      return String(node.value);
    case 'identifier':
      return node.name;
    case 'unary':
      return `(${node.op}${shape(node.operand)})`;
    case 'binary':
      return `(${shape(node.left)} ${node.op} ${shape(node.right)})`;
    case 'conditional':
      return `(${shape(node.test)} ? ${shape(node.consequent)} : ${shape(node.alternate)})`;
    case 'call':
      return `${node.callee}(${node.args.map(shape).join(', ')})`;
  }
}

const grouped = (source: string): string => shape(parseExpression(source));

function parseError(source: string): ExpressionError {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected a parse error for ${source}`);
}

describe('parseExpression: precedence and associativity', () => {
  it.each([
    ['1 + 2 * 3', '(1 + (2 * 3))'],
    ['(1 + 2) * 3', '((1 + 2) * 3)'],
    ['a - b - c', '((a - b) - c)'],
    ['a / b / c', '((a / b) / c)'],
    ['a / b * c', '((a / b) * c)'],
    ['a ^ b ^ c', '(a ^ (b ^ c))'],
    ['-x ^ 2', '(-(x ^ 2))'],
    ['2 ^ -1', '(2 ^ (-1))'],
    ['+x', 'x'],
    ['- -x', '(-(-x))'],
    ['a * -b', '(a * (-b))'],
    ['!a && b', '((!a) && b)'],
    ['a || b && c', '(a || (b && c))'],
    ['a < b == c > d', '((a < b) == (c > d))'],
    ['a + 1 < b * 2', '((a + 1) < (b * 2))'],
    ['a > 0 && b <= 1 || c != 2', '(((a > 0) && (b <= 1)) || (c != 2))'],
    ['c ? a : b', '(c ? a : b)'],
    ['c1 ? a : c2 ? b : d', '(c1 ? a : (c2 ? b : d))'],
    ['c ? x ? 1 : 2 : 3', '(c ? (x ? 1 : 2) : 3)'],
    ['a || b ? 1 + 2 : 3', '((a || b) ? (1 + 2) : 3)'],
    ['hill(x, K, n) * max(a, b, c)', '(hill(x, K, n) * max(a, b, c))'],
    ['exp(-k * t)', 'exp(((-k) * t))'],
    ['1e-3 + .5 + 2. + 6.02E23', '(((0.001 + 0.5) + 2) + 6.02e+23)'],
  ])('%s groups as %s', (source, expected) => {
    expect(grouped(source)).toBe(expected);
  });

  it('spans lines and records 1-based positions', () => {
    const node = parseExpression('a +\n  b');
    expect(node.kind).toBe('binary');
    if (node.kind !== 'binary') return;
    expect(node.pos).toEqual({ offset: 2, line: 1, column: 3 });
    expect(node.right.pos).toEqual({ offset: 6, line: 2, column: 3 });
  });
});

describe('parseExpression: errors carry line, column and a caret', () => {
  it.each([
    ['k * (GH + 1', 1, 12, "expected ')' to close the '(' at 1:5 but found end of expression"],
    ['a +', 1, 4, 'expected a number, a name or'],
    ['a b', 1, 3, "unexpected name 'b' after a complete expression"],
    ['2x', 1, 2, "unexpected 'x' right after the number '2'"],
    ['1.2.3', 1, 4, "a second '.'"],
    ['1e', 1, 2, "number '1e' has no exponent digits"],
    ['a = b', 1, 3, "use '=='"],
    ['a & b', 1, 3, "'&&'"],
    ['a $ b', 1, 3, "unexpected character '$'"],
    ['a < b < c', 1, 7, 'comparisons cannot be chained'],
    ['c ? a', 1, 6, "expected ':'"],
    ['', 1, 1, 'empty expression'],
    ['x +\n  * y', 2, 3, "found '*'"],
    ['foo(1)', 1, 1, "unknown function 'foo'"],
    ['hill(x, K)', 1, 1, 'hill() takes 3 arguments, got 2: hill(x, K, n)'],
    ['min(x)', 1, 1, 'min() takes at least 2 arguments, got 1'],
    ['exp()', 1, 1, 'exp() takes 1 argument, got 0'],
    ['1e999', 1, 1, 'too large'],
  ])('%j fails at %i:%i', (source, line, column, fragment) => {
    const error = parseError(source);
    expect(error.pos.line).toBe(line);
    expect(error.pos.column).toBe(column);
    expect(error.detail).toContain(fragment);
    expect(error.message).toContain(`at ${line}:${column}`);
  });

  it('draws the caret under the column of the offending line', () => {
    const error = parseError('x +\n  * y');
    expect(error.message.split('\n').slice(-2)).toEqual(['    * y', '    ^']);
    expect(error.kind).toBe('syntax');
    expect(error.code).toBe('EXPRESSION');
  });

  it('classifies unknown functions and wrong argument counts', () => {
    expect(parseError('foo(1)').kind).toBe('unknown-function');
    expect(parseError('pow(1)').kind).toBe('arity');
  });
});

describe('formatExpression', () => {
  it('prints the fewest parentheses', () => {
    expect(formatExpression(parseExpression('((a)+(b*c))'))).toBe('a + b * c');
    expect(formatExpression(parseExpression('(a-b)-(c-d)'))).toBe('a - b - (c - d)');
    expect(formatExpression(parseExpression('(-x)^2 + -(x^2) + (a^b)^c'))).toBe('(-x)^2 + -x^2 + (a^b)^c');
    expect(formatExpression(parseExpression('(c ? a : b) + 1'))).toBe('(c ? a : b) + 1');
  });

  // Random trees: printing and parsing again must give back the same tree.
  const leaf = fc.oneof(
    fc
      .double({ min: 0, max: 1e6, noNaN: true })
      .map((value): ExprNode => ({ kind: 'number', value, pos: P })),
    fc
      .constantFrom('a', 'b', 'K_1', 't', 'pi')
      .map((name): ExprNode => ({ kind: 'identifier', name, pos: P })),
  );
  const P = { offset: 0, line: 1, column: 1 };
  const binaryOps = ['+', '-', '*', '/', '^', '<', '<=', '>', '>=', '==', '!=', '&&', '||'] as const;
  const tree = fc.letrec<{ node: ExprNode }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      leaf,
      fc
        .record({ op: fc.constantFrom('-' as const, '!' as const), operand: tie('node') })
        .map(({ op, operand }): ExprNode => ({ kind: 'unary', op, operand, pos: P })),
      fc
        .record({ op: fc.constantFrom(...binaryOps), left: tie('node'), right: tie('node') })
        .map(({ op, left, right }): ExprNode => ({ kind: 'binary', op, left, right, pos: P })),
      fc
        .record({ test: tie('node'), consequent: tie('node'), alternate: tie('node') })
        .map((parts): ExprNode => ({ kind: 'conditional', ...parts, pos: P })),
      fc
        .array(tie('node'), { minLength: 3, maxLength: 3 })
        .map((args): ExprNode => ({ kind: 'call', callee: 'clamp', args, pos: P })),
    ),
  }));

  it('round-trips through parseExpression', () => {
    fc.assert(
      fc.property(tree.node, (node) => {
        expect(shape(parseExpression(formatExpression(node)))).toBe(shape(node));
      }),
      { numRuns: 300 },
    );
  });
});
