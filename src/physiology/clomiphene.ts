// SPDX-License-Identifier: MIT
/**
 * Clomiphene citrate: a selective oestrogen-receptor modulator, oral. At the hypothalamus and pituitary it blocks
 * the negative feedback of estradiol, so GnRH-driven LH and FSH rise and with them testosterone (`gonadal.ts`); it
 * does not act on the testis itself. The isomer mixture has a long effective half-life (label: ≈ 5 days;
 * zuclomiphene accumulates over weeks), so the blockade builds over two to three weeks of daily dosing. Amounts are
 * in mg of the citrate; the apparent volume only sets the concentration scale against which the EC50 was
 * calibrated.
 */
import { pkSubModel } from './drug-model.js';

/** Clomiphene's model and dose descriptor. */
export const clomiphene = pkSubModel({
  drug: 'clomiphene',
  description: 'Clomiphene: oral absorption, slow elimination, hypothalamic oestrogen-receptor antagonist.',
  molarMassGMol: 598.1,
  halfLifeMin: {
    value: 5 * 1440,
    source: 'Clomid label: biological half-life ≈ 5 days (recalled)',
    evidence: 'moderate',
  },
  volumeLPerKg: {
    value: 50,
    source: 'assumption: a lipophilic drug with a large apparent volume (sets the concentration scale only)',
    evidence: 'weak',
  },
  absorption: [
    {
      route: 'oral',
      bioavailability: {
        value: 1,
        source: 'assumption: well absorbed (label, recalled); apparent value folded into the volume',
        evidence: 'weak',
      },
      ka: {
        value: 0.005,
        source: 'calibrated: oral tmax ≈ 6 h (recalled)',
        evidence: 'weak',
      },
      transits: 1,
    },
  ],
  intravenous: false,
  ec50NgMl: {
    value: 12,
    source:
      'calibrated: 25–50 mg/day roughly doubles LH and raises testosterone into the normal range within weeks in ' +
      'men with secondary hypogonadism (recalled clinical studies; weak)',
    evidence: 'weak',
  },
});
