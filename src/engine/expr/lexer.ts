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

// Character tests on char codes: the lexer runs for every expression of every model compile, often before the JIT
// has warmed up, so it avoids regular expressions and per-character allocation.
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isNamePart = (c: number): boolean => isNameStart(c) || isDigit(c);
const DOT = 46;

/** Splits an expression into tokens, ending with one `end` token. Throws `ExpressionError` on a bad character. */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  while (offset < source.length) {
    const c = source.charCodeAt(offset);
    if (c === 10) {
      offset++;
      line++;
      lineStart = offset;
      continue;
    }
    if (c === 32 || c === 9 || c === 13) {
      offset++;
      continue;
    }
    const pos: SourcePosition = { offset, line, column: offset - lineStart + 1 };
    if (isDigit(c) || (c === DOT && isDigit(source.charCodeAt(offset + 1)))) {
      const token = readNumber(source, pos);
      tokens.push(token);
      offset += token.text.length;
    } else if (isNameStart(c)) {
      let end = offset + 1;
      while (end < source.length && isNamePart(source.charCodeAt(end))) end++;
      tokens.push({ type: 'identifier', text: source.slice(offset, end), pos });
      offset = end;
    } else {
      const text = readPunctuator(source, pos);
      tokens.push({ type: 'punctuator', text, pos });
      offset += text.length;
    }
  }
  tokens.push({ type: 'end', text: '', pos: { offset, line, column: offset - lineStart + 1 } });
  return tokens;
}

/** Index just past a run of digits starting at `i`. */
function skipDigits(source: string, i: number): number {
  while (isDigit(source.charCodeAt(i))) i++;
  return i;
}

/** `12`, `1.5`, `.5`, `2.`, `1e-3`, `6.02E+23`. */
function readNumber(source: string, pos: SourcePosition): Token {
  let end = skipDigits(source, pos.offset);
  if (source.charCodeAt(end) === DOT) end = skipDigits(source, end + 1);
  const e = source[end];
  if (e === 'e' || e === 'E') {
    const signed = source[end + 1] === '+' || source[end + 1] === '-';
    const digitsStart = end + 1 + (signed ? 1 : 0);
    const digitsEnd = skipDigits(source, digitsStart);
    if (digitsEnd > digitsStart) end = digitsEnd;
    else if (signed || !isNameStart(source.charCodeAt(end + 1))) {
      const at = { ...pos, offset: end, column: pos.column + end - pos.offset };
      const text = source.slice(pos.offset, end + 1);
      throw new ExpressionError('syntax', `number '${text}' has no exponent digits`, source, at);
    }
  }
  const text = source.slice(pos.offset, end);
  const next = source.charCodeAt(end);
  if (isNameStart(next) || next === DOT) {
    const what = next === DOT ? "a second '.'" : `'${source[end]}'`;
    const at = { ...pos, offset: end, column: pos.column + text.length };
    const detail = `unexpected ${what} right after the number '${text}' (write multiplication with '*')`;
    throw new ExpressionError('syntax', detail, source, at);
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
