// SPDX-License-Identifier: MIT
/** Small constructors that keep the sub-model files readable: one line per parameter, state, input or output. */
import type { EvidenceLevel, InputDecl, OutputDecl, ParameterDecl, StateDecl } from '../engine/types.js';

/**
 * A parameter declaration.
 * @param source - a citation from `physiology.md`, or `calibrated: <target, how>` for a fitted value.
 */
export function param(
  name: string,
  value: number,
  unit: string,
  description: string,
  source: string,
  evidence: EvidenceLevel,
): ParameterDecl {
  return { name, value, unit, description, source, evidence };
}

/** A non-negative state (a mass, a concentration, a fraction). */
export function state(name: string, unit: string, description: string, initial: number): StateDecl {
  return { name, unit, description, initial, nonNegative: true };
}

/** A piecewise-constant input changed by events. */
export function input(name: string, unit: string, description: string, initial = 0): InputDecl {
  return { name, unit, description, initial };
}

/** An output whose expression is simply a declared name. */
export function output(name: string, expr: string, unit: string, description: string): OutputDecl {
  return { name, expr, unit, description };
}

/** `ln 2 / half-life`: the first-order rate constant (1/min) of a half-life in minutes. */
export function rateFromHalfLife(halfLifeMin: number): number {
  return Math.LN2 / halfLifeMin;
}
