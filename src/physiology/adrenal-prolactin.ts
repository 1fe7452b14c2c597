// SPDX-License-Identifier: MIT
/**
 * Adrenal cortisol and pituitary prolactin, at the level the GH therapies need: cortisol's circadian rhythm
 * (peak shortly after waking, nadir near midnight), its rise with stress, and the cortisol and prolactin rises of the
 * non-selective GHS agonists (hexarelin, GHRP-6; Massoud 1996). Ipamorelin, MK-677, sermorelin and tesamorelin
 * have no such effect (Raun 1998; Chapman 1997; labels), which the model expresses by giving them no load here.
 * Prolactin rises during sleep.
 */
import type { SubModel } from '../engine/types.js';
import { param, rateFromHalfLife, state } from './declare.js';

/** The adrenal / prolactin sub-model. */
export const adrenalProlactin: SubModel = {
  name: 'adrenal-prolactin',
  description: 'Cortisol (circadian, stress, GHRP off-target) and prolactin (sleep, GHRP off-target).',
  states: [
    state('cortisol', 'ug/dL', 'plasma total cortisol', 8),
    state('prolactin', 'ng/mL', 'plasma prolactin', 8),
  ],
  parameters: [
    param(
      'cortisol_k',
      rateFromHalfLife(70),
      '1/min',
      'cortisol disappearance (half-life 70 min)',
      'textbook: plasma cortisol t½ ≈ 60–90 min (recalled)',
      'moderate',
    ),
    param(
      'cortisol_nadir_ug_dl',
      2.5,
      'ug/dL',
      'cortisol secretion target at the circadian nadir (around midnight)',
      'textbook: late-evening cortisol ≈ 1–5 µg/dL (recalled)',
      'moderate',
    ),
    param(
      'cortisol_peak_ug_dl',
      17,
      'ug/dL',
      'cortisol secretion target at the morning peak',
      'textbook: morning cortisol ≈ 10–20 µg/dL (recalled); calibrated with the half-life to a peak ≈ 14 µg/dL',
      'moderate',
    ),
    param(
      'cortisol_peak_after_wake_h',
      0.5,
      'h',
      'time of the peak of the cortisol drive after waking',
      'cortisol awakening response peaks ≈ 30–45 min after waking (recalled)',
      'moderate',
    ),
    param(
      'cortisol_kappa',
      2,
      '1',
      'sharpness of the circadian cortisol drive (von Mises concentration)',
      'calibrated: 24-h mean cortisol ≈ 6–8 µg/dL with the nadir and peak above',
      'weak',
    ),
    param(
      'cortisol_stress_gain',
      0.3,
      '1',
      'relative rise of cortisol secretion at high psychological stress',
      'assumption: chronic stress raises cortisol output modestly',
      'weak',
    ),
    param(
      'cortisol_drug_max_ug_dl',
      26,
      'ug/dL',
      'largest GHRP-driven rise of the cortisol target (via ACTH)',
      'calibrated: hexarelin ≈ +40 % cortisol at ≥ 0.5 µg/kg IV (Massoud 1996)',
      'moderate',
    ),
    param(
      'cortisol_drug_n',
      3,
      '1',
      'steepness of the GHRP → cortisol dose-response',
      'Massoud 1996: a step-like cortisol rise (none at 0.125 µg/kg, ≈ +40 % at ≥ 0.5 µg/kg)',
      'moderate',
    ),
    param(
      'prolactin_k',
      rateFromHalfLife(50),
      '1/min',
      'prolactin disappearance (half-life 50 min)',
      'textbook: prolactin t½ ≈ 45–50 min (recalled)',
      'moderate',
    ),
    param(
      'prolactin_basal_ng_ml',
      8,
      'ng/mL',
      'waking prolactin (men; patient.ts raises it in women)',
      'textbook reference ranges (recalled)',
      'moderate',
    ),
    param(
      'prolactin_sleep_gain',
      0.7,
      '1',
      'relative rise of prolactin during sleep',
      'sleep-related prolactin rise (recalled)',
      'moderate',
    ),
    param(
      'prolactin_drug_max',
      6,
      '1',
      'largest relative GHRP-driven rise of the prolactin target',
      'calibrated: hexarelin prolactin plateau +180 % at 1 µg/kg IV (Massoud 1996)',
      'moderate',
    ),
  ],
  assignments: [
    {
      name: 'cortisol_circadian',
      expr: 'exp(cortisol_kappa * (cos(circadian_rad - 2 * pi * cortisol_peak_after_wake_h / 24) - 1))',
      unit: '1',
      description: 'circadian cortisol drive (1 at the peak)',
    },
    {
      name: 'cortisol_target',
      expr:
        '(cortisol_nadir_ug_dl + (cortisol_peak_ug_dl - cortisol_nadir_ug_dl) * cortisol_circadian) * ' +
        '(1 + cortisol_stress_gain * stress_level) + ' +
        'cortisol_drug_max_ug_dl * hill(cortisol_drug_load, 1, cortisol_drug_n)',
      unit: 'ug/dL',
      description: 'cortisol level secretion is driving towards',
    },
    {
      name: 'prolactin_target',
      expr:
        'prolactin_basal_ng_ml * (1 + prolactin_sleep_gain * asleep) * ' +
        '(1 + prolactin_drug_max * hill(prolactin_drug_load, 1, 1))',
      unit: 'ng/mL',
      description: 'prolactin level secretion is driving towards',
    },
  ],
  rates: [
    { state: 'cortisol', expr: 'cortisol_k * (cortisol_target - cortisol)' },
    { state: 'prolactin', expr: 'prolactin_k * (prolactin_target - prolactin)' },
  ],
  outputs: [
    { name: 'cortisol_ug_dl', expr: 'cortisol', unit: 'ug/dL', description: 'plasma cortisol' },
    { name: 'prolactin_ng_ml', expr: 'prolactin', unit: 'ng/mL', description: 'plasma prolactin' },
  ],
};
