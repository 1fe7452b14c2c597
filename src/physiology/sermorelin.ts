// SPDX-License-Identifier: MIT
/**
 * Sermorelin (GHRH 1-29-NH2, 3358 g/mol): a short-lived GHRH-receptor agonist, SC or IV. PK from the Geref label:
 * t½ 11–12 min, Vd 23.7–25.8 L, SC bioavailability ≈ 6 %, SC tmax 5–20 min. The label's clearance (2.4–2.8 L/min)
 * implies a shorter one-compartment half-life (≈ 7 min); the model keeps the reported half-life and volume. No
 * effect on cortisol or prolactin (label).
 */
import { pkSubModel, type DrugModel } from './drug-model.js';

const LABEL = 'Geref (sermorelin) label, clinical pharmacology';

/**
 * Sermorelin's model and dose descriptor. Its GHRH-receptor load is also offered to the gonadal axis as the
 * optional, weak-evidence `sermorelin_gonadotropins` effect (off by default).
 */
export const sermorelin: DrugModel = {
  ...pkSubModel({
    drug: 'sermorelin',
    description: 'Sermorelin: SC depot (F ≈ 6 %) or IV, one-compartment elimination, GHRH-receptor agonist.',
    molarMassGMol: 3358,
    halfLifeMin: { value: 11.5, source: `${LABEL}: t½ 11–12 min (IV or SC)`, evidence: 'strong' },
    volumeLPerKg: {
      value: 0.33,
      source: `${LABEL}: Vd 23.7–25.8 L (≈ 0.33 L/kg at 75 kg)`,
      evidence: 'strong',
    },
    absorption: [
      {
        route: 'sc',
        bioavailability: { value: 0.06, source: `${LABEL}: SC bioavailability ≈ 6 %`, evidence: 'strong' },
        ka: {
          value: 0.2,
          source: `calibrated: SC tmax 5–20 min (${LABEL}) → ka 0.2/min gives tmax ≈ 9 min`,
          evidence: 'moderate',
        },
        transits: 1,
      },
    ],
    intravenous: true,
    ec50NgMl: {
      value: 0.35,
      source:
        'calibrated: GHRH 1 µg/kg IV gives a GH peak of 5.1 ± 1.5 µg/L in women 65–82 y (Ghigo 1994 EJE ' +
        '131:499) and ≈ 20–40 µg/L in young adults; ≈ 0.1 nM, the in-vitro potency range of GHRH',
      evidence: 'weak',
    },
  }),
  gonadotropinLoad: 'sermorelin_load',
};
