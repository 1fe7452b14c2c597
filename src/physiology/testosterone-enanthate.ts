// SPDX-License-Identifier: MIT
/**
 * Testosterone enanthate: the heptanoate ester, an oil depot injected IM (or SC by auto-injector), the ester of the
 * male-contraception trials (WHO 1990, 1996) and of the dose–response studies (Bhasin 1996, 2001). After 250 mg IM
 * in young men serum testosterone peaks at ≈ 20 ng/mL after 1.5–3 days and then falls with a half-life of
 * ≈ 4.5 days, the release rate from the depot (`testosterone-ester.ts`). The released testosterone is 72.0 % of the
 * ester's mass (288.4 / 400.6 g/mol).
 */
import { OIL_DEPOT_BIOAVAILABILITY, testosteroneEster } from './testosterone-ester.js';

const SMPC =
  'Testoviron Depot (testosterone enanthate) SmPC, Bayer, and Behre HM, Nieschlag E, Pharmacology of testosterone ' +
  'preparations, in Testosterone: action, deficiency, substitution (Cambridge University Press), recalled';

/** Testosterone enanthate's model and dose descriptor. */
export const testosteroneEnanthate = testosteroneEster({
  drug: 'testosterone_enanthate',
  label: 'testosterone enanthate',
  molarMassGMol: 400.6,
  ka: {
    value: 1.15 / 1440,
    source: `derived: tmax = ln(k1/k2)/(k1 − k2) ≈ 2 days with the release rate below (${SMPC}: peak 1.5–3 days)`,
    evidence: 'moderate',
  },
  kRelease: {
    value: Math.LN2 / (4.5 * 1440),
    source: `${SMPC}: after the peak, serum testosterone falls with a half-life of ≈ 4.5 days (depot release)`,
    evidence: 'moderate',
  },
  bioavailability: OIL_DEPOT_BIOAVAILABILITY,
});
