// SPDX-License-Identifier: MIT
/**
 * MK-677 (ibutamoren, ≈ 529 g/mol): an oral, non-peptide GHS-receptor agonist giving sustained GH/IGF-1 elevation
 * with once-daily dosing, without cortisol or prolactin rises (Chapman 1997). Its human PK is reported
 * inconsistently (t½ ≈ 4–6 h recalled from phase I; "≈ 24 h" on commercial sites): the values here are weak, and
 * the potency is calibrated to Chapman 1997 (10 mg/day × 4 days → IGF-1 +52 % in GH-deficient men).
 */
import { pkSubModel } from './drug-model.js';

/** MK-677's model and dose descriptor. */
export const mk677 = pkSubModel({
  drug: 'mk677',
  description: 'MK-677: oral absorption, t½ ≈ 6 h (weak), GHS-receptor agonist.',
  molarMassGMol: 529,
  halfLifeMin: {
    value: 6 * 60,
    source: 'recalled: t½ ≈ 4–6 h in early phase-I studies (physiology.md §4e)',
    evidence: 'weak',
  },
  volumeLPerKg: {
    value: 2,
    source: 'assumption: lipophilic small molecule, large volume (not published here)',
    evidence: 'weak',
  },
  absorption: [
    {
      route: 'oral',
      bioavailability: {
        value: 0.6,
        source: 'assumption: orally active small molecule (not published here)',
        evidence: 'weak',
      },
      ka: { value: 0.02, source: 'assumption: oral tmax ≈ 1–2 h', evidence: 'weak' },
      transits: 1,
    },
  ],
  intravenous: false,
  ec50NgMl: {
    value: 30,
    source:
      'calibrated: 10 mg/day × 4 days raises IGF-1 by ≈ 52 % in GH-deficient men (Chapman 1997 JCEM 82:3455)',
    evidence: 'weak',
  },
});
