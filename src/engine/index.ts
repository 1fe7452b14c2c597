// SPDX-License-Identifier: MIT
/** Public API of the engine: model types, the model compiler and its back-ends. */
export type * from './types.js';

// Model compiler (expression language, checks, JavaScript and C code generation).
export { compileModel, planModel, type CompileOptions, type ModelPlan } from './compile.js';
export { ModelCompileError, type ModelCompileErrorKind, type ModelCompileIssue } from './compile-error.js';
export { emitC } from './emit-c.js';
export { describeModel, type ParameterRow } from './describe.js';
export * from './expr/index.js';
