// SPDX-License-Identifier: MIT
/**
 * Testosterone cypionate: an oil-based ester injected IM (or SC) into a depot from which testosterone is released
 * over days. Two transit depots (each with ka = 0.35/day) give a peak ≈ 3 days after the injection, ≈ 60 % of the
 * peak at 7 days and ≈ 10 % at 14 days (label: peak 2–5 days, recalled). The released testosterone (69.9 % of the
 * ester's mass, 288.4 / 412.6 g/mol) enters total testosterone (`gonadal.ts`), where it is cleared with the
 * endogenous hormone and suppresses LH and FSH by feedback.
 */
import type { SubModel } from '../engine/types.js';
import { input, param, state } from './declare.js';
import type { DrugModel } from './drug-model.js';

const KA = 0.35 / 1440;
const KA_SOURCE =
  'calibrated: peak testosterone ≈ 2–5 days after an IM injection, back near baseline by ≈ 2–3 weeks ' +
  '(testosterone cypionate label, recalled)';

const subModel: SubModel = {
  name: 'drug-testosterone_cypionate',
  description: 'Testosterone cypionate: IM or SC transit depots releasing testosterone into plasma.',
  states: [
    state('testosterone_cypionate_depot_im', 'ug', 'testosterone cypionate in the first IM depot', 0),
    state('testosterone_cypionate_depot_im_2', 'ug', 'testosterone cypionate in the second IM depot', 0),
    state('testosterone_cypionate_depot_sc', 'ug', 'testosterone cypionate in the first SC depot', 0),
    state('testosterone_cypionate_depot_sc_2', 'ug', 'testosterone cypionate in the second SC depot', 0),
  ],
  inputs: [
    input('testosterone_cypionate_infusion_im', 'ug/min', 'IM delivery rate (for infusions; not clinical)'),
    input('testosterone_cypionate_infusion_sc', 'ug/min', 'SC delivery rate (for infusions; not clinical)'),
  ],
  parameters: [
    param(
      'testosterone_cypionate_f_im',
      1,
      '1',
      'IM bioavailability of the ester',
      'assumption: an IM oil depot is fully absorbed (label, recalled)',
      'moderate',
    ),
    param(
      'testosterone_cypionate_ka_im',
      KA,
      '1/min',
      'IM transit rate constant (per depot)',
      KA_SOURCE,
      'weak',
    ),
    param(
      'testosterone_cypionate_f_sc',
      1,
      '1',
      'SC bioavailability of the ester',
      'assumption: SC testosterone esters give exposure similar to IM (recalled)',
      'weak',
    ),
    param(
      'testosterone_cypionate_ka_sc',
      KA,
      '1/min',
      'SC transit rate constant (per depot)',
      KA_SOURCE,
      'weak',
    ),
    param(
      'testosterone_ester_fraction',
      288.4 / 412.6,
      '1',
      'testosterone mass per mass of testosterone cypionate',
      'molar masses: testosterone 288.4, testosterone cypionate 412.6 g/mol',
      'strong',
    ),
  ],
  assignments: [
    {
      name: 'testosterone_cypionate_release',
      expr:
        'testosterone_ester_fraction * (testosterone_cypionate_ka_im * testosterone_cypionate_depot_im_2 + ' +
        'testosterone_cypionate_ka_sc * testosterone_cypionate_depot_sc_2)',
      unit: 'ug/min',
      description: 'testosterone released from the depots',
    },
    {
      name: 'testosterone_cypionate_inflow',
      expr: 'testosterone_cypionate_release * 1000 / (testosterone_vd_l_kg * body_weight_kg * 10)',
      unit: 'ng/dL/min',
      description: 'exogenous testosterone entering plasma, as a concentration rate',
    },
  ],
  rates: [
    {
      state: 'testosterone_cypionate_depot_im',
      expr:
        'testosterone_cypionate_f_im * testosterone_cypionate_infusion_im - ' +
        'testosterone_cypionate_ka_im * testosterone_cypionate_depot_im',
    },
    {
      state: 'testosterone_cypionate_depot_im_2',
      expr: 'testosterone_cypionate_ka_im * (testosterone_cypionate_depot_im - testosterone_cypionate_depot_im_2)',
    },
    {
      state: 'testosterone_cypionate_depot_sc',
      expr:
        'testosterone_cypionate_f_sc * testosterone_cypionate_infusion_sc - ' +
        'testosterone_cypionate_ka_sc * testosterone_cypionate_depot_sc',
    },
    {
      state: 'testosterone_cypionate_depot_sc_2',
      expr: 'testosterone_cypionate_ka_sc * (testosterone_cypionate_depot_sc - testosterone_cypionate_depot_sc_2)',
    },
  ],
  outputs: [
    {
      name: 'testosterone_cypionate_release_ug_min',
      expr: 'testosterone_cypionate_release',
      unit: 'ug/min',
      description: 'testosterone released from the cypionate depots',
    },
  ],
};

/** Testosterone cypionate's model and dose descriptor. */
export const testosteroneCypionate: DrugModel = {
  drug: 'testosterone_cypionate',
  subModel,
  testosteroneInflow: 'testosterone_cypionate_inflow',
  routes: {
    im: {
      bolusState: 'testosterone_cypionate_depot_im',
      bioavailabilityParameter: 'testosterone_cypionate_f_im',
      infusionInput: 'testosterone_cypionate_infusion_im',
    },
    sc: {
      bolusState: 'testosterone_cypionate_depot_sc',
      bioavailabilityParameter: 'testosterone_cypionate_f_sc',
      infusionInput: 'testosterone_cypionate_infusion_sc',
    },
  },
  concentrationOutput: 'testosterone_ng_dl',
};
