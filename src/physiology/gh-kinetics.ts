// SPDX-License-Identifier: MIT
/**
 * Plasma GH kinetics: one compartment of volume 7.9 % of body weight (Hartman 1992) with mono-exponential
 * disappearance, half-life 19 min (Faria 1989). Clearance rises with adiposity (Langendonk; van Esdonk 2020), set by
 * `patient.ts` through `gh_clearance_factor`. Pituitary secretion enters here; so does exogenous rhGH (`rhgh.ts`),
 * which then acts on the liver and on the feedback loops exactly as endogenous GH does.
 */
import type { SubModel } from '../engine/types.js';
import { param, state } from './declare.js';

/** The GH-kinetics sub-model. */
export const ghKinetics: SubModel = {
  name: 'gh-kinetics',
  description: 'Plasma GH: secretion in, first-order disappearance out (one compartment).',
  states: [state('gh', 'ug/L', 'plasma GH (endogenous and exogenous)', 0.3)],
  parameters: [
    param(
      'gh_half_life_min',
      19,
      'min',
      'plasma GH half-life (mono-exponential) in a lean adult',
      'Faria, Veldhuis, Thorner & Vance, JCEM 1989;68:535: 18.9 ± 0.8 min',
      'strong',
    ),
    param(
      'gh_vd_fraction',
      0.079,
      'L/kg',
      'GH distribution volume per kg body weight',
      'Hartman 1992 (7.9 % of body weight, used in deconvolution)',
      'moderate',
    ),
    param('body_weight_kg', 75, 'kg', 'body weight', 'scenario patient.weight_kg', 'strong'),
    param(
      'gh_clearance_factor',
      1,
      '1',
      'GH clearance relative to a lean adult (rises with adiposity)',
      'Langendonk (≈1999): +33 % lower-body and +51 % upper-body obese vs lean; set by patient.ts',
      'moderate',
    ),
  ],
  assignments: [
    {
      name: 'gh_vd_l',
      expr: 'gh_vd_fraction * body_weight_kg',
      unit: 'L',
      description: 'GH distribution volume',
    },
    {
      name: 'gh_k_elim',
      expr: '0.6931471805599453 * gh_clearance_factor / gh_half_life_min',
      unit: '1/min',
      description: 'GH disappearance rate constant',
    },
  ],
  rates: [{ state: 'gh', expr: 'gh_release_ug_min / gh_vd_l - gh_k_elim * gh' }],
  outputs: [{ name: 'gh_ug_l', expr: 'gh', unit: 'ug/L', description: 'plasma GH' }],
};
