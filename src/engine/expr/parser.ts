// SPDX-License-Identifier: MIT
import type { BinaryOperator, ExprNode, SourcePosition } from './ast.js';
import { ExpressionError } from './expression-error.js';
import { BUILTIN_FUNCTIONS } from './functions.js';
import { tokenize, type PunctuatorToken, type Token } from './lexer.js';

/** Binding strength of the binary operators below `^` (which the parser handles with the prefix operators). */
const BINARY_PRECEDENCE: ReadonlyMap<string, number> = new Map([
  ['||', 1],
  ['&&', 2],
  ['==', 3],
  ['!=', 3],
  ['<', 4],
  ['<=', 4],
  ['>', 4],
  ['>=', 4],
  ['+', 5],
  ['-', 5],
  ['*', 6],
  ['/', 6],
]);
/** Comparison levels: `a < b < c` and `a == b != c` are errors. */
const NON_ASSOCIATIVE: ReadonlySet<number> = new Set([3, 4]);

/**
 * Parses one expression of the language (documented in `expr/index.ts`) into a syntax tree.
 *
 * @param source - the expression text, e.g. `kGH * hill(GHRH, K_ghrh, 2) - kel * GH`.
 * @throws ExpressionError with the 1-based line and column of the problem and a caret snippet.
 * @example parseExpression('a ^ b ^ c') // a ^ (b ^ c)
 */
export function parseExpression(source: string): ExprNode {
  return new Parser(source).parseWhole();
}

/** Recursive descent, one method per precedence level, lowest first. */
class Parser {
  private readonly tokens: Token[];
  private index = 0;

  constructor(private readonly source: string) {
    this.tokens = tokenize(source);
  }

  parseWhole(): ExprNode {
    if (this.peek().type === 'end') this.fail('empty expression', this.peek().pos);
    const node = this.parseConditional();
    const rest = this.peek();
    if (rest.type !== 'end') this.fail(`unexpected ${describe(rest)} after a complete expression`, rest.pos);
    return node;
  }

  private parseConditional(): ExprNode {
    const test = this.parseBinary(1);
    const question = this.peek();
    if (!this.acceptPunctuator('?')) return test;
    const consequent = this.parseConditional();
    this.expectPunctuator(':', "to continue 'cond ? a : b'");
    const alternate = this.parseConditional();
    return { kind: 'conditional', test, consequent, alternate, pos: question.pos };
  }

  /**
   * Binary operators by precedence climbing: one loop instead of one method per level. Everything is
   * left-associative except comparisons, where `a < b < c` is rejected: in C it silently means `(a < b) < c`,
   * which is never what a model author wants.
   */
  private parseBinary(minPrecedence: number): ExprNode {
    let left = this.parseUnary();
    for (;;) {
      const op = this.peek();
      const precedence = op.type === 'punctuator' ? BINARY_PRECEDENCE.get(op.text) : undefined;
      if (precedence === undefined || precedence < minPrecedence) return left;
      this.index++;
      const right = this.parseBinary(precedence + 1);
      left = { kind: 'binary', op: op.text as BinaryOperator, left, right, pos: op.pos };
      const next = this.peek();
      if (
        NON_ASSOCIATIVE.has(precedence) &&
        next.type === 'punctuator' &&
        BINARY_PRECEDENCE.get(next.text) === precedence
      ) {
        this.fail(`comparisons cannot be chained: write 'a ${op.text} b && b ${next.text} c'`, next.pos);
      }
    }
  }

  /** Prefix operators bind looser than `^`: `-x^2` is `-(x^2)`. */
  private parseUnary(): ExprNode {
    const op = this.peek();
    if (this.acceptPunctuator('+')) return this.parseUnary();
    if (this.isPunctuator(op, '-') || this.isPunctuator(op, '!')) {
      this.index++;
      return { kind: 'unary', op: op.text as '-' | '!', operand: this.parseUnary(), pos: op.pos };
    }
    return this.parsePower();
  }

  /** Right-associative, and the exponent may carry a sign: `a^b^c` is `a^(b^c)`, `2^-1` is 0.5. */
  private parsePower(): ExprNode {
    const base = this.parsePrimary();
    const op = this.peek();
    if (!this.acceptPunctuator('^')) return base;
    return { kind: 'binary', op: '^', left: base, right: this.parseUnary(), pos: op.pos };
  }

  private parsePrimary(): ExprNode {
    const token = this.peek();
    if (token.type === 'number') {
      this.index++;
      return { kind: 'number', value: token.value, pos: token.pos };
    }
    if (token.type === 'identifier') {
      this.index++;
      if (this.isPunctuator(this.peek(), '(')) return this.parseCall(token.text, token.pos);
      return { kind: 'identifier', name: token.text, pos: token.pos };
    }
    if (this.acceptPunctuator('(')) {
      const inner = this.parseConditional();
      this.expectPunctuator(')', `to close the '(' at ${token.pos.line}:${token.pos.column}`);
      return inner;
    }
    return this.fail(`expected a number, a name or '(' but found ${describe(token)}`, token.pos);
  }

  private parseCall(name: string, pos: SourcePosition): ExprNode {
    const builtin = BUILTIN_FUNCTIONS.get(name);
    if (builtin === undefined) {
      const known = [...BUILTIN_FUNCTIONS.keys()].join(', ');
      throw new ExpressionError(
        'unknown-function',
        `unknown function '${name}' (known: ${known})`,
        this.source,
        pos,
      );
    }
    this.index++; // '('
    const args: ExprNode[] = [];
    if (!this.acceptPunctuator(')')) {
      do args.push(this.parseConditional());
      while (this.acceptPunctuator(','));
      this.expectPunctuator(')', `to close the argument list of '${name}'`);
    }
    if (args.length < builtin.minArgs || args.length > builtin.maxArgs) {
      const expected =
        builtin.maxArgs === Infinity
          ? `at least ${builtin.minArgs}`
          : builtin.minArgs === builtin.maxArgs
            ? `${builtin.minArgs}`
            : `${builtin.minArgs} to ${builtin.maxArgs}`;
      const detail = `${name}() takes ${expected} argument${expected === '1' ? '' : 's'}, got ${args.length}: ${builtin.signature}`;
      throw new ExpressionError('arity', detail, this.source, pos);
    }
    return { kind: 'call', callee: name, args, pos };
  }

  private peek(): Token {
    return this.tokens[this.index];
  }

  private isPunctuator(token: Token, text: PunctuatorToken): boolean {
    return token.type === 'punctuator' && token.text === text;
  }

  private acceptPunctuator(text: PunctuatorToken): boolean {
    if (!this.isPunctuator(this.peek(), text)) return false;
    this.index++;
    return true;
  }

  private expectPunctuator(text: PunctuatorToken, why: string): void {
    const token = this.peek();
    if (!this.acceptPunctuator(text))
      this.fail(`expected '${text}' ${why} but found ${describe(token)}`, token.pos);
  }

  private fail(detail: string, pos: SourcePosition): never {
    throw new ExpressionError('syntax', detail, this.source, pos);
  }
}

function describe(token: Token): string {
  switch (token.type) {
    case 'end':
      return 'end of expression';
    case 'number':
      return `number ${token.text}`;
    case 'identifier':
      return `name '${token.text}'`;
    case 'punctuator':
      return `'${token.text}'`;
  }
}
