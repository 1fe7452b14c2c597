// SPDX-License-Identifier: MIT
/**
 * The population calibration's values applied to the model: `endotwin calibrate` writes the fitted parameters to
 * `calibrated-values.generated.ts` (with the hashes of the problem and case files it was fitted to and the
 * posterior covariance), and every parameter declaration it names takes the fitted value here, with its source
 * pointing at the calibration report. Nothing else changes a calibrated value.
 */
import type { ParameterDecl, SubModel } from '../engine/types.js';
import type { CalibrationFile } from './calibration-file.js';
import { CALIBRATION } from './calibrated-values.generated.js';

export type { CalibrationFile } from './calibration-file.js';

/** The source of a parameter set by the population calibration. */
export const CALIBRATED_SOURCE = 'endotwin calibrate (validation/CALIBRATION.md)';

/** The committed calibration. */
export const CALIBRATION_FILE: CalibrationFile = CALIBRATION;

/** A declaration with the calibrated value, when the calibration fitted it. */
export function calibratedDecl(decl: ParameterDecl, values = CALIBRATION_FILE.values): ParameterDecl {
  const value = values[decl.name];
  return value === undefined ? decl : { ...decl, value, source: CALIBRATED_SOURCE };
}

/** A sub-model with the calibrated values in its declarations. */
export function withCalibratedValues(sub: SubModel, values = CALIBRATION_FILE.values): SubModel {
  if (sub.parameters === undefined || !sub.parameters.some((d) => values[d.name] !== undefined)) return sub;
  return { ...sub, parameters: sub.parameters.map((d) => calibratedDecl(d, values)) };
}
