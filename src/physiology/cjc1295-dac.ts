// SPDX-License-Identifier: MIT
/**
 * CJC-1295 with DAC (≈ 3647 g/mol): a GHRH(1-29) analogue with a drug-affinity complex that binds albumin, giving a
 * half-life of 5.8–8.1 days (Teichman 2006). It acts as a continuous, low-level GHRH-receptor load: trough GH
 * ×7.5, mean GH +46 %, IGF-1 +45 % after one week, pulse frequency unchanged (Ionescu & Frohman 2006). Its
 * absorption rate, volume and free potency are not published; the potency is calibrated to Ionescu & Frohman.
 */
import { pkSubModel } from './drug-model.js';

/** CJC-1295 (DAC)'s model and dose descriptor. */
export const cjc1295Dac = pkSubModel({
  drug: 'cjc1295_dac',
  description:
    'CJC-1295 with DAC: slow SC absorption, albumin-bound elimination over days, GHRH-receptor agonist.',
  molarMassGMol: 3647,
  halfLifeMin: { value: 7 * 1440, source: 'Teichman 2006 JCEM 91:799: t½ 5.8–8.1 days', evidence: 'strong' },
  volumeLPerKg: {
    value: 0.1,
    source: 'assumption: albumin-bound peptide confined to the albumin space (≈ 0.1 L/kg); not published',
    evidence: 'weak',
  },
  absorption: [
    {
      route: 'sc',
      bioavailability: {
        value: 1,
        source: 'assumption: not published (folded into the calibrated EC50)',
        evidence: 'weak',
      },
      ka: {
        value: Math.LN2 / (12 * 60),
        source: 'assumption: SC absorption half-time 12 h (not published)',
        evidence: 'weak',
      },
      transits: 1,
    },
  ],
  intravenous: false,
  ec50NgMl: {
    value: 10000,
    source:
      'calibrated: 60 µg/kg SC raises trough GH ×≈7.5 at one week (Ionescu & Frohman 2006 JCEM 91:4792); the ' +
      'albumin-bound drug is a weak agonist per ng/mL',
    evidence: 'weak',
  },
});
