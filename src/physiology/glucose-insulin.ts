// SPDX-License-Identifier: MIT
/**
 * Glucose and insulin: the Bergman minimal model with insulin action in absolute terms, an insulin-secreting β-cell
 * whose function adapts over days to glycaemia, and meal glucose from the gut (`clock-lifestyle.ts`).
 *
 * Glucose (mg/dL) is produced by the liver and by meal absorption and cleared by glucose effectiveness S_G, remote
 * insulin action X and IGF-1's insulin-like action:
 * `dG/dt = (EGP + Ra)/V_G − (S_G + X + X_IGF1)·G`. Remote insulin action follows plasma insulin with rate p2,
 * `dX/dt = p2·(S_I·I − X)`, so that at rest X = S_I·I and S_I keeps the meaning of the minimal model's insulin
 * sensitivity (×10⁻⁴ min⁻¹ per µU/mL). S_I is not a constant here: `insulin-signalling.ts` builds it from the
 * patient's baseline sensitivity, GH-induced SOCS signalling, the Randle effect of fatty acids and body
 * composition. Hepatic glucose output rises with GH signalling and with fatty acids (gluconeogenesis).
 *
 * Insulin (µU/mL) is secreted as a steep function of glucose, amplified by incretins while carbohydrate is in the
 * gut, plus a dynamic (first-phase) part proportional to the rate of rise of glucose, `K·max(dG/dt, 0)` (the
 * secretion model of Dalla Man 2007 and of the oral minimal model: the β-cell responds to how fast glucose rises as
 * well as to how high it is), all scaled by a β-cell function that relaxes over days towards a power of glucose (compensation: insulin
 * resistance raises insulin more than glucose, the hyperbolic relation of β-cell function and sensitivity), and
 * cleared first-order. Fasting glucose, insulin and HOMA1-IR are read at the morning draw.
 */
import type { SubModel } from '../engine/types.js';
import { param, rateFromHalfLife, state } from './declare.js';

/** Hill coefficient of the β-cell glucose response (written as a cube times a square root in the model). */
export const BETA_GLUCOSE_HILL_N = 3.5;

/** The glucose–insulin sub-model. */
export const glucoseInsulin: SubModel = {
  name: 'glucose-insulin',
  description:
    'Plasma glucose, insulin and remote insulin action (minimal model), β-cell adaptation, meal glucose.',
  states: [
    state('glucose', 'mg/dL', 'plasma glucose', 90),
    state('insulin', 'uU/mL', 'plasma insulin', 8),
    state('insulin_action', '1/min', 'remote insulin action X of the minimal model', 0.003),
    state('beta_function', '1', 'β-cell secretory function relative to the reference (adapts over days)', 1),
    state(
      'insulin_provision',
      'uU/mL/min',
      'static secretion above threshold glucose (Y of Dalla Man 2007)',
      0,
    ),
  ],
  parameters: [
    param(
      'glucose_vd_dl_kg',
      1.7,
      'dL/kg',
      'glucose distribution volume per kg body weight',
      'physiology.md §6: V_G ≈ 1.6–1.9 dL/kg (minimal-model literature, recalled)',
      'moderate',
    ),
    param(
      'glucose_effectiveness',
      0.018,
      '1/min',
      'glucose effectiveness S_G: glucose disposal and suppression of its own production at zero insulin action',
      'physiology.md §6: S_G ≈ 0.015–0.03 min⁻¹ (0.020 in obese controls, 0.0095 in GHD; Eur J Clin Invest ' +
        '2000;30:771); Pacini & Bergman 1986 example 0.026',
      'moderate',
    ),
    param(
      'insulin_action_p2',
      0.025,
      '1/min',
      'rate constant p2 of remote insulin action',
      'physiology.md §6: Pacini & Bergman 1986 example set, p2 (k3) = 0.025 min⁻¹',
      'moderate',
    ),
    param(
      'egp_basal_mg_kg_min',
      4.9,
      'mg/kg/min',
      'hepatic glucose output without insulin action, GH or fatty-acid terms, in minimal-model terms',
      'calibrated: fasting glucose ≈ 85–90 mg/dL in a young lean man with the S_G and S_I of this model',
      'weak',
    ),
    param(
      'egp_insulin_action_half',
      0.003,
      '1/min',
      'remote insulin action halving hepatic glucose output (hepatic insulin sensitivity)',
      'calibrated: fasting insulin suppresses hepatic glucose output about half and a meal’s insulin by ≈ 80 % ' +
        '(recalled); makes fasting glucose and insulin (HOMA) reflect insulin resistance, as HOMA assumes ' +
        '(Matthews 1985, recalled)',
      'weak',
    ),
    param(
      'egp_scale',
      1,
      '1',
      'patient factor on hepatic glucose output (type 2 diabetes, or calibration to baseline glucose)',
      'set by patient.ts and by the baseline-labs calibration of simulate',
      'moderate',
    ),
    param(
      'egp_gh_gain',
      0.1,
      '1',
      'relative rise of hepatic glucose output at full GH (SOCS) signalling',
      'calibrated: GH raises hepatic glucose output and fasting glucose (physiology.md §6; long-term fasting ' +
        'glucose +0.4 mmol/L on rhGH, Elbornsson 2013)',
      'weak',
    ),
    param(
      'egp_ffa_gain',
      0.3,
      'L/mmol',
      'relative rise of hepatic glucose output per mmol/L of plasma fatty acids (gluconeogenesis)',
      'assumption: fatty acids drive gluconeogenesis (the Randle/“single gateway” mechanism; physiology.md §6 ' +
        'mechanistic anchor, recalled)',
      'weak',
    ),
    param(
      'meal_glucose_fraction',
      0.9,
      '1',
      'fraction of meal carbohydrate appearing in plasma as glucose (the rest is taken up on first pass)',
      'Dalla Man, Rizza & Cobelli 2007, Table 1: f = 0.90 (normal subjects)',
      'moderate',
    ),
    param(
      'igf1_glucose_k',
      0.0004,
      '1/min',
      'glucose disposal added by IGF-1 at 200 ng/mL (insulin-like action of IGF-1 through the IGF-1 and insulin receptors)',
      'assumption: IGF-1 is insulin-like (physiology.md §6) but mostly bound (free fraction ≈ 0.4–1 %), so its ' +
        'action is a few per cent of glucose disposal; size chosen, weak',
      'weak',
    ),
    param(
      'insulin_k_clear',
      0.1,
      '1/min',
      'first-order clearance of plasma insulin (effective half-life 7 min)',
      'plasma insulin t½ ≈ 4–6 min (textbook, recalled); slowed slightly to keep the system non-stiff',
      'moderate',
    ),
    param(
      'insulin_secretion_max',
      3.5,
      'uU/mL/min',
      'insulin secretion at saturating glucose (reference β-cell function)',
      'calibrated: fasting insulin ≈ 5–8 µU/mL in young lean men and a mixed-meal peak ≈ 40–70 µU/mL',
      'weak',
    ),
    param(
      'insulin_secretion_scale',
      1,
      '1',
      'patient factor on insulin secretion (β-cell capacity; diabetes, or calibration to baseline insulin)',
      'set by patient.ts and by the baseline-labs calibration of simulate',
      'moderate',
    ),
    param(
      'insulin_glucose_k',
      150,
      'mg/dL',
      'glucose giving half-maximal insulin secretion',
      'calibrated (β-cell dose-response, recalled: half-maximal near 8–9 mmol/L)',
      'moderate',
    ),
    param(
      'insulin_secretion_rate_k',
      0.63,
      '(uU/mL)/(mg/dL)',
      'dynamic (first-phase) insulin secretion per mg/dL of glucose rise, in this model’s single insulin pool',
      'Dalla Man 2007, Table 1: K = 2.30 pmol/kg per mg/dL (normal subjects), mapped onto this pool with the same ' +
        'steady-state insulin: their insulin kinetics (m1 0.190, m2 0.484, m4 0.194/min, basal hepatic extraction ' +
        '0.6, V_I 0.05 L/kg, 6 pmol/L per µU/mL) give 2.75 µU/mL per pmol/kg/min of secretion, which with the ' +
        'clearance of 0.1/min here is 0.275 µU/mL/min; 2.30 × 0.275 = 0.63',
      'moderate',
    ),
    param(
      'insulin_provision_k',
      0.05,
      '1/min',
      'rate at which the static secretion above threshold follows glucose (α)',
      'Dalla Man 2007, Table 1: α = 0.050 min⁻¹ (normal subjects)',
      'moderate',
    ),
    param(
      'insulin_provision_gain',
      0.03,
      '(uU/mL/min)/(mg/dL)',
      'static secretion per mg/dL of glucose above the threshold (β), in this model’s single insulin pool',
      'Dalla Man 2007, Table 1: β = 0.11 pmol/kg/min per mg/dL (normal subjects) × 0.275 (the mapping of ' +
        'insulin_secretion_rate_k) = 0.030',
      'moderate',
    ),
    param(
      'incretin_gain',
      1,
      '1',
      'largest relative rise of insulin secretion while carbohydrate is in the gut (GLP-1, GIP)',
      'incretin effect: oral glucose releases about twice the insulin of the same glycaemia given IV (recalled)',
      'moderate',
    ),
    param(
      'incretin_k_g',
      10,
      'g',
      'intestinal carbohydrate giving half of the incretin effect',
      'assumption (weak)',
      'weak',
    ),
    param(
      'beta_k',
      rateFromHalfLife(2 * 1440),
      '1/min',
      'rate of β-cell adaptation to glycaemia (half-time 2 days)',
      'calibrated: fasting insulin rises within a week of GH-induced insulin resistance (Bramnert 2003: ' +
        'insulin resistance from 1 week)',
      'weak',
    ),
    param(
      'beta_glucose_set',
      95,
      'mg/dL',
      'glucose at which β-cell function holds at its reference',
      'reference value by definition (cancels in the calibrated secretion)',
      'moderate',
    ),
    param(
      'adaptation_speed',
      1,
      '1',
      'multiplier of the rates of slow adaptations (β-cell, SHBG, Leydig cells, training); > 1 only in the burn-in',
      'numerical device: the burn-in speeds slow adaptations up so that day 0 starts at their steady state',
      'strong',
    ),
  ],
  assignments: [
    {
      name: 'meal_glucose_mg_min',
      expr: 'meal_glucose_fraction * gut_k_absorb * gut_carbs_g * 1000',
      unit: 'mg/min',
      description: 'rate of appearance of meal glucose in plasma',
    },
    {
      name: 'glucose_rate',
      expr: '(egp_mg_min + meal_glucose_mg_min) / (glucose_vd_dl_kg * body_weight_kg) - glucose_clearance_k * glucose',
      unit: 'mg/dL/min',
      description: 'rate of change of plasma glucose',
    },
    {
      name: 'egp_mg_min',
      expr:
        'egp_basal_mg_kg_min * body_weight_kg * egp_scale * egp_glycogen_factor * (1 + egp_gh_gain * socs) * ' +
        '(1 + egp_ffa_gain * ffa) / (1 + insulin_action / egp_insulin_action_half)',
      unit: 'mg/min',
      description:
        'hepatic glucose output: raised by GH signalling and fatty acids, suppressed by insulin action (its own ' +
        'suppression by glucose is in S_G), lowered as liver glycogen runs out (nutritional-state.ts)',
    },
    {
      name: 'igf1_insulin_like',
      expr: 'igf1_glucose_k * igf1 / 200',
      unit: '1/min',
      description: 'glucose disposal rate constant added by IGF-1',
    },
    {
      name: 'glucose_clearance_k',
      expr: 'glucose_effectiveness + insulin_action + igf1_insulin_like',
      unit: '1/min',
      description: 'total fractional glucose disposal',
    },
    {
      name: 'beta_glucose_power',
      expr:
        '(glucose / insulin_glucose_k) * (glucose / insulin_glucose_k) * (glucose / insulin_glucose_k) * ' +
        'sqrt(glucose / insulin_glucose_k)',
      unit: '1',
      description: '(glucose / half-maximal glucose)^3.5, written with products for speed',
    },
    {
      name: 'beta_glucose_drive',
      expr: 'beta_glucose_power / (1 + beta_glucose_power)',
      unit: '1',
      description:
        'β-cell response to glucose: a Hill function of coefficient 3.5 (sigmoid β-cell dose-response, recalled; ' +
        'calibrated)',
    },
    {
      name: 'insulin_secretion',
      expr:
        'insulin_secretion_scale * beta_function * (insulin_secretion_max * ' +
        'beta_glucose_drive * (1 + incretin_gain * gut_carbs_g / (gut_carbs_g + incretin_k_g)) + ' +
        'insulin_secretion_rate_k * max(glucose_rate, 0) + insulin_provision)',
      unit: 'uU/mL/min',
      description: 'β-cell insulin secretion: static (glucose level, incretins) and dynamic (glucose rise)',
    },
    {
      name: 'beta_target',
      expr: 'min((glucose / beta_glucose_set) * (glucose / beta_glucose_set), 4)',
      unit: '1',
      description:
        'β-cell function the islets adapt towards: (glucose / set)², capped at 4× the reference. The exponent 2 ' +
        'was calibrated so that GH raises fasting insulin and HOMA-IR more than fasting glucose (Giavoli 2004: ' +
        'FPG 79 → 87 mg/dL while fasting insulin rose; Leotta 2015: glucose 88 → 92 mg/dL, HOMA-IR up, HOMA-β ' +
        'unchanged)',
    },
  ],
  rates: [
    { state: 'glucose', expr: 'glucose_rate' },
    { state: 'insulin', expr: 'insulin_secretion - insulin_k_clear * insulin' },
    { state: 'insulin_action', expr: 'insulin_action_p2 * (insulin_sensitivity * insulin - insulin_action)' },
    { state: 'beta_function', expr: 'adaptation_speed * beta_k * (beta_target - beta_function)' },
    {
      state: 'insulin_provision',
      expr: 'insulin_provision_k * (insulin_provision_gain * max(glucose - beta_glucose_set, 0) - insulin_provision)',
    },
  ],
  outputs: [
    { name: 'glucose_mg_dl', expr: 'glucose', unit: 'mg/dL', description: 'plasma glucose' },
    { name: 'insulin_uU_ml', expr: 'insulin', unit: 'uU/mL', description: 'plasma insulin' },
    {
      name: 'glucose_disposal_mg_kg_min',
      expr: 'glucose_clearance_k * glucose * glucose_vd_dl_kg',
      unit: 'mg/kg/min',
      description: 'whole-body glucose disposal (minimal-model terms)',
    },
    {
      name: 'insulin_mediated_disposal_mg_kg_min',
      expr: '(insulin_action + igf1_insulin_like) * glucose * glucose_vd_dl_kg',
      unit: 'mg/kg/min',
      description: 'insulin- and IGF-1-mediated glucose disposal',
    },
    { name: 'beta_cell_function', expr: 'beta_function', unit: '1', description: 'β-cell function' },
    {
      name: 'insulin_action_per_min',
      expr: 'insulin_action',
      unit: '1/min',
      description: 'remote insulin action X',
    },
    {
      name: 'igf1_glucose_action_per_min',
      expr: 'igf1_insulin_like',
      unit: '1/min',
      description: 'glucose disposal rate constant of IGF-1',
    },
    {
      name: 'egp_rate_mg_dl_min',
      expr: 'egp_mg_min / (glucose_vd_dl_kg * body_weight_kg)',
      unit: 'mg/dL/min',
      description: 'hepatic glucose output as a rate of plasma glucose change',
    },
  ],
};
