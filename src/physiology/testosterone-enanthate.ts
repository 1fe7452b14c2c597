// SPDX-License-Identifier: MIT
/**
 * Testosterone enanthate: the heptanoate ester, an oil depot injected IM (or SC by auto-injector), the ester of the
 * male-contraception trials (WHO 1990, 1996) and of the dose–response studies (Bhasin 1996, 2001). Declared with
 * the same depot kinetics as testosterone cypionate, whose side chain is one carbon longer; the released
 * testosterone is 72.0 % of the ester's mass (288.4 / 400.6 g/mol).
 */
import { OIL_DEPOT_BIOAVAILABILITY, testosteroneEster } from './testosterone-ester.js';

/** Testosterone enanthate's model and dose descriptor. */
export const testosteroneEnanthate = testosteroneEster({
  drug: 'testosterone_enanthate',
  label: 'testosterone enanthate',
  molarMassGMol: 400.6,
  ka: {
    value: 0.35 / 1440,
    source:
      'assumption: release as testosterone cypionate (esters of similar chain length; peak ≈ 2–5 days, recalled)',
    evidence: 'weak',
  },
  bioavailability: OIL_DEPOT_BIOAVAILABILITY,
});
