// SPDX-License-Identifier: MIT
/**
 * Hexarelin (≈ 887 g/mol): a potent GHS-receptor agonist, IV or SC, that also raises ACTH/cortisol and prolactin.
 * Massoud 1996 (healthy men, IV): GH ED50 0.48 µg/kg with a plateau of 140 mU/L; prolactin plateau +180 % with
 * ED50 0.39 µg/kg; cortisol ≈ +40 % from 0.5 µg/kg. Plasma half-life and volume are not in our reference; the values
 * below are recalled and weak.
 */
import { pkSubModel } from './drug-model.js';

const MASSOUD = 'Massoud et al., JCEM 1996;81:4338';

/** Hexarelin's model and dose descriptor. */
export const hexarelin = pkSubModel({
  drug: 'hexarelin',
  description: 'Hexarelin: IV or SC, GHS-receptor agonist with cortisol and prolactin release.',
  molarMassGMol: 887,
  halfLifeMin: {
    value: 60,
    source: 'recalled: plasma t½ ≈ 1 h after IV hexarelin (Imbimbo 1994)',
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
  ],
  intravenous: true,
  ec50NgMl: {
    value: 0.8,
    source: `calibrated: GH ED50 0.48 µg/kg IV (${MASSOUD})`,
    evidence: 'moderate',
  },
  cortisolEc50NgMl: {
    value: 2.2,
    source: `calibrated: cortisol ≈ +40 % at ≥ 0.5 µg/kg, none at 0.125 µg/kg (${MASSOUD})`,
    evidence: 'moderate',
  },
  prolactinEc50NgMl: {
    value: 1.6,
    source: `calibrated: prolactin plateau +180 % with ED50 0.39 µg/kg (${MASSOUD})`,
    evidence: 'moderate',
  },
});
