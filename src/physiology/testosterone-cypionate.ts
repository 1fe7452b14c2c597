// SPDX-License-Identifier: MIT
/**
 * Testosterone cypionate: an oil-based ester injected IM (or SC) into a depot from which testosterone is released
 * over days (`testosterone-ester.ts`). The release depot empties with the label's half-life of ≈ 8 days; the first
 * depot (k = 0.85/day) puts the peak ≈ 3 days after the injection (label: 2–5 days). The released testosterone is
 * 69.9 % of the ester's mass (288.4 / 412.6 g/mol).
 */
import { OIL_DEPOT_BIOAVAILABILITY, testosteroneEster } from './testosterone-ester.js';

const LABEL = 'Depo-Testosterone (testosterone cypionate) label, Pfizer (recalled)';

/** Testosterone cypionate's model and dose descriptor. */
export const testosteroneCypionate = testosteroneEster({
  drug: 'testosterone_cypionate',
  label: 'testosterone cypionate',
  molarMassGMol: 412.6,
  ka: {
    value: 0.85 / 1440,
    source:
      `derived: tmax = ln(k1/k2)/(k1 − k2) ≈ 3 days with the release rate below, inside the 2–5 days of the ` +
      `${LABEL}`,
    evidence: 'weak',
  },
  kRelease: {
    value: Math.LN2 / (8 * 1440),
    source: `${LABEL}: half-life of IM testosterone cypionate ≈ 8 days`,
    evidence: 'moderate',
  },
  bioavailability: OIL_DEPOT_BIOAVAILABILITY,
});
