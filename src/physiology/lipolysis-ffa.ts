// SPDX-License-Identifier: MIT
/**
 * Lipolysis and free fatty acids.
 *
 * Adipose lipolysis (µmol of fatty acids per minute) grows with fat mass (less than proportionally: per kg of fat,
 * lipolysis falls with adiposity), is suppressed by insulin (the most insulin-sensitive pathway of fuel
 * metabolism), and is raised by exercise, by prolonged fasting (as liver glycogen runs out, `nutritional-state.ts`)
 * and by GH. GH acts through a delayed signal (two
 * first-order stages, 45 min each): plasma fatty acids begin to rise about an hour after a GH pulse and peak at two
 * to three (Møller 1990, recalled; Møller 1992). The GH response is steep (Hill coefficient 1.5, half-maximal at
 * 6 µg/L), so pulses move lipolysis and constant low GH barely does (Cersosimo 1996: palmitate flux rose only with
 * pulsatile GH; lipolysis follows pulse amplitude, s40842-022-00137-y). Adipocytes also become refractory to GH
 * under sustained exposure (`adipose_refractory`): a state that follows a concave, low-EC50 function of plasma GH
 * over hours, so steady GH (an infusion, a long SC absorption) keeps it high while pulses with low troughs let it
 * recover. Hence the same daily GH drives more lipolysis as pulses than as a continuous infusion (Surya 2009: 7.1 vs
 * 4.8 µmol/kg/min; Laursen 2001: fasting FFA fell when injections were replaced by an infusion; Cersosimo 1996).
 *
 * Plasma fatty acids turn over within minutes, so their concentration is the quasi-steady ratio of release to
 * clearance. A slower pool (`ffa_lagged`, half-time ≈ 1.4 h) carries the Randle cycle: fatty acids competing with
 * glucose oxidation blunt insulin-stimulated glucose uptake over hours (`insulin-signalling.ts`).
 */
import type { SubModel } from '../engine/types.js';
import { param, state } from './declare.js';

/** The lipolysis / fatty-acid sub-model. */
export const lipolysisFfa: SubModel = {
  name: 'lipolysis-ffa',
  description:
    'Adipose lipolysis (insulin, GH with a lag, exercise, fasting), plasma fatty acids, Randle pool.',
  states: [
    state('gh_lipolytic_1', '1', 'first stage of the delayed GH lipolytic signal (0–1)', 0.02),
    state('gh_lipolytic_2', '1', 'second stage of the delayed GH lipolytic signal (0–1)', 0.02),
    state('ffa_lagged', 'mmol/L', 'plasma fatty acids averaged over hours (drives the Randle cycle)', 0.4),
    state(
      'adipose_refractory',
      '1',
      'refractoriness of adipocyte lipolysis to GH after sustained exposure (0–1)',
      0.2,
    ),
  ],
  parameters: [
    param(
      'lipolysis_ref_umol_min',
      480,
      'umol/min',
      'fatty-acid release at 15 kg of fat mass with no insulin, GH, exercise or fasting term',
      'calibrated: post-absorptive fatty-acid flux ≈ 5–7 µmol/kg/min and plasma FFA ≈ 0.4–0.6 mmol/L in lean ' +
        'adults (recalled); palmitate flux 2.7 µmol/kg/min at baseline (Cersosimo 1996)',
      'weak',
    ),
    param(
      'lipolysis_insulin_ic50',
      12,
      'uU/mL',
      'insulin halving the insulin-sensitive part of lipolysis',
      'calibrated: lipolysis is half-suppressed at low physiological insulin and nearly fully after meals ' +
        '(antilipolysis is the most insulin-sensitive metabolic pathway, recalled)',
      'moderate',
    ),
    param(
      'lipolysis_insulin_floor',
      0.1,
      '1',
      'share of lipolysis insulin cannot suppress',
      'calibrated: post-prandial FFA nadir ≈ 0.1 mmol/L (recalled)',
      'weak',
    ),
    param(
      'lipolysis_gh_gain',
      3,
      '1',
      'relative rise of lipolysis at full GH lipolytic signal',
      'calibrated towards Møller 1993 (140 µg GH IV after 12 h: FFA peak 980 ± 100 µmol/L) but held down by the ' +
        'daily FFA level (≈ 0.4–0.6 mmol/L): a larger gain lets the spontaneous pulses raise FFA all day. The model ' +
        'reaches ≈ 0.7 mmol/L (validation case moller-1993-gh-pulse-ffa-peak fails)',
      'weak',
    ),
    param(
      'lipolysis_gh_ec50',
      5,
      'ug/L',
      'plasma GH giving half of the maximal lipolytic signal',
      'calibrated: physiological pulses (GH peaks 10–15 µg/L, Møller 1992) are lipolytic, interpulse GH is not ' +
        '(Cersosimo 1996)',
      'weak',
    ),
    param(
      'lipolysis_gh_k',
      1 / 60,
      '1/min',
      'rate of each of the two stages of the GH lipolytic signal (60 min each)',
      'calibrated: FFA begin to rise ≈ 1 h after a GH pulse and peak at ≈ 2–3 h (Møller 1990 pulse studies, ' +
        'recalled, physiology.md §6)',
      'moderate',
    ),
    param(
      'adipose_refractory_max',
      0.8,
      '1',
      'largest loss of the GH lipolytic response under sustained GH',
      'structure from the pattern studies (Surya 2009: continuous GH left lipolysis at 4.8 against 4.1 basal, pulses ' +
        'raised it to 7.1 µmol/kg/min; Cersosimo 1996: constant GH did not raise palmitate flux, pulses did); value ' +
        'weak (assumption), left to `endotwin calibrate`',
      'weak',
    ),
    param(
      'adipose_refractory_ec50',
      2,
      'ug/L',
      'plasma GH giving half of the steady refractoriness (low: basal and infused GH count, unlike for lipolysis)',
      'assumption: GH-receptor down-regulation and post-receptor desensitisation follow receptor occupancy, which ' +
        'is substantial at a few µg/L (recalled, in-vitro literature); weak, left to `endotwin calibrate`',
      'weak',
    ),
    param(
      'adipose_refractory_k',
      Math.LN2 / 120,
      '1/min',
      'rate at which refractoriness follows GH (half-time 2 h)',
      'assumption: recovery between the pulses of a normal day (intervals of 1–3 h, Hartman 1992) and loss of the ' +
        'response within the first day of an infusion (Surya 2009 measured on day 3); weak',
      'weak',
    ),
    param(
      'lipolysis_exercise_gain',
      1.5,
      '1',
      'relative rise of lipolysis per lactate-threshold multiple of exercise (catecholamines)',
      'assumption: lipolysis roughly doubles to triples in moderate exercise (recalled)',
      'weak',
    ),
    param(
      'lipolysis_fasting_gain',
      0.5,
      '1',
      'relative rise of lipolysis with an empty liver glycogen store (prolonged fast) beyond the fall of insulin',
      'calibrated: FFA ≈ 1 mmol/L after 36 h of fasting (Møller 1993: fasting amplifies the lipolytic response)',
      'weak',
    ),
    param(
      'ffa_clearance_ml_kg_min',
      13,
      'mL/kg/min',
      'plasma clearance of fatty acids per kg body weight',
      'calibrated: release ≈ 450 µmol/min at 0.45 mmol/L in a 75-kg adult (FFA half-life of a few minutes)',
      'weak',
    ),
    param(
      'ffa_exercise_clearance_gain',
      1,
      '1',
      'relative rise of fatty-acid clearance per lactate-threshold multiple of exercise (muscle uptake)',
      'assumption (weak)',
      'weak',
    ),
    param(
      'ffa_lag_k',
      1 / 120,
      '1/min',
      'rate of the slow fatty-acid pool behind the Randle cycle (time constant 2 h)',
      'Randle effect on muscle glucose uptake develops over 2–4 h of raised fatty acids (Roden 1996, recalled)',
      'moderate',
    ),
  ],
  assignments: [
    {
      name: 'gh_lipolytic_power',
      expr: '(gh / lipolysis_gh_ec50) * sqrt(gh / lipolysis_gh_ec50)',
      unit: '1',
      description: '(GH / EC50)^1.5, written with a square root for speed',
    },
    {
      name: 'gh_lipolytic_drive',
      expr: 'gh_lipolytic_power / (1 + gh_lipolytic_power)',
      unit: '1',
      description:
        'instantaneous adipocyte GH-receptor lipolytic drive: a Hill function of coefficient 1.5 (steep, so pulses ' +
        'count and basal GH does not; calibrated to Cersosimo 1996: constant GH left palmitate flux at 2.7 → 2.4 ' +
        '(NS), pulses raised it to 3.1 µmol/kg/min)',
    },
    {
      name: 'antilipolysis',
      expr:
        'lipolysis_insulin_floor + (1 - lipolysis_insulin_floor) / ' +
        '(1 + (insulin / lipolysis_insulin_ic50) * (insulin / lipolysis_insulin_ic50))',
      unit: '1',
      description: 'fraction of lipolysis left by insulin (Hill inhibition of coefficient 2)',
    },
    {
      name: 'lipolysis_umol_min',
      expr:
        'lipolysis_ref_umol_min * sqrt(fat_mass / 15) * antilipolysis * ' +
        '(1 + lipolysis_gh_gain * gh_lipolytic_2 * (1 - adipose_refractory_max * adipose_refractory)) * ' +
        '(1 + lipolysis_exercise_gain * exercise_lt) * ' +
        '(1 + lipolysis_fasting_gain * glycogen_depletion)',
      unit: 'umol/min',
      description:
        'fatty-acid release from adipose tissue; it grows with the square root of fat mass (per-kg lipolysis falls ' +
        'with adiposity: assumption from the lower per-kg-fat lipolysis of obese adults, recalled)',
    },
    {
      name: 'ffa',
      expr:
        'lipolysis_umol_min / (ffa_clearance_ml_kg_min * body_weight_kg * ' +
        '(1 + ffa_exercise_clearance_gain * exercise_lt))',
      unit: 'mmol/L',
      description: 'plasma free fatty acids (quasi-steady state of release and clearance)',
    },
  ],
  rates: [
    { state: 'gh_lipolytic_1', expr: 'lipolysis_gh_k * (gh_lipolytic_drive - gh_lipolytic_1)' },
    { state: 'gh_lipolytic_2', expr: 'lipolysis_gh_k * (gh_lipolytic_1 - gh_lipolytic_2)' },
    { state: 'ffa_lagged', expr: 'ffa_lag_k * (ffa - ffa_lagged)' },
    {
      state: 'adipose_refractory',
      expr: 'adipose_refractory_k * (gh / (gh + adipose_refractory_ec50) - adipose_refractory)',
    },
  ],
  outputs: [
    { name: 'ffa_mmol_l', expr: 'ffa', unit: 'mmol/L', description: 'plasma free fatty acids' },
    {
      name: 'lipolysis_umol_kg_min',
      expr: 'lipolysis_umol_min / body_weight_kg',
      unit: 'umol/kg/min',
      description: 'fatty-acid release per kg body weight',
    },
  ],
};
