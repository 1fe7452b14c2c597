// SPDX-License-Identifier: MIT
import type { SourcePosition } from './ast.js';
import { ExpressionError } from './expression-error.js';

/** Operators and punctuation of the language. */
export type PunctuatorToken =
  | '+'
  | '-'
  | '*'
  | '/'
  | '^'
  | '('
  | ')'
  | ','
  | '?'
  | ':'
  | '<'
  | '<='
  | '>'
  | '>='
  | '=='
  | '!='
  | '&&'
  | '||'
  | '!';

/** One token with the position of its first character. */
export type Token =
  | { readonly type: 'number'; readonly value: number; readonly text: string; readonly pos: SourcePosition }
  | { readonly type: 'identifier'; readonly text: string; readonly pos: SourcePosition }
  | { readonly type: 'punctuator'; readonly text: PunctuatorToken; readonly pos: SourcePosition }
  | { readonly type: 'end'; readonly text: ''; readonly pos: SourcePosition };

const TWO_CHAR: ReadonlySet<string> = new Set(['<=', '>=', '==', '!=', '&&', '||']);
const ONE_CHAR: ReadonlySet<string> = new Set([
  '+',
  '-',
  '*',
  '/',
  '^',
  '(',
  ')',
  ',',
  '?',
  ':',
  '<',
  '>',
  '!',
]);
/** Single characters that are only valid doubled, with the hint to give. */
const LONE_HINT: Readonly<Record<string, string>> = {
  '=': "'=' is not an operator: use '==' to compare (assignments are declared, not written)",
  '&': "unexpected '&': logical and is '&&'",
  '|': "unexpected '|': logical or is '||'",
};

const NUMBER_RE = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const IDENTIFIER_RE = /[A-Za-z_][A-Za-z0-9_]*/y;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isNameStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c);

/** Splits an expression into tokens, ending with one `end` token. Throws `ExpressionError` on a bad character. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): SourcePosition => ({ offset, line, column: offset - lineStart + 1 });
  while (offset < source.length) {
    const c = source[offset];
    if (c === '\n') {
      offset++;
      line++;
      lineStart = offset;
    } else if (c === ' ' || c === '\t' || c === '\r') {
      offset++;
    } else if (isDigit(c) || (c === '.' && isDigit(source[offset + 1]))) {
      const token = readNumber(source, here());
      tokens.push(token);
      offset += token.text.length;
    } else if (isNameStart(c)) {
      IDENTIFIER_RE.lastIndex = offset;
      const text = (IDENTIFIER_RE.exec(source) as RegExpExecArray)[0];
      tokens.push({ type: 'identifier', text, pos: here() });
      offset += text.length;
    } else {
      const text = readPunctuator(source, here());
      tokens.push({ type: 'punctuator', text, pos: here() });
      offset += text.length;
    }
  }
  tokens.push({ type: 'end', text: '', pos: here() });
  return tokens;
}

function readNumber(source: string, pos: SourcePosition): Token {
  NUMBER_RE.lastIndex = pos.offset;
  const text = (NUMBER_RE.exec(source) as RegExpExecArray)[0];
  const next = source[pos.offset + text.length];
  const after = { ...pos, offset: pos.offset + text.length, column: pos.column + text.length };
  if ((next === 'e' || next === 'E') && !isNameStart(source[pos.offset + text.length + 1])) {
    throw new ExpressionError('syntax', `number '${text}${next}' has no exponent digits`, source, after);
  }
  if (isNameStart(next) || next === '.') {
    const what = next === '.' ? "a second '.'" : `'${next}'`;
    throw new ExpressionError(
      'syntax',
      `unexpected ${what} right after the number '${text}' (write multiplication with '*')`,
      source,
      after,
    );
  }
  const value = Number(text);
  if (!Number.isFinite(value)) {
    throw new ExpressionError('syntax', `number '${text}' is too large for a double`, source, pos);
  }
  return { type: 'number', value, text, pos };
}

function readPunctuator(source: string, pos: SourcePosition): PunctuatorToken {
  const two = source.slice(pos.offset, pos.offset + 2);
  if (TWO_CHAR.has(two)) return two as PunctuatorToken;
  const one = source[pos.offset];
  if (ONE_CHAR.has(one)) return one as PunctuatorToken;
  const hint = LONE_HINT[one] ?? `unexpected character '${one}'`;
  throw new ExpressionError('syntax', hint, source, pos);
}
