// SPDX-License-Identifier: MIT
/**
 * Somatotroph: a releasable GH pool refilled by synthesis, emptied by release.
 *
 * Release is driven by two receptors. At the GHRH receptor, portal GHRH and GHRH analogues act as competitive full
 * agonists: with loads xᵢ = Cᵢ/EC50ᵢ, activation is Σxᵢ / (1 + Σxᵢ). Ghrelin and the GHRPs act at the GHS
 * receptor in the same way. Both activations are scaled down by receptor desensitisation (slow states with
 * recovery) and the stimulus is gated multiplicatively by somatostatin and by IGF-1 — the multiplicative form of
 * Farhy, Bowers & Veldhuis 2007 (the additive operator found in public code of that model would let GHRH-driven
 * release escape somatostatin).
 *
 * GHS-receptor agonists act mostly through GHRH (Popovic 1995; Pandya 1998): at the somatotroph their signal
 * multiplies the GHRH-receptor signal (`ghs_ghrh_amplification`) and adds only a small GHRH-independent part
 * (`ghs_efficacy`); in the hypothalamus they evoke GHRH release (`ghsr_hypothalamic_drive`, read by
 * `hypothalamus.ts`), transiently, as the receptors internalise; and they oppose somatostatin at the pituitary (the
 * F1 term of Farhy 2007). So a GHRP needs endogenous GHRH, GHRH + GHRP give more than the sum of the two, and a
 * sustained agonist (MK-677) enlarges the pulses GHRH already makes.
 */
import type { SubModel } from '../engine/types.js';
import { param, state } from './declare.js';

/** The somatotroph sub-model. */
export const somatotroph: SubModel = {
  name: 'somatotroph',
  description:
    'Releasable GH pool, GHRH- and GHS-receptor activation with desensitisation, somatostatin and IGF-1 gating.',
  states: [
    state('gh_pool', 'ug', 'releasable GH in the somatotrophs', 1500),
    state('ghrhr_desens', '1', 'fraction of GHRH receptors desensitised (0–1)', 0),
    state('ghsr_desens', '1', 'fraction of GHS receptors desensitised over days (0–1)', 0),
    state('ghsr_internalised', '1', 'fraction of GHS receptors internalised within the hour (0–1)', 0),
  ],
  parameters: [
    param(
      'pool_capacity_ug',
      1500,
      'ug',
      'size the releasable pool refills towards',
      'calibrated: a maximal GHRH bolus (1 µg/kg IV) releases a GH peak of ≈ 20–40 µg/L in young adults ' +
        '(physiology.md §4a, recalled) without exhausting the pool',
      'weak',
    ),
    param(
      'pool_k_refill',
      0.0015,
      '1/min',
      'first-order refilling of the releasable pool by synthesis (time constant ≈ 11 h)',
      'calibrated: sustained secretion ceiling k·capacity ≈ 3 mg/day (continuous GHRH keeps GH elevated for days); ' +
        'repeated bursts keep their size (Hartman 1992)',
      'weak',
    ),
    param(
      'release_k_max',
      0.025,
      '1/min',
      'fraction of the pool released per minute at full stimulation and open gates',
      'calibrated: 6.3 µg/Lv per spontaneous burst (Hartman 1992) and GHRH 1 µg/kg IV peaks (Ghigo 1994)',
      'weak',
    ),
    param(
      'ghs_efficacy',
      0.3,
      '1',
      'GHRH-independent direct release at full GHS-receptor activation, relative to full GHRH-receptor activation',
      'structure: most of the GH response to a GHRP needs endogenous GHRH: it is blocked in hypothalamopituitary ' +
        'disconnection (Popovic 1995 JCEM 80:942) and largely by a GHRH antagonist (Pandya 1998, pre-registered ' +
        'case). Value weak, chosen with ghs_ghrh_amplification to keep the calibrated hexarelin and GHRP-6 peaks ' +
        '(Massoud 1996, Ghigo 1994); left to `endotwin calibrate`',
      'weak',
    ),
    param(
      'ghs_ghrh_amplification',
      3,
      '1',
      'rise of GHRH-receptor-driven release at full GHS-receptor activation (GHS-R signalling amplifies the ' +
        'GHRH-R cAMP signal in the somatotroph)',
      'structure: GHRH and GHRPs are synergistic in man (Bowers 1990; Peñalva 1993 JCEM 76:168; Popovic 1995) and ' +
        'GHS-R (Gq/PKC, Ca²⁺) potentiates GHRH-R (Gs/cAMP) release in somatotrophs (in-vitro literature, recalled); ' +
        'MK-677 enlarges existing pulses without adding pulses (Chapman 1996). Value weak, left to ' +
        '`endotwin calibrate`',
      'weak',
    ),
    param(
      'ghs_srif_opposition',
      30,
      '1',
      'strength of GHS opposition to somatostatin at the pituitary (F1 at full activation)',
      'structure from Farhy 2007 (F1 = g1·H(GHS)); value calibrated so that GHRH + GHRP exceeds the sum ' +
        '(Massoud 1996: hexarelin 0.125 µg/kg + GHRH 1 µg/kg gives 115 mU/L)',
      'weak',
    ),
    param(
      'srif_pit_k',
      1.2,
      '1',
      'somatostatin tone halving GH release',
      'calibrated: Farhy 2007 t2 (in relative units)',
      'weak',
    ),
    param(
      'igf1_pit_k',
      700,
      'ng/mL',
      'IGF-1 halving GH release at the pituitary (direct long-loop feedback)',
      'calibrated: IGF-1 inhibits GH release at the pituitary; rhGH suppresses endogenous GH',
      'weak',
    ),
    param(
      'ghrhr_desens_max',
      0.5,
      '1',
      'largest loss of GHRH-receptor efficacy under continuous exposure',
      'calibrated: continuous GHRH keeps GH elevated for weeks with blunted bursts (Ionescu & Frohman 2006: ' +
        'trough ×7.5, pulses kept under CJC-1295)',
      'weak',
    ),
    param(
      'ghrhr_desens_k_on',
      0.0008,
      '1/min',
      'rate of GHRH-receptor desensitisation at full occupancy (time constant ≈ 21 h)',
      'calibrated; the 5-on/2-off rationale rests on this kind of effect (weak evidence)',
      'weak',
    ),
    param(
      'ghrhr_desens_k_off',
      rateFromHalfLifeDays(1),
      '1/min',
      'recovery of GHRH-receptor efficacy (half-time 1 day)',
      'assumption: resensitisation over about a day (the 5-on/2-off rationale; weak evidence)',
      'weak',
    ),
    param(
      'ghsr_internal_max',
      0.9,
      '1',
      'largest loss of GHS-receptor efficacy by acute internalisation',
      'calibrated: one GH episode ending within ≈ 1 h although ipamorelin stays in plasma (t½ 2 h) — Gobburu ' +
        '1999 model it as zero-order release over a finite duration; GHS-R1a internalises within minutes of ' +
        'agonist binding (in-vitro literature, recalled)',
      'weak',
    ),
    param(
      'ghsr_internal_k_on',
      0.05,
      '1/min',
      'rate of acute GHS-receptor internalisation at full occupancy',
      'calibrated: GH peak 0.67 h after the start of a 15-min ipamorelin infusion (Gobburu 1999)',
      'weak',
    ),
    param(
      'ghsr_internal_k_off',
      Math.LN2 / 180,
      '1/min',
      'recycling of internalised GHS receptors (half-time 3 h)',
      'assumption: receptor recycling over hours (in-vitro literature, recalled)',
      'weak',
    ),
    param(
      'ghsr_desens_max',
      0.35,
      '1',
      'largest loss of GHS-receptor efficacy under continuous exposure',
      'Murphy 1998: peak GH after MK-677 25 mg 55.9 µg/L on day 1 vs 22.6 after 7 days',
      'moderate',
    ),
    param(
      'ghsr_desens_k_on',
      0.0015,
      '1/min',
      'rate of GHS-receptor desensitisation at full occupancy (time constant ≈ 11 h)',
      'calibrated to Murphy 1998 (attenuation within a week of daily MK-677)',
      'moderate',
    ),
    param(
      'ghsr_desens_k_off',
      rateFromHalfLifeDays(1.5),
      '1/min',
      'recovery of GHS-receptor efficacy (half-time 1.5 days)',
      'assumption (weak evidence)',
      'weak',
    ),
  ],
  assignments: [
    {
      name: 'ghrhr_load',
      expr: 'ghrh + ghrhr_drug_load',
      unit: '1',
      description: 'total GHRH-receptor load: portal GHRH plus analogues, each as concentration over EC50',
    },
    {
      name: 'ghrhr_occ',
      expr: 'ghrhr_load / (1 + ghrhr_load)',
      unit: '1',
      description: 'GHRH-receptor occupancy by competing full agonists',
    },
    {
      name: 'ghsr_load',
      expr: 'ghrelin_ghsr_load + ghsr_drug_load',
      unit: '1',
      description: 'total GHS-receptor load: ghrelin plus GHRPs and MK-677',
    },
    {
      name: 'ghsr_occ',
      expr: 'ghsr_load / (1 + ghsr_load)',
      unit: '1',
      description: 'GHS-receptor occupancy',
    },
    {
      name: 'ghrhr_activation',
      expr: 'ghrhr_occ * (1 - ghrhr_desens_max * ghrhr_desens)',
      unit: '1',
      description: 'GHRH-receptor signal after desensitisation',
    },
    {
      name: 'ghsr_activation',
      expr: 'ghsr_occ * (1 - ghsr_desens_max * ghsr_desens) * (1 - ghsr_internal_max * ghsr_internalised)',
      unit: '1',
      description: 'GHS-receptor signal after desensitisation',
    },
    {
      name: 'ghsr_hypothalamic_drive',
      expr: 'ghsr_occ * (1 - ghsr_internalised)',
      unit: '1',
      description:
        'GHS-receptor drive of the arcuate GHRH neurons: occupancy times the receptors not internalised, so a GHRP ' +
        'bolus evokes a GHRH discharge that fades within the hour while sustained occupancy (MK-677) evokes little',
    },
    {
      name: 'ghs_antisrif',
      expr: 'ghs_srif_opposition * ghsr_activation',
      unit: '1',
      description: 'GHS opposition to somatostatin at the pituitary (F1 of Farhy 2007)',
    },
    {
      name: 'srif_gate',
      expr: '(1 + ghs_antisrif) / (1 + (somatostatin / srif_pit_k) * (somatostatin / srif_pit_k) + ghs_antisrif)',
      unit: '1',
      description:
        'fraction of the stimulus that passes somatostatin (multiplicative gating, Hill coefficient 2 as n2 of ' +
        'Farhy 2007)',
    },
    {
      name: 'igf1_gate',
      expr: 'igf1_pit_k / (igf1_pit_k + igf1)',
      unit: '1',
      description: 'fraction of the stimulus that passes IGF-1 feedback at the pituitary',
    },
    {
      name: 'gh_release_ug_min',
      expr:
        'release_k_max * (ghrhr_activation * (1 + ghs_ghrh_amplification * ghsr_activation) + ' +
        'ghs_efficacy * ghsr_activation) * srif_gate * igf1_gate * gh_pool',
      unit: 'ug/min',
      description: 'GH secretion rate',
    },
  ],
  rates: [
    { state: 'gh_pool', expr: 'pool_k_refill * (pool_capacity_ug - gh_pool) - gh_release_ug_min' },
    {
      state: 'ghrhr_desens',
      expr: 'ghrhr_desens_k_on * ghrhr_occ * (1 - ghrhr_desens) - ghrhr_desens_k_off * ghrhr_desens',
    },
    {
      state: 'ghsr_internalised',
      expr: 'ghsr_internal_k_on * ghsr_occ * (1 - ghsr_internalised) - ghsr_internal_k_off * ghsr_internalised',
    },
    {
      state: 'ghsr_desens',
      expr: 'ghsr_desens_k_on * ghsr_occ * (1 - ghsr_desens) - ghsr_desens_k_off * ghsr_desens',
    },
  ],
  outputs: [
    {
      name: 'gh_secretion_ug_min',
      expr: 'gh_release_ug_min',
      unit: 'ug/min',
      description: 'pituitary GH secretion rate',
    },
    { name: 'gh_pool_ug', expr: 'gh_pool', unit: 'ug', description: 'releasable GH pool' },
    { name: 'ghrhr_occupancy', expr: 'ghrhr_occ', unit: '1', description: 'GHRH-receptor occupancy' },
    { name: 'ghsr_occupancy', expr: 'ghsr_occ', unit: '1', description: 'GHS-receptor occupancy' },
    {
      name: 'somatostatin_gate',
      expr: 'srif_gate',
      unit: '1',
      description: 'somatostatin gate of GH release',
    },
  ],
};

/** First-order rate constant (1/min) of a half-life given in days. */
function rateFromHalfLifeDays(days: number): number {
  return Math.LN2 / (days * 1440);
}
