// SPDX-License-Identifier: MIT
/**
 * CJC-1295 without DAC ("modified GRF 1-29", ≈ 3368 g/mol): a GHRH(1-29) analogue with four substitutions that
 * resist DPP-IV. There is no peer-reviewed human pharmacokinetics: the half-life (≈ 30 min) is quoted only by
 * commercial sites, and bioavailability and potency are assumed equal to sermorelin's. Every number here is weak.
 */
import { pkSubModel } from './drug-model.js';

/** CJC-1295 (no DAC)'s model and dose descriptor. */
export const cjc1295NoDac = pkSubModel({
  drug: 'cjc1295_nodac',
  description:
    'CJC-1295 without DAC (mod GRF 1-29): SC depot, ≈ 30 min half-life (unpublished), GHRH-receptor agonist.',
  molarMassGMol: 3368,
  halfLifeMin: {
    value: 30,
    source: 'commercial sites only (physiology.md §4b): t½ ≈ 30 min; no peer-reviewed human PK',
    evidence: 'weak',
  },
  volumeLPerKg: {
    value: 0.33,
    source: 'assumption: as sermorelin (Geref label Vd ≈ 25 L)',
    evidence: 'weak',
  },
  absorption: [
    {
      route: 'sc',
      bioavailability: {
        value: 0.06,
        source: 'assumption: as sermorelin (Geref label ≈ 6 %)',
        evidence: 'weak',
      },
      ka: { value: 0.1, source: 'assumption: SC tmax ≈ 15–20 min', evidence: 'weak' },
      transits: 1,
    },
  ],
  intravenous: false,
  ec50NgMl: {
    value: 0.35,
    source: 'assumption: molar potency of sermorelin (same GHRH 1-29 core)',
    evidence: 'weak',
  },
});
