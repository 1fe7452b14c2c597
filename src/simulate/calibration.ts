// SPDX-License-Identifier: MIT
/**
 * The small calibrations of the burn-in (MODEL.md, "Patients"): parameters rescaled so that the untreated steady
 * state reproduces the baseline labs, and the patient's own untreated references read at its end.
 *
 * - IGF-1: hepatic production scale from the IGF-1 balance (`igf1ProductionScaleFor`).
 * - Fasting glucose and insulin: at a fasting steady state hepatic output E/(1 + X/x_h) equals disposal
 *   (S_G + X + X_IGF1)·G with X = S_I·I, so the target glucose fixes the insulin action X* and S_I follows from X*
 *   and the target insulin; when the target glucose is too high for the patient's liver (X* near 0), hepatic
 *   output is raised instead.
 *   Insulin secretion is rescaled by the insulin ratio, corrected for the β-cell's response to the new glucose.
 * - Total testosterone (men): Leydig output, raised to the power 1.5 because LH feedback damps the response.
 * Each is repeated after every week of the burn-in, which absorbs what the one-step formulas leave out.
 */
import type { ParamName } from '../physiology/param-names.generated.js';
import { BETA_GLUCOSE_HILL_N } from '../physiology/glucose-insulin.js';
import { IGF1_SPILL_HILL_N } from '../physiology/liver-igf1.js';
import { igf1ProductionScaleFor, type Igf1Parameters } from '../physiology/patient.js';
import type { Patient } from '../scenario/schema.js';
import type { EndState } from './types.js';
import type { Setup } from './setup.js';

/**
 * What a burn-in segment reports: end state, output means of its last days and of the whole segment, and means of
 * the morning draws of its last days.
 */
export interface BurnInReading extends EndState {
  readonly means: Readonly<Record<string, number>>;
  readonly weekMeans: Readonly<Record<string, number>>;
  readonly draws: Readonly<Record<string, number>>;
  /** Ternary-complex binding capacity at the end (ng/mL). */
  readonly capacity: number;
}

/** Smallest insulin action (1/min) the glucose calibration allows before raising hepatic output instead. */
const MIN_INSULIN_ACTION = 0.0005;
/** Range of the multiplicative calibration factors per step. */
const STEP_RANGE = [0.2, 5] as const;

const clampStep = (x: number): number => Math.min(STEP_RANGE[1], Math.max(STEP_RANGE[0], x));

/** Parameter access of a set-up run. */
function accessor(setup: Setup) {
  const index = (name: ParamName): number => setup.model.parameterIndex(name);
  return {
    get: (name: ParamName): number => setup.p[index(name)],
    set: (name: ParamName, value: number): void => {
      setup.p[index(name)] = value;
    },
    scale: (name: ParamName, factor: number): void => {
      setup.p[index(name)] *= clampStep(factor);
    },
  };
}

function igf1Parameters(get: (name: ParamName) => number): Igf1Parameters {
  return {
    prodMax: get('igf1_prod_max'),
    prodBasal: get('igf1_prod_basal'),
    kTernary: get('igf1_k_ternary'),
    kUnbound: get('igf1_k_unbound'),
    satN: IGF1_SPILL_HILL_N,
  };
}

/** `x^n / (K^n + x^n)`. */
function hill(x: number, k: number, n: number): number {
  const r = Math.pow(x / k, n);
  return r / (1 + r);
}

/**
 * The insulin action X* that holds glucose at `gt` at a fasting steady state, with hepatic output suppressed by X:
 * `E/(1 + X/x_h) = (S_G + X_IGF1 + X)·G*`, a quadratic in X (E is the unsuppressed output of the reading).
 */
function insulinActionFor(gt: number, x: number, r: BurnInReading, get: (name: ParamName) => number): number {
  const xh = get('egp_insulin_action_half');
  const s = get('glucose_effectiveness') + r.draws.igf1_glucose_action_per_min;
  const unsuppressed = r.draws.egp_rate_mg_dl_min * (1 + x / xh);
  const a = 1 / xh;
  const b = 1 + s / xh;
  const c = s - unsuppressed / gt;
  return (-b + Math.sqrt(b * b - 4 * a * c)) / (2 * a);
}

/** Rescales S_I, insulin secretion and (if needed) hepatic output towards the baseline fasting labs. */
function calibrateGlucoseInsulin(labs: Patient['labs'], setup: Setup, r: BurnInReading): void {
  const targetG = labs.glucose_fasting_mg_dl;
  const targetI = labs.insulin_fasting_uU_ml;
  if (targetG === undefined && targetI === undefined) return;
  const { get, scale } = accessor(setup);
  const g = r.draws.glucose_mg_dl;
  const i = r.draws.insulin_uU_ml;
  const x = r.draws.insulin_action_per_min;
  const gt = targetG ?? g;
  const it = targetI ?? i;
  if (targetG !== undefined) {
    const xt = insulinActionFor(gt, x, r, get);
    if (xt < MIN_INSULIN_ACTION) {
      // The target is too high for this liver even without insulin action: raise hepatic output instead.
      const xh = get('egp_insulin_action_half');
      const unsuppressed = r.draws.egp_rate_mg_dl_min * (1 + x / xh);
      const needed =
        gt *
        (get('glucose_effectiveness') + MIN_INSULIN_ACTION + r.draws.igf1_glucose_action_per_min) *
        (1 + MIN_INSULIN_ACTION / xh);
      scale('egp_scale', needed / unsuppressed);
      scale('si_scale', (MIN_INSULIN_ACTION / x) * (i / it));
    } else scale('si_scale', (xt / x) * (i / it));
  } else scale('si_scale', i / it);
  const secretion = (glucose: number): number =>
    Math.pow(glucose / get('beta_glucose_set'), 2) *
    hill(glucose, get('insulin_glucose_k'), BETA_GLUCOSE_HILL_N);
  scale('insulin_secretion_scale', it / i / (secretion(gt) / secretion(g)));
}

/** Rescales the baseline-lab parameters after a burn-in week. */
export function calibrateToLabs(labs: Patient['labs'], setup: Setup, reading: BurnInReading): void {
  const { get, set, scale } = accessor(setup);
  if (labs.igf1_ng_ml !== undefined) {
    const steady = {
      igf1: reading.means.igf1_ng_ml,
      hepaticSignal: reading.means.hepatic_gh_signal,
      capacity: reading.capacity,
    };
    set('igf1_prod_scale', igf1ProductionScaleFor(labs.igf1_ng_ml, steady, igf1Parameters(get)));
  }
  calibrateGlucoseInsulin(labs, setup, reading);
  const testosterone = reading.draws.testosterone_ng_dl;
  if (labs.testosterone_total_ng_dl !== undefined && get('is_male') === 1 && testosterone > 0) {
    scale('leydig_scale', Math.pow(labs.testosterone_total_ng_dl / testosterone, 1.5));
  }
}

/**
 * Sets the patient's untreated references from the last burn-in week (IGF-1, free testosterone, GH signalling)
 * and the expenditure constant K that puts them in energy balance with the new GH reference; `mealKcalPerDay` is
 * the mean energy of the meals eaten in that week.
 */
export function setReferences(setup: Setup, reading: BurnInReading, mealKcalPerDay: number): void {
  const { get, set } = accessor(setup);
  const m = reading.weekMeans;
  // Intake jumps at each meal, so its 5-min samples overstate the mean; the week's meals give it exactly (the gut
  // holds the same at both ends of a periodic week). The thermic effect of food in expenditure takes the same fix.
  const intakeBias = m.energy_intake_kcal_per_d - mealKcalPerDay;
  const expenditure = m.energy_expenditure_kcal_per_d - get('beta_tef') * intakeBias;
  const maintenance =
    get('gamma_f_kcal_kg_d') * get('fat_mass_0_kg') + get('gamma_l_kcal_kg_d') * get('lean_mass_0_kg');
  const ghShift = get('ee_gh_gain') * maintenance * (m.socs_inhibition - get('socs_ref'));
  set('igf1_ref_ng_ml', m.igf1_ng_ml);
  set('log_free_t_ref', m.log_free_t);
  set('socs_ref', m.socs_inhibition);
  set('ee_k_kcal_d', get('ee_k_kcal_d') + mealKcalPerDay - expenditure + ghShift);
}
