// SPDX-License-Identifier: MIT
/**
 * Skin (optional effect, moderate evidence): a dermal thickness index that follows IGF-1 over months. The index is
 * 1 at day 0 and relaxes (half-time 60 days) towards `1 + gain·ln(IGF-1 / the patient's untreated IGF-1)`: GH and
 * IGF-1 stimulate dermal fibroblasts and collagen synthesis; Rudman 1990 found skin thickness +7.1 % (P = 0.07)
 * after 6 months of rhGH in older men, and Khorram 1997 reported thicker skin on a GHRH analogue in men (recalled).
 * Compiled in only when a scenario names it in `model.optional_effects`; otherwise the daily field is `null`.
 */
import type { SubModel } from '../engine/types.js';
import { param, rateFromHalfLife, state } from './declare.js';

/** The skin sub-model. */
export const skin: SubModel = {
  name: 'skin',
  description: 'Optional: dermal thickness index following IGF-1 over months.',
  states: [state('skin_index', '1', 'dermal thickness relative to day 0', 1)],
  parameters: [
    param(
      'skin_igf1_gain',
      0.09,
      '1',
      'relative dermal thickening per natural-log unit of IGF-1 above baseline (at the plateau)',
      'calibrated: Rudman 1990 NEJM 323:1, skin thickness +7.1 % at 6 months with IGF-1 raised about 2.5-fold',
      'moderate',
    ),
    param(
      'skin_k',
      rateFromHalfLife(60 * 1440),
      '1/min',
      'rate of dermal remodelling (half-time 60 days)',
      'assumption: dermal collagen turns over in months (recalled)',
      'weak',
    ),
  ],
  assignments: [
    {
      name: 'skin_target',
      expr: '1 + skin_igf1_gain * log(igf1 / igf1_ref_ng_ml)',
      unit: '1',
      description: 'dermal thickness IGF-1 is driving towards',
    },
  ],
  rates: [{ state: 'skin_index', expr: 'tissue_on * skin_k * (skin_target - skin_index)' }],
  outputs: [
    {
      name: 'skin_thickness_index',
      expr: 'skin_index',
      unit: '1',
      description: 'dermal thickness index (1 = day 0; optional skin effect)',
    },
  ],
};
