// SPDX-License-Identifier: MIT
import { EngineError } from '../errors.js';
import type { SourcePosition } from './ast.js';

/** What went wrong in an expression. */
export type ExpressionErrorKind = 'syntax' | 'unknown-function' | 'arity';

/**
 * The line of `source` that holds `pos`, with a caret under the column:
 * ```
 *   k * (GH + 1
 *              ^
 * ```
 */
export function caretSnippet(source: string, pos: SourcePosition): string {
  const line = source.split(/\r?\n/)[pos.line - 1] ?? '';
  // Keep tabs so the caret lines up with the text above it.
  const pad = line.slice(0, pos.column - 1).replace(/[^\t]/g, ' ');
  return `  ${line}\n  ${pad}^`;
}

/** A syntax error in an expression, with its position (1-based line and column) and a caret snippet. */
export class ExpressionError extends EngineError {
  readonly kind: ExpressionErrorKind;
  /** The message without position or snippet, e.g. `expected ')' but found end of expression`. */
  readonly detail: string;
  readonly pos: SourcePosition;
  /** The whole expression text. */
  readonly source: string;

  constructor(kind: ExpressionErrorKind, detail: string, source: string, pos: SourcePosition) {
    super(`${detail} at ${pos.line}:${pos.column}\n${caretSnippet(source, pos)}`, 'EXPRESSION');
    this.name = 'ExpressionError';
    this.kind = kind;
    this.detail = detail;
    this.pos = pos;
    this.source = source;
  }
}
