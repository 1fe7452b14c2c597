// SPDX-License-Identifier: MIT
/**
 * Tesamorelin (trans-3-hexenoyl-GHRH 1-44, ≈ 5136 g/mol): SC only. Egrifta label: F < 4 %, tmax 0.15 h, t½ 26 min
 * (healthy; 38–39 min in HIV), apparent Vd 9.4 L/kg (= V/F). The model takes F = 4 % and V = 9.4 × 0.04 L/kg,
 * which reproduces the label's Cmax (≈ 2.9 ng/mL after 2 mg). The popPK of González-Sales 2015 (CL/F 1060 L/h,
 * V/F 200 L) implies a shorter elimination half-life; the label's half-life is kept. No effect on cortisol or
 * prolactin (label).
 */
import { pkSubModel } from './drug-model.js';

const LABEL = 'Egrifta (tesamorelin) label';

/** Tesamorelin's model and dose descriptor. */
export const tesamorelin = pkSubModel({
  drug: 'tesamorelin',
  description: 'Tesamorelin: SC depot (F ≈ 4 %), t½ 26 min, GHRH-receptor agonist.',
  molarMassGMol: 5136,
  halfLifeMin: { value: 26, source: `${LABEL}: t½ 26 min in healthy adults`, evidence: 'strong' },
  volumeLPerKg: {
    value: 0.376,
    source: `${LABEL}: apparent Vd 9.4 L/kg after SC (V/F) × F 0.04`,
    evidence: 'moderate',
  },
  absorption: [
    {
      route: 'sc',
      bioavailability: {
        value: 0.04,
        source: `${LABEL}: absolute bioavailability < 4 %`,
        evidence: 'strong',
      },
      ka: { value: 0.3, source: `calibrated: tmax 0.15 h (${LABEL})`, evidence: 'moderate' },
      transits: 1,
    },
  ],
  intravenous: false,
  ec50NgMl: {
    value: 0.35 * (5136 / 3358),
    source: 'assumption: the molar potency of sermorelin at the GHRH receptor (GHRH 1-44 analogue)',
    evidence: 'weak',
  },
});
