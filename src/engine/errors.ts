// SPDX-License-Identifier: MIT
/**
 * Typed errors thrown by the engine. Every error carries a stable `code` string so callers (CLI, API) can map it
 * without parsing messages, and every message names the bad value and what would have been accepted.
 */

/** Stable machine-readable codes of the engine's errors. */
export type EngineErrorCode =
  | 'ENGINE_ERROR'
  | 'STEP_SIZE_UNDERFLOW'
  | 'NON_FINITE_STATE'
  | 'INVALID_OPTION'
  | 'TOO_MANY_STEPS'
  /** Reserved for the model compiler's errors. */
  | 'MODEL_COMPILE'
  /** Reserved for expression-language errors. */
  | 'EXPRESSION';

/** Base class of every error the engine throws on purpose. */
export class EngineError extends Error {
  /** Stable code, e.g. `STEP_SIZE_UNDERFLOW`. */
  readonly code: EngineErrorCode;

  constructor(message: string, code: EngineErrorCode = 'ENGINE_ERROR') {
    super(message);
    this.name = 'EngineError';
    this.code = code;
  }
}

/** Formats a number for a message without losing the digits that matter (e.g. `1.2345e-15`, `NaN`). */
function formatNumber(x: number): string {
  return Number.isFinite(x) && x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e7)
    ? x.toExponential(4)
    : String(x);
}

/** Names a state as `y[3] (gh_ug_l)` or `y[3]` when its name is unknown. */
function describeState(index: number, name: string | undefined): string {
  return name === undefined ? `y[${index}]` : `y[${index}] (${name})`;
}

/** Details of a step-size underflow. */
export interface StepSizeUnderflowDetails {
  /** Time at which the solver got stuck (minutes). */
  readonly t: number;
  /** The step size that became too small relative to `t` (minutes). */
  readonly stepSize: number;
  /** Index of the state with the largest scaled error estimate in the last rejected step, when known. */
  readonly stateIndex?: number;
  /** Name of that state, when known. */
  readonly stateName?: string;
}

/** The adaptive step size fell below what floating point can resolve at the current time. */
export class StepSizeUnderflowError extends EngineError {
  readonly t: number;
  readonly stepSize: number;
  readonly stateIndex: number | undefined;
  readonly stateName: string | undefined;

  constructor(details: StepSizeUnderflowDetails) {
    const culprit =
      details.stateIndex === undefined
        ? ''
        : `; largest error estimate in ${describeState(details.stateIndex, details.stateName)}`;
    super(
      `step size underflow at t = ${formatNumber(details.t)} min: step ${formatNumber(details.stepSize)} min ` +
        `is too small to advance time${culprit} (the system may be stiff or singular: try the 'rodas4' solver ` +
        `or looser tolerances)`,
      'STEP_SIZE_UNDERFLOW',
    );
    this.name = 'StepSizeUnderflowError';
    this.t = details.t;
    this.stepSize = details.stepSize;
    this.stateIndex = details.stateIndex;
    this.stateName = details.stateName;
  }
}

/** Details of a non-finite state or derivative. */
export interface NonFiniteStateDetails {
  /** Time at which the non-finite value appeared (minutes). */
  readonly t: number;
  /** Index of the first non-finite component, when known. */
  readonly stateIndex?: number;
  /** Name of that state, when known. */
  readonly stateName?: string;
  /** The last step size tried (minutes), when known. */
  readonly stepSize?: number;
  /** Extra context, e.g. `in the initial state` or `in the derivative`. */
  readonly where?: string;
}

/** A state or derivative became NaN or infinite. */
export class NonFiniteStateError extends EngineError {
  readonly t: number;
  readonly stateIndex: number | undefined;
  readonly stateName: string | undefined;
  readonly stepSize: number | undefined;
  readonly where: string | undefined;

  constructor(details: NonFiniteStateDetails) {
    const which =
      details.stateIndex === undefined ? 'a state' : describeState(details.stateIndex, details.stateName);
    const where = details.where === undefined ? '' : ` ${details.where}`;
    const step =
      details.stepSize === undefined ? '' : ` (last step size ${formatNumber(details.stepSize)} min)`;
    super(
      `non-finite value in ${which}${where} at t = ${formatNumber(details.t)} min${step}: ` +
        `check parameters for NaN or values that make the model blow up`,
      'NON_FINITE_STATE',
    );
    this.name = 'NonFiniteStateError';
    this.t = details.t;
    this.stateIndex = details.stateIndex;
    this.stateName = details.stateName;
    this.stepSize = details.stepSize;
    this.where = details.where;
  }
}

/** An option, parameter, event or initial value is outside its allowed range. */
export class InvalidOptionError extends EngineError {
  /** Path of the bad field, e.g. `rtol`, `atol[2]`, `events[4].t`, `p[7] (kel)`. */
  readonly field: string;
  /** The value that was rejected. */
  readonly value: unknown;
  /** Human-readable allowed range, e.g. `a finite number > 0`. */
  readonly allowed: string;

  constructor(field: string, value: unknown, allowed: string) {
    super(`${field} must be ${allowed}, got ${formatValue(value)}`, 'INVALID_OPTION');
    this.name = 'InvalidOptionError';
    this.field = field;
    this.value = value;
    this.allowed = allowed;
  }
}

/** The solver needed more steps than `maxSteps` allows within one `step`/`advance` call. */
export class TooManyStepsError extends EngineError {
  readonly t: number;
  readonly maxSteps: number;

  constructor(t: number, maxSteps: number) {
    super(
      `more than maxSteps = ${maxSteps} steps were needed near t = ${formatNumber(t)} min ` +
        `(raise maxSteps, loosen tolerances, or use a stiff solver)`,
      'TOO_MANY_STEPS',
    );
    this.name = 'TooManyStepsError';
    this.t = t;
    this.maxSteps = maxSteps;
  }
}

/** Formats any rejected value for a message: numbers as numbers, everything else as JSON when possible. */
function formatValue(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? typeof value;
  } catch {
    return typeof value;
  }
}
