// SPDX-License-Identifier: MIT
/** Public API of the engine: model types, the model compiler and its back-ends. */
export type * from './types.js';

// Model compiler (expression language, checks, JavaScript and C code generation).
export { compileModel, planModel, type CompileOptions, type ModelPlan } from './compile.js';
export { ModelCompileError, type ModelCompileErrorKind, type ModelCompileIssue } from './compile-error.js';
export { emitC } from './emit-c.js';
export { describeModel, type ParameterRow } from './describe.js';
export {
  BUILTIN_FUNCTIONS,
  DimensionMismatch,
  evaluateExpression,
  ExpressionError,
  formatDimension,
  formatExpression,
  identifiersOf,
  inferDimension,
  parseExpression,
  parseUnit,
  RESERVED_NAMES,
  walkExpression,
  type BuiltinFunction,
  type DimensionVector,
  type ExprNode,
  type ExpressionErrorKind,
  type ParsedUnit,
  type SourcePosition,
} from './expr/index.js';

// Errors, solvers, the event-driven integration driver, sample sinks and seeded random streams.
export * from './errors.js';
export {
  allSolvers,
  auto,
  AutoStepper,
  dopri5,
  Dopri5Stepper,
  getSolver,
  rodas4,
  Rodas4Stepper,
  solverNames,
  type AutoMethod,
  type SolverName,
} from './solvers/index.js';
export {
  integrate,
  modelSystem,
  type IntegrableModel,
  type IntegrateRequest,
  type IntegrateResult,
  type StepObserver,
} from './integrate.js';
export { ArraySink, CallbackSink, DecimatingSink, ReducingSink, type WindowSummary } from './sinks.js';
export { createRandom, meanOneLognormal, Random, standardNormal } from './random.js';
export { MIN_PER_DAY } from './time.js';
