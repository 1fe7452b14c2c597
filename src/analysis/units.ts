// SPDX-License-Identifier: MIT
/**
 * Laboratory unit conversions. The factors and their sources are those of the shared table in
 * `scenario/lab-units.ts`, which the web app's unit toggle reads too:
 * - IGF-1: 1 ng/mL = 0.131 nmol/L (Baker et al., Arch Neurol 2012, PMC3764914, table footnote).
 * - Glucose: 1 mmol/L = 18 mg/dL (same footnote; the molar mass 180.16 g/mol gives 18.016).
 * - Insulin: 1 µU/mL = 6.945 pmol/L (same footnote).
 * - Testosterone: 1 nmol/L = 28.84 ng/dL, from its molar mass 288.4 g/mol, consistent with physiology.md's
 *   Veldhuis 1987 row (910 ng/dL = 31.5 nmol/L). The model (physiology/gonadal.ts) uses the same factor.
 */
import { UNIT_CONVERSIONS } from '../scenario/lab-units.js';

/** nmol/L per ng/mL of IGF-1. */
export const IGF1_NMOL_L_PER_NG_ML = UNIT_CONVERSIONS.igf1.siPerConventional;
/** mg/dL per mmol/L of glucose. */
export const GLUCOSE_MG_DL_PER_MMOL_L = 1 / UNIT_CONVERSIONS.glucose.siPerConventional;
/** pmol/L per µU/mL of insulin. */
export const INSULIN_PMOL_L_PER_UU_ML = UNIT_CONVERSIONS.insulin.siPerConventional;
/** nmol/L per ng/dL of testosterone. */
export const TESTOSTERONE_NMOL_L_PER_NG_DL = UNIT_CONVERSIONS.testosterone.siPerConventional;
/** ng/dL per nmol/L of testosterone. */
export const TESTOSTERONE_NG_DL_PER_NMOL_L = 1 / TESTOSTERONE_NMOL_L_PER_NG_DL;

/** IGF-1 ng/mL → nmol/L. @example igf1NgMlToNmolL(200) // 26.2 */
export function igf1NgMlToNmolL(ngMl: number): number {
  return ngMl * IGF1_NMOL_L_PER_NG_ML;
}

/** IGF-1 nmol/L → ng/mL. */
export function igf1NmolLToNgMl(nmolL: number): number {
  return nmolL / IGF1_NMOL_L_PER_NG_ML;
}

/** Glucose mg/dL → mmol/L. @example glucoseMgDlToMmolL(99) // 5.5 */
export function glucoseMgDlToMmolL(mgDl: number): number {
  return mgDl / GLUCOSE_MG_DL_PER_MMOL_L;
}

/** Glucose mmol/L → mg/dL. */
export function glucoseMmolLToMgDl(mmolL: number): number {
  return mmolL * GLUCOSE_MG_DL_PER_MMOL_L;
}

/** Insulin µU/mL → pmol/L. @example insulinUuMlToPmolL(10) // 69.45 */
export function insulinUuMlToPmolL(uUMl: number): number {
  return uUMl * INSULIN_PMOL_L_PER_UU_ML;
}

/** Insulin pmol/L → µU/mL. */
export function insulinPmolLToUuMl(pmolL: number): number {
  return pmolL / INSULIN_PMOL_L_PER_UU_ML;
}

/** Testosterone ng/dL → nmol/L. @example testosteroneNgDlToNmolL(500) // 17.34 */
export function testosteroneNgDlToNmolL(ngDl: number): number {
  return ngDl * TESTOSTERONE_NMOL_L_PER_NG_DL;
}

/** Testosterone nmol/L → ng/dL. */
export function testosteroneNmolLToNgDl(nmolL: number): number {
  return nmolL / TESTOSTERONE_NMOL_L_PER_NG_DL;
}
