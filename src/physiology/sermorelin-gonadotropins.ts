// SPDX-License-Identifier: MIT
/**
 * Optional effect `sermorelin_gonadotropins` (weak evidence, off by default): the seeds' claim that sermorelin
 * raises LH and FSH. The labels of sermorelin and tesamorelin report no clinically significant LH/FSH change
 * (physiology.md §8), so the model leaves it out unless a scenario names it in `model.optional_effects`. When on, a
 * drive that follows sermorelin's GHRH-receptor load over days raises GnRH-driven LH and FSH release. The size is
 * chosen to illustrate the claim (about +10–20 % LH on 300 µg nightly), not measured. When off, the stub below
 * supplies a zero boost so the gonadal axis compiles the same way.
 */
import type { SubModel } from '../engine/types.js';
import { param, rateFromHalfLife, state } from './declare.js';

/** The optional sermorelin → gonadotropin sub-model. */
export const sermorelinGonadotropins: SubModel = {
  name: 'sermorelin-gonadotropins',
  description: 'Optional, weak evidence: sermorelin raising GnRH-driven LH and FSH release.',
  states: [state('sermorelin_gonadal_drive', '1', 'sermorelin’s drive on gonadotropin release (0–1)', 0)],
  parameters: [
    param(
      'sermorelin_gonadotropin_gain',
      15,
      '1',
      'relative rise of GnRH-driven LH/FSH release per unit of the sermorelin drive',
      'the seeds’ claim that sermorelin raises LH and FSH; the labels report no LH/FSH change (physiology.md §8). ' +
        'Chosen so that 300 µg nightly gives ≈ +10–20 % LH: an illustration of the claim, not a measurement',
      'weak',
    ),
    param(
      'sermorelin_drive_k',
      rateFromHalfLife(2 * 1440),
      '1/min',
      'rate of the sermorelin gonadotropin drive (half-time 2 days)',
      'assumption (optional effect)',
      'weak',
    ),
  ],
  assignments: [
    {
      name: 'sermorelin_gonadotropin_boost',
      expr: 'sermorelin_gonadotropin_gain * sermorelin_gonadal_drive',
      unit: '1',
      description: 'relative rise of GnRH-driven LH/FSH release',
    },
  ],
  rates: [
    {
      state: 'sermorelin_gonadal_drive',
      expr: 'sermorelin_drive_k * (gonadotropin_drug_load / (1 + gonadotropin_drug_load) - sermorelin_gonadal_drive)',
    },
  ],
};

/** The stand-in when the effect is off: no boost. */
export const sermorelinGonadotropinsOff: SubModel = {
  name: 'sermorelin-gonadotropins-off',
  description: 'Optional effect sermorelin_gonadotropins switched off: no boost.',
  assignments: [
    {
      name: 'sermorelin_gonadotropin_boost',
      expr: '0',
      unit: '1',
      description: 'relative rise of GnRH-driven LH/FSH release (effect off)',
    },
  ],
};
