// SPDX-License-Identifier: MIT
/**
 * Fasting indices of insulin resistance and beta-cell function from one fasting glucose and insulin.
 *
 * - HOMA1 (Matthews DR et al., Diabetologia 1985;28:412): the original closed-form approximations.
 * - QUICKI (Katz A et al., JCEM 2000;85:2402).
 *
 * HOMA2 (Levy JC, Matthews DR, Hermans MP, Diabetes Care 1998;21:2191) is a non-linear computer model (the Oxford
 * calculator) with no closed form; it is **not implemented** here.
 */
import { glucoseMgDlToMmolL } from './units.js';

function checkPositive(name: string, value: number, unit: string): void {
  if (!(Number.isFinite(value) && value > 0))
    throw new RangeError(`${name} must be a positive number of ${unit}, got ${value}`);
}

/** Glucose below which HOMA1-%B has no meaning (its denominator glucose − 3.5 is not positive), mmol/L. */
export const HOMA1_B_GLUCOSE_FLOOR_MMOL_L = 3.5;

/**
 * HOMA1-IR = fasting insulin (µU/mL) × fasting glucose (mmol/L) / 22.5; about 1 in lean young adults.
 * @example homa1Ir(5.5, 10) // 2.444…
 */
export function homa1Ir(glucoseMmolL: number, insulinUuMl: number): number {
  checkPositive('glucose', glucoseMmolL, 'mmol/L');
  checkPositive('insulin', insulinUuMl, 'µU/mL');
  return (insulinUuMl * glucoseMmolL) / 22.5;
}

/**
 * HOMA1-%B = 20 × fasting insulin (µU/mL) / (fasting glucose (mmol/L) − 3.5), in percent of a normal reference;
 * `null` when glucose is at or below 3.5 mmol/L, where the formula has no meaning.
 * @example homa1B(5.5, 10) // 100
 */
export function homa1B(glucoseMmolL: number, insulinUuMl: number): number | null {
  checkPositive('glucose', glucoseMmolL, 'mmol/L');
  checkPositive('insulin', insulinUuMl, 'µU/mL');
  if (glucoseMmolL <= HOMA1_B_GLUCOSE_FLOOR_MMOL_L) return null;
  return (20 * insulinUuMl) / (glucoseMmolL - HOMA1_B_GLUCOSE_FLOOR_MMOL_L);
}

/**
 * QUICKI = 1 / (log10 insulin (µU/mL) + log10 glucose (mg/dL)); lower means more insulin resistant.
 * @example quicki(99, 10) // 0.3338…
 */
export function quicki(glucoseMgDl: number, insulinUuMl: number): number {
  checkPositive('glucose', glucoseMgDl, 'mg/dL');
  checkPositive('insulin', insulinUuMl, 'µU/mL');
  const denominator = Math.log10(insulinUuMl) + Math.log10(glucoseMgDl);
  if (denominator <= 0) {
    throw new RangeError(
      `QUICKI needs insulin × glucose > 1, got ${insulinUuMl} µU/mL × ${glucoseMgDl} mg/dL`,
    );
  }
  return 1 / denominator;
}

/** Every fasting index this module computes, for one fasting sample. */
export interface FastingIndices {
  readonly glucose_mg_dl: number;
  readonly glucose_mmol_l: number;
  readonly insulin_uU_ml: number;
  readonly homa1_ir: number;
  /** `null` when glucose ≤ 3.5 mmol/L. */
  readonly homa1_b_pct: number | null;
  readonly quicki: number;
}

/**
 * HOMA1-IR, HOMA1-%B and QUICKI from fasting glucose (mg/dL) and insulin (µU/mL).
 * @example fastingIndices(99, 10).homa1_ir // 2.444…
 */
export function fastingIndices(glucoseMgDl: number, insulinUuMl: number): FastingIndices {
  const mmol = glucoseMgDlToMmolL(glucoseMgDl);
  return {
    glucose_mg_dl: glucoseMgDl,
    glucose_mmol_l: mmol,
    insulin_uU_ml: insulinUuMl,
    homa1_ir: homa1Ir(mmol, insulinUuMl),
    homa1_b_pct: homa1B(mmol, insulinUuMl),
    quicki: quicki(glucoseMgDl, insulinUuMl),
  };
}
