// SPDX-License-Identifier: MIT
/**
 * Body composition over weeks to months: Hall's energy-balance model (Hall 2011, Lancet 378:826) plus the
 * anabolic and water effects of GH, IGF-1 and testosterone.
 *
 * Energy: intake is the meal energy leaving the gut, plus an appetite compensation for fat lost (Polidori 2016,
 * recalled); expenditure is
 * `EE = K + γ_F·F + γ_L·L + δ·BW + β_TEF·EI + exercise + GH thermogenesis`, with K fitted (by `simulate`, at the
 * end of the burn-in) so that the untreated patient is in energy balance on their own meals and exercise. The
 * surplus S = EI − EE is stored with the Forbes partition p = C/(C + F), C = 10.4 kg·ρ_L/ρ_F:
 * `(ρ_L + η_L)·dL_E/dt = p·S` and `(ρ_F + η_F)·dF/dt = (1 − p)·S − (ρ_L + η_L)·dL_A/dt`, where the synthesis costs η
 * are paid from the same surplus (Hall's η terms).
 *
 * Anabolic lean tissue L_A relaxes (half-time 30 days) towards a share of baseline lean mass set by IGF-1 and free
 * testosterone relative to the patient's own untreated levels (log ratios), amplified by resistance training; the
 * energy it takes comes out of fat, so GH and testosterone shift the partition towards lean at unchanged intake.
 * GH also raises expenditure (fat oxidation; Hansen 2005: EE +4.4 %, fat oxidation +29 %), retains extracellular
 * water (within days of starting), and moves fat out of the visceral depot preferentially.
 *
 * Reported: lean mass = L_E + L_A + extra water; weight = lean + fat. `tissue_on` is 0 in the burn-in, so day 0
 * starts at the patient's measured body composition.
 */
import { MIN_PER_DAY } from '../engine/time.js';
import type { SubModel } from '../engine/types.js';
import { param, rateFromHalfLife, state } from './declare.js';

const HALL = 'Hall KD et al., Lancet 2011;378:826 (physiology.md §7)';

/** Weekly resistance-exercise minutes giving half of the full training adaptation. */
export const TRAINING_HALF_MIN_PER_WEEK = 180;

/**
 * The resistance-training adaptation (0–1) of a weekly schedule: `minutes / (minutes + 180)`. The scenario's
 * lifestyle repeats every week, so the adaptation is a constant of the run rather than a state.
 * @param weeklyResistanceMin - minutes of resistance exercise per week (≥ 0).
 */
export function trainingLevel(weeklyResistanceMin: number): number {
  const m = Math.max(0, weeklyResistanceMin);
  return m / (m + TRAINING_HALF_MIN_PER_WEEK);
}

/** The body-composition sub-model. */
export const bodyComposition: SubModel = {
  name: 'body-composition',
  description:
    'Fat, lean and visceral fat from energy balance (Hall 2011), GH/IGF-1, testosterone and training partition, ' +
    'GH water retention.',
  states: [
    state('fat_mass', 'kg', 'fat mass', 15),
    state('lean_energy', 'kg', 'lean (fat-free) tissue set by energy balance', 60),
    state(
      'lean_anabolic',
      'kg',
      'lean tissue gained (or lost) through GH/IGF-1, testosterone and training',
      0,
    ),
    {
      name: 'ecw_gh',
      unit: 'kg',
      description: 'extracellular water retained (or lost) with GH signalling above (or below) baseline',
      initial: 0,
    },
    {
      name: 'visceral_shift',
      unit: '1',
      description: 'log shift of visceral fat beyond total fat',
      initial: 0,
    },
  ],
  parameters: [
    param('fat_mass_0_kg', 15, 'kg', 'fat mass at day 0', 'patient.ts: weight × body fat', 'strong'),
    param('lean_mass_0_kg', 60, 'kg', 'lean mass at day 0', 'patient.ts: weight − fat mass', 'strong'),
    param(
      'visceral_fat_0_cm2',
      50,
      'cm2',
      'visceral fat area at day 0',
      'patient.ts: measured or estimated',
      'moderate',
    ),
    param(
      'tissue_on',
      1,
      '1',
      '1 when the slow tissue states (body composition, skin) evolve; 0 during the burn-in',
      'numerical device: day 0 starts at the measured body composition',
      'strong',
    ),
    param('rho_f_kcal_kg', 9440, 'kcal/kg', 'energy density of fat tissue change', HALL, 'strong'),
    param('rho_l_kcal_kg', 1816, 'kcal/kg', 'energy density of lean tissue change', HALL, 'strong'),
    param('eta_f_kcal_kg', 180, 'kcal/kg', 'energy cost of fat synthesis', HALL, 'strong'),
    param('eta_l_kcal_kg', 230, 'kcal/kg', 'energy cost of lean-tissue synthesis', HALL, 'strong'),
    param('gamma_f_kcal_kg_d', 3.2, 'kcal/kg/d', 'maintenance expenditure per kg fat', HALL, 'strong'),
    param('gamma_l_kcal_kg_d', 22, 'kcal/kg/d', 'maintenance expenditure per kg lean tissue', HALL, 'strong'),
    param(
      'delta_pa_kcal_kg_d',
      10,
      'kcal/kg/d',
      'physical-activity expenditure per kg body weight (PAL ≈ 1.6)',
      `${HALL}: δ = ((1 − β_TEF)·PAL − 1)·RMR/BW`,
      'moderate',
    ),
    param('beta_tef', 0.1, '1', 'thermic effect of food (share of intake)', HALL, 'moderate'),
    param(
      'ee_k_kcal_d',
      0,
      'kcal/d',
      'constant K of expenditure that puts the untreated patient in energy balance',
      'fitted by simulate at the end of the burn-in (Hall 2011 fits K to baseline energy balance)',
      'strong',
    ),
    param(
      'appetite_kcal_d_per_kg',
      40,
      'kcal/d/kg',
      'extra intake per kg of fat lost since day 0 (appetite compensation), outside fasts',
      'Polidori D et al., Obesity 2016;24:2289: intake rises ≈ 100 kcal/day per kg of weight lost (recalled); ' +
        'a smaller share assumed here, weak',
      'weak',
    ),
    param(
      'ee_exercise_kcal_min',
      6,
      'kcal/min',
      'extra expenditure per lactate-threshold multiple of exercise (75-kg adult)',
      'assumption: moderate exercise near the lactate threshold ≈ 5–7 METs (recalled)',
      'moderate',
    ),
    param(
      'ee_gh_gain',
      0.15,
      '1',
      'relative rise of maintenance expenditure per unit of GH signalling (SOCS) above baseline',
      'calibrated: 2 weeks of GH 6 IU/day in young men raised 24-h EE by 4.4 % and fat oxidation by 29 % ' +
        '(Hansen 2005); with Newman 2015 fat loss (−2.2 kg at 6 mo)',
      'weak',
    ),
    param(
      'socs_ref',
      0.1,
      '1',
      'the patient’s untreated mean GH signalling (SOCS) level',
      'read by simulate at the end of the burn-in (mean of the last days)',
      'strong',
    ),
    param(
      'igf1_ref_ng_ml',
      200,
      'ng/mL',
      'the patient’s untreated IGF-1',
      'read by simulate at the end of the burn-in (mean of the last days)',
      'strong',
    ),
    param(
      'log_free_t_ref',
      -0.9,
      '1',
      'log of the patient’s untreated free testosterone (nmol/L), averaged on the log scale',
      'read by simulate at the end of the burn-in (mean of the last days)',
      'strong',
    ),
    param(
      'anabolic_igf1_gain',
      0.04,
      '1',
      'lean-tissue gain (share of baseline lean mass) per natural-log unit of IGF-1 above baseline',
      'calibrated: rhGH in GH-deficient adults, LBM +2.61 kg at 6 months incl. ≈ 1 kg extracellular water ' +
        '(Newman 2015; Hazem 2012 meta-analysis +1.38 kg)',
      'moderate',
    ),
    param(
      'anabolic_t_gain',
      0.07,
      '1',
      'lean-tissue gain (share of baseline lean mass) per natural-log unit of free testosterone above baseline',
      'calibrated: fat-free mass ≈ linear in log testosterone, −1.0 to +7.9 kg from 25 to 600 mg/week ' +
        'enanthate over 20 weeks (Bhasin S et al., Am J Physiol Endocrinol Metab 2001;281:E1172, recalled)',
      'moderate',
    ),
    param(
      'training_level',
      0,
      '1',
      'resistance-training adaptation (0–1) of the patient’s weekly schedule (set by simulate)',
      'trainingLevel(): weekly resistance minutes / (minutes + 180), so three 1-h sessions a week give 0.5 ' +
        '(assumption; the scenario’s lifestyle is the same every week)',
      'weak',
    ),
    param(
      'anabolic_training_gain',
      0.5,
      '1',
      'amplification of the hormonal anabolic drive at full resistance-training adaptation',
      'Bhasin 1996 (NEJM 335:1): testosterone plus training gained more fat-free mass than either alone ' +
        '(recalled); size assumed',
      'weak',
    ),
    param(
      'anabolic_k',
      rateFromHalfLife(30 * MIN_PER_DAY),
      '1/min',
      'rate of anabolic lean-tissue change (half-time 30 days)',
      'physiology.md §7: LBM gain mostly within the first 1–3 months of GH therapy (recalled)',
      'moderate',
    ),
    param(
      'ecw_gain_kg_kg',
      0.045,
      '1',
      'extracellular water retained per kg body weight per unit of GH signalling (SOCS) above baseline',
      'calibrated: ≈ 1 kg of extracellular water in the first weeks of replacement (physiology.md §7); LBM ' +
        '+1.9 kg, partly water, after 2 weeks of 6 IU/day in young men (Hansen 2005)',
      'moderate',
    ),
    param(
      'ecw_k',
      rateFromHalfLife(3 * MIN_PER_DAY),
      '1/min',
      'rate of GH water retention (half-time 3 days)',
      'assumption: oedema appears within days of starting GH (Hazem 2012: oedema RR 6.07)',
      'weak',
    ),
    param(
      'visceral_gh_gain',
      0.6,
      '1',
      'log fall of visceral fat (beyond total fat) per unit of GH signalling (SOCS) above baseline',
      'calibrated: fat loss under GH is visceral more than subcutaneous (physiology.md §7, recalled); ' +
        'tesamorelin lowers trunk fat (Falutz 2005)',
      'weak',
    ),
    param(
      'visceral_t_gain',
      0.1,
      '1',
      'log fall of visceral fat per natural-log unit of free testosterone above baseline (men)',
      'assumption: testosterone therapy lowers visceral fat in hypogonadal men (recalled); weak',
      'weak',
    ),
    param(
      'visceral_k',
      rateFromHalfLife(30 * MIN_PER_DAY),
      '1/min',
      'rate of the visceral shift (half-time 30 days)',
      'physiology.md §7: fat loss continues over 6–12 months (recalled)',
      'weak',
    ),
  ],
  assignments: [
    {
      name: 'lean_tissue_kg',
      expr: 'lean_energy + lean_anabolic',
      unit: 'kg',
      description: 'lean tissue without GH-retained water',
    },
    {
      name: 'weight_now_kg',
      expr: 'fat_mass + lean_tissue_kg + ecw_gh',
      unit: 'kg',
      description: 'body weight',
    },
    {
      name: 'visceral_fat',
      expr: 'visceral_fat_0_cm2 * (fat_mass / fat_mass_0_kg) * sqrt(sqrt(fat_mass / fat_mass_0_kg)) * exp(visceral_shift)',
      unit: 'cm2',
      description:
        'visceral fat area (L4–L5): baseline × (fat / baseline fat)^1.25 × the hormonal shift; visceral fat falls ' +
        'proportionally more than total fat in weight loss (assumption, recalled)',
    },
    {
      name: 'energy_intake_kcal_d',
      expr: '1440 * gut_k_empty * gut_kcal + tissue_on * (1 - fasting) * appetite_kcal_d_per_kg * (fat_mass_0_kg - fat_mass)',
      unit: 'kcal/d',
      description:
        'energy absorbed from meals (instantaneous, per day), plus the appetite compensation of fat lost since day 0',
    },
    {
      name: 'gh_tissue_excess',
      expr: 'socs - socs_ref',
      unit: '1',
      description:
        'GH-receptor signalling (the SOCS state of insulin-signalling.ts) above the patient’s untreated mean; the ' +
        'slow states it drives average it over days',
    },
    {
      name: 'maintenance_kcal_d',
      expr: 'gamma_f_kcal_kg_d * fat_mass + gamma_l_kcal_kg_d * lean_tissue_kg',
      unit: 'kcal/d',
      description: 'maintenance expenditure of fat and lean tissue',
    },
    {
      name: 'energy_expenditure_kcal_d',
      expr:
        'ee_k_kcal_d + maintenance_kcal_d * (1 + ee_gh_gain * gh_tissue_excess) + ' +
        'delta_pa_kcal_kg_d * weight_now_kg + beta_tef * energy_intake_kcal_d + ' +
        '1440 * ee_exercise_kcal_min * exercise_lt * body_weight_kg / 75',
      unit: 'kcal/d',
      description: 'total energy expenditure (instantaneous, per day)',
    },
    {
      name: 'energy_surplus_kcal_min',
      expr: 'tissue_on * (energy_intake_kcal_d - energy_expenditure_kcal_d) / 1440',
      unit: 'kcal/min',
      description: 'energy stored (or drawn) per minute',
    },
    {
      name: 'forbes_partition',
      expr: '10.4 * rho_l_kcal_kg / rho_f_kcal_kg / (10.4 * rho_l_kcal_kg / rho_f_kcal_kg + fat_mass)',
      unit: '1',
      description: 'share of the energy surplus stored as lean tissue (Forbes, C = 10.4 kg·ρ_L/ρ_F)',
    },
    {
      name: 'free_t_log_ratio',
      expr: 'is_male * (log(max(free_t_nmol_l, 0.001)) - log_free_t_ref)',
      unit: '1',
      description:
        'log ratio of free testosterone to the patient’s untreated (geometric mean) level; 0 in women',
    },
    {
      name: 'anabolic_drive',
      expr: 'anabolic_igf1_gain * log(igf1 / igf1_ref_ng_ml) + anabolic_t_gain * free_t_log_ratio',
      unit: '1',
      description: 'hormonal anabolic drive (share of baseline lean mass per log-unit change)',
    },
    {
      name: 'anabolic_target_kg',
      expr: 'lean_mass_0_kg * clamp(anabolic_drive * (1 + anabolic_training_gain * training_level), -0.15, 0.3)',
      unit: 'kg',
      description: 'anabolic lean tissue the hormones and training are moving towards',
    },
    {
      name: 'lean_anabolic_rate',
      expr: 'tissue_on * anabolic_k * (anabolic_target_kg - lean_anabolic)',
      unit: 'kg/min',
      description: 'rate of anabolic lean-tissue change',
    },
    {
      name: 'ecw_target_kg',
      expr: 'ecw_gain_kg_kg * body_weight_kg * gh_tissue_excess * (1 - glycogen_depletion)',
      unit: 'kg',
      description:
        'extracellular water the kidney is retaining under GH (negative below baseline GH: GH-deficient adults ' +
        'have less extracellular water); none once liver glycogen is gone (assumption, weak: the natriuresis of ' +
        'fasting outweighs the antinatriuretic action of the GH that fasting raises)',
    },
    {
      name: 'visceral_target',
      expr: '-visceral_gh_gain * gh_tissue_excess - visceral_t_gain * free_t_log_ratio',
      unit: '1',
      description: 'log shift of visceral fat the hormones are moving towards',
    },
  ],
  rates: [
    {
      state: 'fat_mass',
      expr:
        '((1 - forbes_partition) * energy_surplus_kcal_min - (rho_l_kcal_kg + eta_l_kcal_kg) * lean_anabolic_rate)' +
        ' / (rho_f_kcal_kg + eta_f_kcal_kg)',
    },
    {
      state: 'lean_energy',
      expr: 'forbes_partition * energy_surplus_kcal_min / (rho_l_kcal_kg + eta_l_kcal_kg)',
    },
    { state: 'lean_anabolic', expr: 'lean_anabolic_rate' },
    { state: 'ecw_gh', expr: 'tissue_on * ecw_k * (ecw_target_kg - ecw_gh)' },
    { state: 'visceral_shift', expr: 'tissue_on * visceral_k * (visceral_target - visceral_shift)' },
  ],
  outputs: [
    { name: 'weight_kg', expr: 'weight_now_kg', unit: 'kg', description: 'body weight' },
    {
      name: 'lean_mass_kg',
      expr: 'lean_tissue_kg + ecw_gh',
      unit: 'kg',
      description: 'lean body mass (fat-free mass, including GH-retained water)',
    },
    { name: 'fat_mass_kg', expr: 'fat_mass', unit: 'kg', description: 'fat mass' },
    { name: 'visceral_fat_cm2', expr: 'visceral_fat', unit: 'cm2', description: 'visceral fat area' },
    {
      name: 'log_free_t',
      expr: 'log(max(free_t_nmol_l, 0.001))',
      unit: '1',
      description: 'log of free testosterone in nmol/L (for the baseline reference)',
    },
    {
      name: 'extracellular_water_gh_kg',
      expr: 'ecw_gh',
      unit: 'kg',
      description: 'extracellular water retained under GH',
    },
    {
      name: 'energy_intake_kcal_per_d',
      expr: 'energy_intake_kcal_d',
      unit: 'kcal/d',
      description: 'energy absorbed from meals, as a daily rate',
    },
    {
      name: 'energy_expenditure_kcal_per_d',
      expr: 'energy_expenditure_kcal_d',
      unit: 'kcal/d',
      description: 'total energy expenditure, as a daily rate',
    },
    {
      name: 'energy_stored_kcal',
      expr: '(rho_f_kcal_kg + eta_f_kcal_kg) * fat_mass + (rho_l_kcal_kg + eta_l_kcal_kg) * lean_tissue_kg',
      unit: 'kcal',
      description: 'energy held in fat and lean tissue, counting synthesis costs (for balance checks)',
    },
  ],
};
