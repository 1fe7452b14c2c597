// SPDX-License-Identifier: MIT
/**
 * Human chorionic gonadotropin: an LH-receptor agonist acting directly on Leydig cells, SC or IM. It raises
 * testosterone without GnRH or LH — the higher testosterone then suppresses the patient's own LH and FSH through
 * feedback — and, being trophic like LH, keeps Leydig capacity up (`gonadal.ts`). Doses are in IU (≈ 0.1 µg/IU,
 * drug catalogue), concentrations in ng/mL (1 ng/mL ≈ 10 IU/L). PK: terminal half-life ≈ 30 h; IM peaks at
 * ≈ 6 h, SC later (≈ 12–24 h) with lower bioavailability (all recalled from labels; moderate to weak evidence).
 */
import { pkSubModel } from './drug-model.js';

const LABELS = 'hCG labels (Pregnyl, Novarel, Ovidrel; recalled)';

/** hCG's model and dose descriptor. */
export const hcg = pkSubModel({
  drug: 'hcg',
  description: 'hCG: SC or IM depot, one-compartment elimination, LH/hCG-receptor agonist on Leydig cells.',
  molarMassGMol: 37000,
  halfLifeMin: { value: 30 * 60, source: `${LABELS}: terminal t½ ≈ 24–36 h`, evidence: 'moderate' },
  volumeLPerKg: {
    value: 0.08,
    source: 'assumption: distribution in plasma and part of the extracellular fluid (≈ 5–7 L, recalled)',
    evidence: 'weak',
  },
  absorption: [
    {
      route: 'sc',
      bioavailability: {
        value: 0.5,
        source: `${LABELS}: SC absolute bioavailability ≈ 40–50 % (recombinant hCG)`,
        evidence: 'weak',
      },
      ka: {
        value: Math.LN2 / (8 * 60),
        source: 'calibrated: SC tmax ≈ 12–24 h (recalled) → ka = ln 2 / 8 h gives ≈ 21 h',
        evidence: 'weak',
      },
      transits: 1,
    },
    {
      route: 'im',
      bioavailability: {
        value: 0.6,
        source: `assumption: IM bioavailability a little above SC (${LABELS})`,
        evidence: 'weak',
      },
      ka: {
        value: Math.LN2 / 90,
        source: 'calibrated: IM tmax ≈ 6 h (recalled) → ka = ln 2 / 1.5 h gives ≈ 7 h',
        evidence: 'weak',
      },
      transits: 1,
    },
  ],
  intravenous: false,
  ec50NgMl: {
    value: 0.8,
    source:
      'calibrated: 1500–2000 IU two or three times a week restores testosterone to the normal range in ' +
      'hypogonadotropic men (recalled); about as potent per IU as LH at the receptor',
    evidence: 'weak',
  },
});
