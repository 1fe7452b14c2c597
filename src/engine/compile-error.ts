// SPDX-License-Identifier: MIT
import { EngineError } from './errors.js';

/** What is wrong with a model definition. */
export type ModelCompileErrorKind =
  | 'invalid-name'
  | 'duplicate-name'
  | 'duplicate-sub-model'
  | 'undeclared-state'
  | 'syntax'
  | 'unknown-function'
  | 'arity'
  | 'unknown-identifier'
  | 'output-reference'
  | 'assignment-cycle'
  | 'non-finite-value'
  | 'unit-mismatch';

/** One problem found while compiling a model. */
export interface ModelCompileIssue {
  readonly kind: ModelCompileErrorKind;
  /** The sub-model holding the bad declaration. */
  readonly subModel: string;
  /** The declaration, e.g. `rate of GH`, `assignment ghrhOcc`, `parameter kel`. */
  readonly declaration: string;
  /** 1-based position within the declaration's expression, when the problem is inside one. */
  readonly line?: number;
  readonly column?: number;
  /** Complete description: where, what, and (for expressions) a caret snippet. */
  readonly message: string;
}

/**
 * A model definition could not be compiled. Every problem found is listed in `issues` (the compiler does not stop
 * at the first); `kind`, `subModel`, `declaration`, `line` and `column` describe the first one. `code` is
 * `MODEL_COMPILE`.
 */
export class ModelCompileError extends EngineError {
  readonly issues: readonly ModelCompileIssue[];
  readonly kind: ModelCompileErrorKind;
  readonly subModel: string;
  readonly declaration: string;
  readonly line: number | undefined;
  readonly column: number | undefined;

  constructor(modelName: string, issues: readonly ModelCompileIssue[]) {
    const first = issues[0];
    if (first === undefined) throw new RangeError('ModelCompileError needs at least one issue');
    super(
      issues.length === 1
        ? `model '${modelName}': ${first.message}`
        : `model '${modelName}' has ${issues.length} errors:\n${issues.map((i) => `- ${i.message}`).join('\n')}`,
      'MODEL_COMPILE',
    );
    this.name = 'ModelCompileError';
    this.issues = issues;
    this.kind = first.kind;
    this.subModel = first.subModel;
    this.declaration = first.declaration;
    this.line = first.line;
    this.column = first.column;
  }
}
