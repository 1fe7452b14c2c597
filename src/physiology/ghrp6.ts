// SPDX-License-Identifier: MIT
/**
 * GHRP-6 (≈ 873 g/mol): a GHS-receptor agonist given IV, SC or orally, with small ACTH/cortisol and prolactin rises
 * (physiology.md §9). Ghigo 1994: oral GHRP-6 300 µg/kg gives a GH peak of 10.7 ± 3.3 µg/L in women 65–82 y. Its
 * human pharmacokinetics are not in our reference: half-life, volume and oral bioavailability are weak.
 */
import { pkSubModel } from './drug-model.js';

/** GHRP-6's model and dose descriptor. */
export const ghrp6 = pkSubModel({
  drug: 'ghrp6',
  description:
    'GHRP-6: IV, SC or oral (F well below 1 %), GHS-receptor agonist with cortisol and prolactin release.',
  molarMassGMol: 873,
  halfLifeMin: {
    value: 30,
    source: 'assumption: short plasma half-life of a hexapeptide (not published here)',
    evidence: 'weak',
  },
  volumeLPerKg: {
    value: 0.25,
    source: 'assumption: extracellular-like volume of a small peptide',
    evidence: 'weak',
  },
  absorption: [
    {
      route: 'sc',
      bioavailability: { value: 0.6, source: 'assumption: not published', evidence: 'weak' },
      ka: { value: 0.05, source: 'assumption: SC tmax ≈ 30–45 min', evidence: 'weak' },
      transits: 1,
    },
    {
      route: 'oral',
      bioavailability: {
        value: 0.002,
        source: 'calibrated: oral 300 µg/kg → GH peak 10.7 µg/L in old women (Ghigo 1994 EJE 131:499)',
        evidence: 'weak',
      },
      ka: { value: 0.02, source: 'assumption: oral tmax ≈ 1 h', evidence: 'weak' },
      transits: 1,
    },
  ],
  intravenous: true,
  ec50NgMl: {
    value: 3,
    source:
      'calibrated: a few-fold less potent than hexarelin per µg (Raun 1998 swine ED50 3.9 vs 2.3 nmol/kg for ipamorelin)',
    evidence: 'weak',
  },
  cortisolEc50NgMl: {
    value: 15,
    source: 'calibrated: small but significant ACTH/cortisol rises (physiology.md §9)',
    evidence: 'weak',
  },
  prolactinEc50NgMl: {
    value: 12,
    source: 'calibrated: prolactin rise smaller than hexarelin’s (physiology.md §9)',
    evidence: 'weak',
  },
});
