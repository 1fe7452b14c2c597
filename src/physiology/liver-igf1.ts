// SPDX-License-Identifier: MIT
/**
 * Liver and IGF-1.
 *
 * GH acts on hepatocytes through a concave receptor response (Hill coefficient 0.8, half-maximal far above
 * physiological GH), followed by a signalling lag of hours (JAK2/STAT5 → IGF-1 transcription). Because the response
 * is concave, basal (interpulse) GH drives IGF-1 more than pulse mass does: doubling a pulse adds less than spreading
 * the same GH over the day, and lifting the trough from 0.05 to 0.4 µg/L raises the response for most of the day
 * (log nadir GH vs IGF-1 r² = 0.77, pulse mass r² ≈ 0, PMC2869549).
 *
 * IGF-1 circulates mostly in the ternary complex with IGFBP-3 and ALS (half-life ≈ 12–16 h). The complex's
 * binding capacity is itself made by the liver under GH, slowly (days). IGF-1 beyond that capacity is cleared
 * quickly in binary complexes. So after a step in GH, IGF-1 rises within a day, and keeps rising as the capacity
 * follows, plateauing over one to two weeks.
 */
import type { SubModel } from '../engine/types.js';
import { param, rateFromHalfLife, state } from './declare.js';

/** Hill coefficient of the spill-over of IGF-1 beyond the ternary-complex capacity (calibrated, weak). */
export const IGF1_SPILL_HILL_N = 6;

/** The liver / IGF-1 sub-model. */
export const liverIgf1: SubModel = {
  name: 'liver-igf1',
  description: 'Hepatic GH signal (lag of hours), IGFBP-3/ALS binding capacity (days), total IGF-1.',
  states: [
    state('hepatic_signal', '1', 'hepatic GH-receptor signal (0–1), lagging plasma GH by hours', 0.2),
    state('igfbp3_capacity', 'ng/mL', 'IGF-1 binding capacity of the IGFBP-3/ALS ternary complex', 500),
    state('igf1', 'ng/mL', 'total serum IGF-1', 200),
  ],
  parameters: [
    param(
      'liver_gh_ec50',
      50,
      'ug/L',
      'plasma GH giving half of the maximal hepatic response',
      'calibrated jointly with the Hill coefficient: a concave response, far from saturation at physiological GH, ' +
        'that fits IGF-1 by age and Skjaerbaek 1996 (doubling rhGH from 3 to 6 IU/m²/d raised IGF-1 only ' +
        '525 → 655 µg/L); basal GH predicts IGF-1 (PMC2869549)',
      'weak',
    ),
    param(
      'liver_gh_hill_n',
      0.8,
      '1',
      'Hill coefficient of the hepatic GH response (below 1: concave, favouring sustained over pulsatile GH)',
      'calibrated jointly to IGF-1 by age (physiology.md §3 table: male 25 y ≈ 200, 65 y ≈ 100 ng/mL for a ' +
        'several-fold lower GH) and to the rhGH dose-response (Skjaerbaek 1996: 190 → 525 → 655 µg/L)',
      'weak',
    ),
    param(
      'hepatic_k',
      1 / 240,
      '1/min',
      'first-order lag of the hepatic signal (time constant 4 h)',
      'calibrated: IGF-1 clearly raised 24 h after a SC GH dose, peak ≈ 20–30 h (Karger 182369; Keller 2007)',
      'moderate',
    ),
    param(
      'igf1_prod_max',
      3.4,
      'ng/mL/min',
      'IGF-1 production at full hepatic signal',
      'calibrated: untreated IGF-1 ≈ 200–250 ng/mL at 25 y (physiology.md §3 reference table)',
      'weak',
    ),
    param(
      'igf1_prod_basal',
      0.015,
      '1',
      'GH-independent IGF-1 production, as a hepatic-signal equivalent',
      'calibrated: severe GHD adults keep IGF-1 ≈ 65–100 ng/mL (Chapman 1997; Horm Res 1998)',
      'weak',
    ),
    param(
      'igf1_prod_scale',
      1,
      '1',
      'patient factor on IGF-1 production (inter-individual variation, or calibration to baseline IGF-1)',
      'set by patient.ts: 1, a random effect, or fitted to patient.labs.igf1_ng_ml',
      'moderate',
    ),
    param(
      'igf1_k_ternary',
      rateFromHalfLife(14 * 60),
      '1/min',
      'clearance of IGF-1 held in the ternary complex (half-life 14 h)',
      'Baxter 1994 (ternary complex t½ ≈ 12–16 h; numbers recalled)',
      'moderate',
    ),
    param(
      'igf1_k_unbound',
      rateFromHalfLife(25),
      '1/min',
      'clearance of IGF-1 in excess of the ternary-complex capacity (binary complexes, half-life 25 min)',
      'Baxter 1994: binary complexes t½ ≈ 20–30 min; free IGF-1 t½ 14.4 min (Frystyk)',
      'moderate',
    ),
    param(
      'igfbp3_basal',
      150,
      'ng/mL',
      'ternary-complex binding capacity without GH signal',
      'calibrated: sets the 1–2-week IGF-1 plateau under rhGH (Skjaerbaek 1996). The effective capacity rises ' +
        'about fourfold from GHD to replacement, more than measured IGFBP-3 and ALS (≈ twofold: 1874 → 3520 and ' +
        '9182 → 16872 µg/L, Horm Res 1998;49:269)',
      'weak',
    ),
    param(
      'igfbp3_gh_gain',
      8000,
      'ng/mL',
      'binding capacity added per unit hepatic signal',
      'calibrated as above',
      'weak',
    ),
    param(
      'igfbp3_k',
      rateFromHalfLife(2.5 * 1440),
      '1/min',
      'first-order approach of the binding capacity to its GH-driven level (half-time 2.5 days)',
      'calibrated: IGF-1 plateaus over one to two weeks of GH therapy (Skjaerbaek 1996, 14 days; MODEL.md)',
      'weak',
    ),
  ],
  assignments: [
    {
      name: 'hepatic_gh_response',
      expr: 'hill(gh, liver_gh_ec50, liver_gh_hill_n)',
      unit: '1',
      description: 'instantaneous concave hepatic response to plasma GH',
    },
    {
      name: 'igf1_production',
      expr: 'igf1_prod_scale * igf1_prod_max * (igf1_prod_basal + hepatic_signal * (1 - hepatic_gh_resistance))',
      unit: 'ng/mL/min',
      description: 'IGF-1 production; its GH-driven part is lost in the fasted state (nutritional-state.ts)',
    },
    {
      name: 'igf1_capacity_ratio_6',
      expr:
        '(igf1 / igfbp3_capacity) * (igf1 / igfbp3_capacity) * (igf1 / igfbp3_capacity) * ' +
        '(igf1 / igfbp3_capacity) * (igf1 / igfbp3_capacity) * (igf1 / igfbp3_capacity)',
      unit: '1',
      description: '(IGF-1 / binding capacity)⁶, written as a product for speed',
    },
    {
      name: 'igf1_spill',
      expr: 'igf1_capacity_ratio_6 / (1 + igf1_capacity_ratio_6)',
      unit: '1',
      description:
        'share of IGF-1 beyond the ternary-complex capacity: a Hill function of coefficient 6 (a steep spill-over; ' +
        'calibrated, structure assumption)',
    },
    {
      name: 'igfbp3_target',
      expr: 'igfbp3_basal + igfbp3_gh_gain * hepatic_signal',
      unit: 'ng/mL',
      description: 'binding capacity the liver is moving towards',
    },
  ],
  rates: [
    { state: 'hepatic_signal', expr: 'hepatic_k * (hepatic_gh_response - hepatic_signal)' },
    { state: 'igfbp3_capacity', expr: 'igfbp3_k * (igfbp3_target - igfbp3_capacity)' },
    {
      state: 'igf1',
      expr: 'igf1_production - igf1_k_ternary * igf1 - igf1_k_unbound * igf1_spill * igf1',
    },
  ],
  outputs: [
    { name: 'igf1_ng_ml', expr: 'igf1', unit: 'ng/mL', description: 'total serum IGF-1' },
    {
      name: 'igfbp3_capacity_ng_ml',
      expr: 'igfbp3_capacity',
      unit: 'ng/mL',
      description: 'IGF-1 binding capacity of the ternary complex (IGFBP-3/ALS)',
    },
    { name: 'hepatic_gh_signal', expr: 'hepatic_signal', unit: '1', description: 'hepatic GH signal (0–1)' },
  ],
};
