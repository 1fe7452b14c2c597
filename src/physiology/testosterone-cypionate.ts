// SPDX-License-Identifier: MIT
/**
 * Testosterone cypionate: an oil-based ester injected IM (or SC) into a depot from which testosterone is released
 * over days (`testosterone-ester.ts`). Two transit depots (each with ka = 0.35/day) give a peak ≈ 3 days after the
 * injection, ≈ 60 % of the peak at 7 days and ≈ 10 % at 14 days (label: peak 2–5 days, recalled). The released
 * testosterone is 69.9 % of the ester's mass (288.4 / 412.6 g/mol).
 */
import { OIL_DEPOT_BIOAVAILABILITY, testosteroneEster } from './testosterone-ester.js';

const KA = {
  value: 0.35 / 1440,
  source:
    'calibrated: peak testosterone ≈ 2–5 days after an IM injection, back near baseline by ≈ 2–3 weeks ' +
    '(testosterone cypionate label, recalled)',
  evidence: 'weak',
} as const;

/** Testosterone cypionate's model and dose descriptor. */
export const testosteroneCypionate = testosteroneEster({
  drug: 'testosterone_cypionate',
  label: 'testosterone cypionate',
  molarMassGMol: 412.6,
  ka: KA,
  bioavailability: OIL_DEPOT_BIOAVAILABILITY,
});
