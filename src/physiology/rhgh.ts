// SPDX-License-Identifier: MIT
/**
 * Recombinant human GH (somatropin): it is GH, so it enters plasma GH (`gh-kinetics.ts`) and acts on the liver
 * and on the feedback loops like endogenous GH. SC absorption is slow and limits the apparent half-life: tmax
 * 3–6 h, apparent t½ 2–3 h, F ≈ 63–80 % (physiology.md §4f). Two transit depots with ka = 1/240 min give tmax ≈ 4 h
 * and a terminal half-life ≈ 2.8 h. IM is faster (Cmax at ≈ 3 h). IV goes straight into plasma (t½ ≈ 18–19 min).
 */
import type { SubModel } from '../engine/types.js';
import { input, param, state } from './declare.js';
import type { DrugModel } from './drug-model.js';

const FORMULARIES = 'physiology.md §4f (GHD women 63 ± 4 %; formulary 70–90 %; Swiss label ≈ 80 %)';

const subModel: SubModel = {
  name: 'drug-rhgh',
  description: 'Recombinant GH: SC or IM transit depots, or IV, into plasma GH.',
  states: [
    state('rhgh_depot_sc', 'ug', 'rhGH in the first SC depot', 0),
    state('rhgh_depot_sc_2', 'ug', 'rhGH in the second SC depot', 0),
    state('rhgh_depot_im', 'ug', 'rhGH in the first IM depot', 0),
    state('rhgh_depot_im_2', 'ug', 'rhGH in the second IM depot', 0),
  ],
  inputs: [
    input('rhgh_infusion_sc', 'ug/min', 'SC infusion rate of rhGH (pump)'),
    input('rhgh_infusion_im', 'ug/min', 'IM infusion rate of rhGH'),
    input('rhgh_infusion_iv', 'ug/min', 'IV infusion rate of rhGH'),
  ],
  parameters: [
    param('rhgh_f_sc', 0.7, '1', 'SC bioavailability of rhGH', FORMULARIES, 'strong'),
    param(
      'rhgh_ka_sc',
      1 / 240,
      '1/min',
      'SC transit rate constant of rhGH (per depot)',
      'calibrated: SC tmax 3–6 h (261 ± 27 min), apparent t½ 2–3 h (physiology.md §4f)',
      'strong',
    ),
    param(
      'rhgh_f_im',
      0.8,
      '1',
      'IM bioavailability of rhGH',
      'assumption: close to SC (not in our reference)',
      'weak',
    ),
    param(
      'rhgh_ka_im',
      1 / 150,
      '1/min',
      'IM transit rate constant of rhGH (per depot)',
      'calibrated: IM Cmax 36.9 µg/L at 3 h vs SC 16.4 at 4–6 h after 1.3 mg/m² (Karger 182369)',
      'moderate',
    ),
  ],
  assignments: [
    {
      name: 'rhgh_inflow',
      expr: 'rhgh_ka_sc * rhgh_depot_sc_2 + rhgh_ka_im * rhgh_depot_im_2',
      unit: 'ug/min',
      description: 'rhGH entering plasma from SC and IM depots',
    },
  ],
  rates: [
    { state: 'rhgh_depot_sc', expr: 'rhgh_f_sc * rhgh_infusion_sc - rhgh_ka_sc * rhgh_depot_sc' },
    { state: 'rhgh_depot_sc_2', expr: 'rhgh_ka_sc * (rhgh_depot_sc - rhgh_depot_sc_2)' },
    { state: 'rhgh_depot_im', expr: 'rhgh_f_im * rhgh_infusion_im - rhgh_ka_im * rhgh_depot_im' },
    { state: 'rhgh_depot_im_2', expr: 'rhgh_ka_im * (rhgh_depot_im - rhgh_depot_im_2)' },
    { state: 'gh', expr: '(rhgh_inflow + rhgh_infusion_iv) / gh_vd_l' },
  ],
  outputs: [
    {
      name: 'rhgh_absorption_ug_min',
      expr: 'rhgh_inflow + rhgh_infusion_iv',
      unit: 'ug/min',
      description: 'exogenous GH entering plasma',
    },
  ],
};

/** rhGH's model and dose descriptor. */
export const rhgh: DrugModel = {
  drug: 'rhgh',
  subModel,
  routes: {
    sc: {
      bolusState: 'rhgh_depot_sc',
      bioavailabilityParameter: 'rhgh_f_sc',
      infusionInput: 'rhgh_infusion_sc',
    },
    im: {
      bolusState: 'rhgh_depot_im',
      bioavailabilityParameter: 'rhgh_f_im',
      infusionInput: 'rhgh_infusion_im',
    },
    iv: {
      bolusState: 'gh',
      infusionInput: 'rhgh_infusion_iv',
      // An IV bolus raises plasma GH by amount / volume at once.
      scale: (parameter) => 1 / (parameter('gh_vd_fraction') * parameter('body_weight_kg')),
    },
  },
  concentrationOutput: 'gh_ug_l',
};
