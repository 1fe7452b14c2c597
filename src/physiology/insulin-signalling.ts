// SPDX-License-Identifier: MIT
/**
 * Insulin signalling: the insulin sensitivity S_I that `glucose-insulin.ts` uses, built from five parts.
 *
 * 1. The patient's baseline sensitivity (covariates in `patient.ts`: visceral fat, body fat, age, diabetes; or
 *    calibration to baseline fasting glucose and insulin).
 * 2. GH-induced inhibition of insulin signalling (SOCS proteins, p85α): a state that rises with GH-receptor
 *    signalling and decays with a half-life of 90 min between pulses; a slow tolerance (half-time 30 days) takes up
 *    to 40 % of it away under sustained exposure. The GH response is concave (half-maximal at
 *    2 µg/L), so sustained GH (rhGH, infusion, MK-677) keeps it high all day while pulsatile GH lets it fall back
 *    between pulses: the same GH given continuously causes more insulin resistance than given in pulses.
 * 3. The Randle cycle: fatty acids averaged over hours compete with glucose oxidation, `1/(1 + FFA/K)`.
 * 4. Lean mass: muscle is where insulin disposes of glucose; sensitivity scales with lean tissue relative to the
 *    patient's baseline.
 * 5. Visceral fat: sensitivity falls exponentially with visceral fat area, relative to the baseline.
 *
 * Parts 4 and 5 equal 1 at day 0 and move over months with body composition, which is how the early GH-induced
 * insulin resistance is pulled back towards (or beyond) baseline by lean gain and visceral-fat loss.
 */
import type { SubModel } from '../engine/types.js';
import { param, rateFromHalfLife, state } from './declare.js';

/** The insulin-signalling sub-model. */
export const insulinSignalling: SubModel = {
  name: 'insulin-signalling',
  description:
    'GH-induced SOCS inhibition, Randle cycle, lean mass and visceral fat → insulin sensitivity S_I.',
  states: [
    state('socs', '1', 'GH-induced inhibition of insulin signalling (SOCS), 0–1', 0.1),
    state('socs_tolerance', '1', 'slow adaptation of insulin signalling to sustained GH (0–1)', 0.1),
  ],
  parameters: [
    param(
      'si_base',
      0.0012,
      'mL/uU/min',
      'insulin sensitivity without GH signalling and fatty acids, for the reference patient (young lean man)',
      'calibrated: effective S_I ≈ 5–8 × 10⁻⁴ min⁻¹ per µU/mL in healthy lean adults (physiology.md §6, minimal ' +
        'model ranges, recalled)',
      'weak',
    ),
    param(
      'si_scale',
      1,
      '1',
      'patient factor on insulin sensitivity (covariates, or calibration to baseline glucose and insulin)',
      'set by patient.ts and by the baseline-labs calibration of simulate',
      'moderate',
    ),
    param(
      'socs_k_on',
      0.015,
      '1/min',
      'rate of GH-induced SOCS induction at full GH-receptor signalling',
      'calibrated: forearm glucose uptake falls within 10–60 min of a GH pulse (Møller 1992)',
      'weak',
    ),
    param(
      'socs_k_off',
      rateFromHalfLife(90),
      '1/min',
      'decay of GH-induced signalling inhibition between pulses (half-life 90 min)',
      'assumption: SOCS mRNA and protein turn over within about an hour (in-vitro literature, recalled)',
      'weak',
    ),
    param(
      'socs_gh_ec50',
      2,
      'ug/L',
      'plasma GH giving half-maximal SOCS induction (concave: sustained exposure counts)',
      'calibrated: sustained GH is more diabetogenic than pulsatile GH of the same amount (MODEL.md; Laursen ' +
        '2001 for IGF-1 under infusion vs injection)',
      'weak',
    ),
    param(
      'socs_max_inhibition',
      0.95,
      '1',
      'largest loss of insulin sensitivity from GH signalling',
      'calibrated: insulin-stimulated glucose uptake −52 % after 1 week of rhGH 9.6 µg/kg/day in GH-deficient ' +
        'adults (Bramnert 2003, with the Randle term)',
      'weak',
    ),
    param(
      'socs_tolerance_max',
      0.4,
      '1',
      'largest share of the GH (SOCS) inhibition lost by adaptation to sustained exposure',
      'calibrated: insulin-stimulated glucose uptake −52 % at 1 week but −39 % at 6 months of the same dose ' +
        '(Bramnert 2003), normalised at 12 months (Hwu 1997) and improved beyond baseline on low doses at 24–48 ' +
        'weeks (Arafat 2010); the mechanism (adaptation of insulin signalling) is an assumption',
      'weak',
    ),
    param(
      'socs_tolerance_k',
      rateFromHalfLife(30 * 1440),
      '1/min',
      'rate of the adaptation to sustained GH signalling (half-time 30 days)',
      'assumption (weak)',
      'weak',
    ),
    param(
      'randle_ffa_k',
      0.8,
      'mmol/L',
      'fatty-acid level halving insulin sensitivity through the Randle cycle',
      'calibrated: raising FFA to ≈ 1.5–2 mmol/L lowers insulin-stimulated glucose uptake by ≈ 40–50 % (lipid ' +
        'infusion studies, Roden 1996, recalled)',
      'moderate',
    ),
    param(
      'si_visceral_k',
      0.006,
      '1/cm2',
      'relative fall of insulin sensitivity per cm² of visceral fat area',
      'calibrated: visceral fat is the strongest body-composition predictor of insulin resistance; an obese ' +
        'man with ≈ 160 cm² has about half the sensitivity of a lean man with 50 cm² (minimal-model ranges, ' +
        'physiology.md §6); GH-deficient adults normalise S_I with fat loss at 12 mo (Hwu 1997)',
      'weak',
    ),
  ],
  assignments: [
    {
      name: 'socs_drive',
      expr: 'gh / (gh + socs_gh_ec50)',
      unit: '1',
      description: 'GH-receptor signalling in muscle, liver and fat (concave)',
    },
    {
      name: 'randle_factor',
      expr: '1 / (1 + ffa_lagged / randle_ffa_k)',
      unit: '1',
      description: 'insulin sensitivity left by fatty-acid competition',
    },
    {
      name: 'body_composition_si_factor',
      expr: '(lean_tissue_kg / lean_mass_0_kg) * exp(-si_visceral_k * (visceral_fat - visceral_fat_0_cm2))',
      unit: '1',
      description:
        'insulin sensitivity relative to baseline from lean mass (proportional: insulin-stimulated disposal is ' +
        'mostly skeletal muscle) and visceral fat (exponential), 1 at day 0',
    },
    {
      name: 'insulin_sensitivity',
      expr:
        'si_base * si_scale * (1 - socs_max_inhibition * socs * (1 - socs_tolerance_max * socs_tolerance)) * ' +
        'randle_factor * body_composition_si_factor',
      unit: 'mL/uU/min',
      description: 'insulin sensitivity S_I of the minimal model',
    },
  ],
  rates: [
    { state: 'socs', expr: 'socs_k_on * socs_drive * (1 - socs) - socs_k_off * socs' },
    { state: 'socs_tolerance', expr: 'adaptation_speed * socs_tolerance_k * (socs - socs_tolerance)' },
  ],
  outputs: [
    {
      name: 'insulin_sensitivity_si',
      expr: 'insulin_sensitivity * 10000',
      unit: '1',
      description: 'insulin sensitivity S_I in 10⁻⁴ min⁻¹ per µU/mL',
    },
    { name: 'socs_inhibition', expr: 'socs', unit: '1', description: 'GH-induced signalling inhibition' },
  ],
};
