// SPDX-License-Identifier: MIT
/**
 * The gonadal (hypothalamic–pituitary–gonadal) axis: GnRH pulses, LH, FSH, testosterone with SHBG and free
 * testosterone (men), estradiol (both sexes; ovarian in premenopausal women), negative feedback, and the slow
 * adaptations behind suppression by androgens and its recovery.
 *
 * - GnRH reaches the pituitary as pulses, drawn before integration from their own seeded stream (like the GHRH
 *   pulses; {@link generateGnrhPulses}): about 15 a day in men (LH interpulse interval 95 ± 11 min, Veldhuis 1987).
 * - LH (half-life 60 min) and FSH (3 h) are released in proportion to GnRH-receptor occupancy, scaled by a
 *   hypothalamic gain (cortisol exposure, a slow suppression state, the optional sermorelin effect) and inhibited
 *   by sex-steroid feedback `fb = w_T·FT/FT_norm + w_E·E2/E2_norm·(1 − ER blockade)`. Estradiol carries part of
 *   the male feedback, so clomiphene (an ER antagonist) raises LH, FSH and then testosterone.
 * - Leydig cells make testosterone in proportion to LH-receptor occupancy (LH and hCG compete as full agonists),
 *   to their capacity, to a circadian factor peaking before waking (amplitude falling with age; Brambilla 2009)
 *   and more during sleep. Capacity follows LH-receptor stimulation over weeks: it atrophies under suppressed LH and
 *   recovers over months.
 * - Total testosterone is cleared through its free fraction (free-hormone hypothesis), the free concentration
 *   being the Vermeulen equilibrium with SHBG and albumin. So a fall of SHBG lowers total testosterone and leaves
 *   free testosterone (and LH) unchanged, as GH does (Giavoli 2006). SHBG follows IGF-1, insulin, androgens and
 *   estradiol over days.
 * - Supraphysiological feedback (exogenous testosterone) builds a slow hypothalamic suppression (half-time 5 days
 *   on, 30 days off) that outlasts the androgen, so LH and then testosterone recover over months after stopping.
 *   Its drive is a steep function of the feedback (Hill 8, half at 1.6× normal), derived from the dose–response of
 *   Matsumoto 1990: LH and FSH halve at 50 mg/week of testosterone enanthate and are fully suppressed from
 *   100 mg/week, so supraphysiological doses leave them undetectable while the fast feedback keeps the circadian
 *   testosterone rhythm.
 * - Estradiol comes from aromatisation of free testosterone in fat (more with more fat).
 * - In women the ovary makes estradiol under FSH, scaled by an ovarian capacity that falls to zero across the
 *   menopause; the menstrual cycle is not modelled. Testosterone is not reported for women.
 */
import { MIN_PER_DAY } from '../engine/time.js';
import type { CompiledModel, SubModel, TimedEvent } from '../engine/types.js';
import { param, rateFromHalfLife, state } from './declare.js';
import { gammaInterval, lognormalFactor, type UniformSource } from './hypothalamus.js';

const VELDHUIS_1987 = 'Veldhuis JD et al., JCEM 1987;65:929 (physiology.md §8)';

/** ng/dL of testosterone per nmol/L (288.4 g/mol); the same factor as analysis/units.ts, which this layer may not import. */
export const TESTOSTERONE_NG_DL_PER_NMOL_L = 28.84;

/** The gonadal-axis sub-model. */
export const gonadal: SubModel = {
  name: 'gonadal',
  description:
    'GnRH pulses, LH, FSH, testosterone, SHBG and free testosterone, estradiol; feedback, Leydig capacity, ' +
    'androgen suppression and recovery.',
  states: [
    state('gnrh', '1', 'portal GnRH at the gonadotrophs, in multiples of the GnRH-receptor EC50', 0.01),
    state('lh', 'IU/L', 'plasma LH', 5),
    state('fsh', 'IU/L', 'plasma FSH', 5),
    state('testosterone', 'ng/dL', 'total serum testosterone', 550),
    state('shbg', 'nmol/L', 'sex-hormone-binding globulin', 35),
    state('leydig_capacity', '1', 'Leydig-cell steroidogenic capacity (0–1), trophic on LH', 0.92),
    state(
      'gnrh_suppression',
      '1',
      'slow hypothalamic suppression by supraphysiological feedback (0–1)',
      0.15,
    ),
    state('glucocorticoid_exposure', 'ug/dL', 'cortisol averaged over hours', 7),
  ],
  parameters: [
    // Patient-level settings (patient.ts)
    param('is_male', 1, '1', '1 for men, 0 for women', 'scenario patient.sex', 'strong'),
    param(
      'leydig_scale',
      1,
      '1',
      'patient factor on testosterone production (age, primary hypogonadism, calibration to baseline T)',
      'set by patient.ts and by the baseline-labs calibration of simulate',
      'moderate',
    ),
    param(
      'ovarian_capacity',
      0,
      '1',
      'ovarian estradiol capacity (1 premenopausal, 0 after the menopause; 0 in men)',
      'set by patient.ts from age (oestrogen factor)',
      'moderate',
    ),
    param(
      'inhibin_level',
      1,
      '1',
      'inhibin B relative to a young man (falls with age; ovarian in women)',
      'set by patient.ts (FSH rises with age and after the menopause; textbook, recalled)',
      'weak',
    ),
    // GnRH pulse generator (read by generateGnrhPulses before integration)
    param(
      'gnrh_pulses_per_day',
      15,
      '1/d',
      'mean frequency of GnRH (LH) pulses',
      `${VELDHUIS_1987}: LH interpulse interval 95 ± 11 min (≈ 15 a day)`,
      'strong',
    ),
    param(
      'gnrh_interval_shape',
      4,
      '1',
      'shape of the gamma distribution of GnRH inter-pulse intervals',
      'assumption: LH pulses are fairly regular but not clockwork (weak)',
      'weak',
    ),
    param(
      'gnrh_refractory_min',
      30,
      'min',
      'shortest interval between two GnRH pulses',
      'assumption (weak)',
      'weak',
    ),
    param(
      'gnrh_pulse_amplitude',
      1,
      '1',
      'mean GnRH pulse amplitude (receptor units)',
      'reference value by definition (LH secretion is calibrated against it)',
      'moderate',
    ),
    param(
      'gnrh_pulse_cv',
      0.3,
      '1',
      'coefficient of variation of GnRH pulse amplitudes',
      'assumption: LH pulse amplitudes vary within a day (Veldhuis 1987); size assumed',
      'weak',
    ),
    param(
      'gnrh_k',
      rateFromHalfLife(20),
      '1/min',
      'disappearance of the GnRH signal at the pituitary (half-life 20 min)',
      'calibrated: LH secretory bursts of ≈ 20–30 min half-duration (deconvolution, Veldhuis 1987); slower than ' +
        'GnRH itself (t½ 2–4 min), which also keeps the system non-stiff and cheap to integrate',
      'weak',
    ),
    // Pituitary
    param(
      'lh_secretion_max',
      0.6,
      'IU/L/min',
      'LH release at full GnRH-receptor occupancy and no feedback',
      'calibrated: mean LH ≈ 4–6 IU/L in young men (textbook reference range, recalled)',
      'weak',
    ),
    param(
      'lh_basal_occupancy',
      0.12,
      '1',
      'non-pulsatile LH release, as an equivalent GnRH-receptor occupancy',
      'calibrated: LH pulse amplitude ≈ +92 % above the nadir (Veldhuis, J Androl, physiology.md §8)',
      'weak',
    ),
    param(
      'fsh_basal_occupancy',
      0.2,
      '1',
      'non-pulsatile (constitutive) FSH release, as an equivalent GnRH-receptor occupancy',
      'assumption: FSH is released largely constitutively and is little pulsatile (recalled)',
      'weak',
    ),
    param(
      'lh_k',
      rateFromHalfLife(60),
      '1/min',
      'LH clearance (half-life 60 min)',
      'physiology.md §8: slow LH half-life ≈ 50–120 min by deconvolution (PMC2758726; magnitude recalled)',
      'moderate',
    ),
    param(
      'fsh_secretion_max',
      0.5,
      'IU/L/min',
      'FSH release at full GnRH-receptor occupancy, no feedback and no inhibin',
      'calibrated: FSH ≈ 3–6 IU/L in young men; ≈ 40–100 IU/L after the menopause (textbook, recalled)',
      'weak',
    ),
    param(
      'fsh_k',
      rateFromHalfLife(180),
      '1/min',
      'FSH clearance (half-life 3 h)',
      'textbook: FSH half-life of several hours (recalled)',
      'moderate',
    ),
    param(
      'lh_feedback_k',
      1,
      '1',
      'sex-steroid feedback signal halving LH release (1 = normal adult male feedback)',
      'calibrated: exogenous testosterone at 2–4× physiological suppresses LH to < 10 %, clomiphene doubles LH ' +
        '(recalled clinical experience; weak)',
      'weak',
    ),
    param(
      'lh_feedback_n',
      3,
      '1',
      'steepness (Hill coefficient) of the fast sex-steroid feedback on LH and FSH',
      'calibrated as lh_feedback_k; the same for FSH: LH and FSH are equally sensitive to testosterone feedback ' +
        '(Matsumoto AM, JCEM 1990;70:282; Snyder PJ, Lawrence DA, JCEM 1980;51:1335; abstracts)',
      'weak',
    ),
    param(
      'fsh_feedback_k',
      1,
      '1',
      'sex-steroid feedback signal halving FSH release',
      'calibrated as lh_feedback_k',
      'weak',
    ),
    param(
      'fsh_inhibin_k',
      0.4,
      '1',
      'inhibin level halving FSH release',
      'calibrated: FSH roughly doubles from inhibin loss alone (recalled)',
      'weak',
    ),
    param(
      'feedback_t_weight',
      0.45,
      '1',
      'share of the male feedback carried by free testosterone (androgen receptor)',
      'assumption: in men, estradiol from aromatisation carries roughly a third of LH feedback (recalled)',
      'weak',
    ),
    param(
      'feedback_e2_weight',
      0.55,
      '1',
      'share of the feedback carried by estradiol (1 in women)',
      'as feedback_t_weight; set by patient.ts',
      'weak',
    ),
    param(
      'feedback_ft_norm_nmol_l',
      0.4,
      'nmol/L',
      'free testosterone giving a unit androgen feedback signal',
      'normal adult male free testosterone ≈ 0.3–0.6 nmol/L (Vermeulen, recalled)',
      'moderate',
    ),
    param(
      'feedback_e2_norm_pg_ml',
      25,
      'pg/mL',
      'estradiol giving a unit oestrogen feedback signal (set by sex in patient.ts)',
      'normal adult male estradiol ≈ 20–30 pg/mL (recalled)',
      'moderate',
    ),
    param(
      'glucocorticoid_k',
      rateFromHalfLife(24 * 60),
      '1/min',
      'rate of the cortisol exposure felt by the axis (half-time 24 h)',
      'assumption: glucocorticoid suppression of GnRH and Leydig cells follows sustained (day-averaged) cortisol, not its circadian swing (weak)',
      'weak',
    ),
    param(
      'glucocorticoid_k50',
      25,
      'ug/dL',
      'cortisol exposure halving GnRH drive and Leydig output (Hill 2)',
      'calibrated: stress and glucocorticoids lower LH and testosterone modestly in the physiological range ' +
        '(recalled; weak)',
      'weak',
    ),
    param(
      'gnrh_suppression_max',
      0.95,
      '1',
      'largest loss of GnRH drive from slow hypothalamic suppression',
      'calibrated: LH stays low for weeks to months after anabolic steroids are stopped (recalled)',
      'weak',
    ),
    param(
      'gnrh_suppression_fb_k',
      1.6,
      '1',
      'feedback signal giving half of the maximal drive of slow hypothalamic suppression',
      'derived from Matsumoto AM, JCEM 1990;70:282 (abstract), with gnrh_suppression_n: testosterone enanthate ' +
        '50 mg/week (serum T ≈ 1.2× placebo) halves LH and FSH after months, 100 mg/week (T 1.5×) suppresses ' +
        'them as fully as 300 mg/week; with the fast Hill-3 feedback this needs ≈ 1/3 of the slow suppression at ' +
        'a feedback of 1.2 and ≈ 2/3 at 1.5',
      'moderate',
    ),
    param(
      'gnrh_suppression_n',
      8,
      '1',
      'steepness (Hill coefficient) of the drive of slow hypothalamic suppression',
      'derived with gnrh_suppression_fb_k from the same two points of Matsumoto 1990',
      'moderate',
    ),
    param(
      'gnrh_suppression_k_on',
      rateFromHalfLife(5 * MIN_PER_DAY),
      '1/min',
      'build-up of slow hypothalamic suppression (half-time 5 days)',
      'assumption (weak)',
      'weak',
    ),
    param(
      'gnrh_suppression_k_off',
      rateFromHalfLife(30 * MIN_PER_DAY),
      '1/min',
      'recovery from slow hypothalamic suppression (half-time 30 days)',
      'calibrated: recovery of LH over ≈ 1–3 months after anabolic steroids (recalled; weak)',
      'weak',
    ),
    // Testis
    param(
      'testosterone_production_max',
      20,
      'ng/dL/min',
      'testosterone production at full LH-receptor occupancy and Leydig capacity (young man)',
      'calibrated: production ≈ 5–7 mg/day, total T ≈ 500–700 ng/dL in young men (physiology.md §8)',
      'weak',
    ),
    param(
      'testosterone_lh_ec50',
      10,
      'IU/L',
      'LH giving half-maximal Leydig stimulation',
      'calibrated: testosterone can about double when LH doubles (clomiphene), and hCG restores it ' +
        '(recalled; weak)',
      'weak',
    ),
    param(
      'testosterone_circ_amp',
      0.15,
      '1',
      'relative amplitude of the circadian testosterone drive (set from age by patient.ts)',
      'Brambilla 2009: T 20–25 % lower at 16:00 than 08:00 at 30–40 y, ≈ 10 % at 70 y',
      'strong',
    ),
    param(
      'testosterone_circ_peak_h',
      -1.5,
      'h',
      'time of the circadian testosterone peak relative to waking',
      'J Androl 1991: acrophase ≈ 05:00–06:00 (physiology.md §8)',
      'moderate',
    ),
    param(
      'testosterone_sleep_gain',
      0.3,
      '1',
      'relative rise of testosterone production during sleep',
      'Luboshitzky 2003: the nocturnal rise is sleep-linked (physiology.md §8); size calibrated to the diurnal ' +
        'amplitude',
      'weak',
    ),
    param(
      'leydig_trophic_k',
      0.1,
      '1',
      'LH-receptor occupancy giving half of the trophic drive on Leydig capacity',
      'assumption: Leydig cells atrophy without LH and recover with LH or hCG (recalled)',
      'weak',
    ),
    param(
      'leydig_k',
      rateFromHalfLife(30 * MIN_PER_DAY),
      '1/min',
      'rate of Leydig-capacity change (half-time 30 days)',
      'calibrated: testosterone recovers over months after anabolic steroids (recalled; weak)',
      'weak',
    ),
    param(
      'testosterone_free_clearance',
      0.58,
      '1/min',
      'clearance of total testosterone per unit of free testosterone',
      'calibrated: total-T half-life ≈ 1 h at a free fraction of 2 % (MCR ≈ 1000–1300 L/day, physiology.md §8)',
      'moderate',
    ),
    param(
      'testosterone_vd_l_kg',
      0.8,
      'L/kg',
      'apparent distribution volume of total testosterone (for exogenous doses)',
      'calibrated: MCR ≈ 1000–1300 L/day at a half-life of ≈ 1 h (physiology.md §8)',
      'weak',
    ),
    param(
      'albumin_binding_n',
      23.4,
      '1',
      '1 + K_alb·[albumin] of the Vermeulen equation (K_alb 3.6·10⁴ L/mol, albumin 43 g/L)',
      'Vermeulen A et al., JCEM 1999;84:3666 (recalled)',
      'strong',
    ),
    param(
      'shbg_affinity_l_nmol',
      1,
      'L/nmol',
      'association constant of testosterone with SHBG (10⁹ L/mol)',
      'Vermeulen A et al., JCEM 1999;84:3666 (recalled)',
      'strong',
    ),
    // SHBG
    param(
      'shbg_base_nmol_l',
      118,
      'nmol/L',
      'SHBG production target before the IGF-1, insulin, androgen and estradiol terms',
      'calibrated: SHBG ≈ 30–40 nmol/L in middle-aged men (Giavoli 2006 baseline 31.1)',
      'weak',
    ),
    param(
      'shbg_igf1_k',
      300,
      'ng/mL',
      'IGF-1 halving hepatic SHBG production',
      'calibrated, with the insulin term: GH replacement lowered SHBG 31.1 → 24.3 nmol/L (Giavoli 2006)',
      'moderate',
    ),
    param(
      'shbg_insulin_k',
      10,
      'uU/mL',
      'insulin halving hepatic SHBG production',
      'assumption: hyperinsulinaemia lowers SHBG (recalled)',
      'weak',
    ),
    param(
      'shbg_androgen_k',
      2,
      'nmol/L',
      'free testosterone halving SHBG production',
      'assumption: androgens lower SHBG (recalled)',
      'weak',
    ),
    param(
      'shbg_e2_k',
      150,
      'pg/mL',
      'estradiol doubling SHBG production',
      'assumption: oestrogens raise SHBG, women’s SHBG ≈ twice men’s (recalled)',
      'weak',
    ),
    param(
      'shbg_k',
      rateFromHalfLife(5 * MIN_PER_DAY),
      '1/min',
      'rate of SHBG change (half-time 5 days)',
      'assumption: SHBG half-life of days; SHBG and T fall in parallel over days 2–7 of GH (physiology.md §8)',
      'moderate',
    ),
    // Estradiol
    param(
      'aromatase_k',
      50,
      'pg/mL/(nmol/L)',
      'estradiol per nmol/L of free testosterone at 15 kg of fat (aromatisation of the unbound hormone)',
      'calibrated: male estradiol ≈ 20–30 pg/mL at free testosterone ≈ 0.4–0.5 nmol/L (recalled); acting on free ' +
        'testosterone keeps estradiol, and so LH, unchanged when SHBG alone changes (Giavoli 2006)',
      'weak',
    ),
    param(
      'ovarian_e2_max_pg_ml',
      200,
      'pg/mL',
      'ovarian estradiol at full capacity and FSH stimulation (cycle average)',
      'calibrated: cycle-averaged estradiol ≈ 80–120 pg/mL in premenopausal women (recalled)',
      'weak',
    ),
    param(
      'ovarian_fsh_ec50',
      5,
      'IU/L',
      'FSH giving half-maximal ovarian estradiol production',
      'assumption (weak)',
      'weak',
    ),
    param(
      'extragonadal_e2_pg_ml',
      8,
      'pg/mL',
      'estradiol from peripheral aromatisation in women at 25 kg of fat',
      'postmenopausal estradiol ≈ 5–15 pg/mL (recalled)',
      'moderate',
    ),
  ],
  assignments: [
    {
      name: 'gnrh_occupancy',
      expr: 'gnrh / (1 + gnrh)',
      unit: '1',
      description: 'GnRH-receptor occupancy at the gonadotrophs',
    },
    {
      name: 'glucocorticoid_factor',
      expr: '1 / (1 + (glucocorticoid_exposure / glucocorticoid_k50) * (glucocorticoid_exposure / glucocorticoid_k50))',
      unit: '1',
      description: 'share of GnRH drive and Leydig output left by cortisol (Hill inhibition, coefficient 2)',
    },
    {
      name: 'hypothalamic_gain',
      expr:
        '(1 - gnrh_suppression_max * gnrh_suppression) * glucocorticoid_factor * ' +
        '(1 + sermorelin_gonadotropin_boost)',
      unit: '1',
      description: 'hypothalamic drive on the gonadotrophs relative to an unsuppressed, unstressed man',
    },
    {
      name: 'tt_nmol_l',
      expr: `testosterone / ${TESTOSTERONE_NG_DL_PER_NMOL_L}`,
      unit: 'nmol/L',
      description: 'total testosterone in nmol/L',
    },
    {
      name: 'shbg_binding_b',
      expr: 'albumin_binding_n + shbg_affinity_l_nmol * (shbg - tt_nmol_l)',
      unit: '1',
      description: 'linear coefficient of the Vermeulen quadratic',
    },
    {
      name: 'free_t_nmol_l',
      expr:
        '2 * tt_nmol_l / (shbg_binding_b + ' +
        'sqrt(shbg_binding_b * shbg_binding_b + 4 * albumin_binding_n * shbg_affinity_l_nmol * tt_nmol_l))',
      unit: 'nmol/L',
      description: 'free testosterone (Vermeulen equilibrium with SHBG and albumin)',
    },
    {
      name: 'estradiol',
      expr:
        'aromatase_k * free_t_nmol_l * sqrt(fat_mass / 15) + ' +
        'ovarian_capacity * ovarian_e2_max_pg_ml * fsh / (fsh + ovarian_fsh_ec50) + ' +
        '(1 - is_male) * extragonadal_e2_pg_ml * sqrt(fat_mass / 25)',
      unit: 'pg/mL',
      description:
        'serum estradiol (aromatisation of testosterone, ovary, peripheral aromatisation in women)',
    },
    {
      name: 'er_blockade',
      expr: 'er_drug_load / (1 + er_drug_load)',
      unit: '1',
      description: 'hypothalamic oestrogen-receptor blockade by SERMs (clomiphene)',
    },
    {
      name: 'steroid_feedback',
      expr:
        'feedback_t_weight * free_t_nmol_l / feedback_ft_norm_nmol_l + ' +
        'feedback_e2_weight * estradiol / feedback_e2_norm_pg_ml * (1 - er_blockade)',
      unit: '1',
      description: 'sex-steroid negative feedback signal (1 ≈ normal adult)',
    },
    {
      name: 'feedback_ratio_lh',
      expr: 'steroid_feedback / lh_feedback_k',
      unit: '1',
      description: 'feedback signal relative to the one halving LH release',
    },
    {
      name: 'feedback_ratio_fsh',
      expr: 'steroid_feedback / fsh_feedback_k',
      unit: '1',
      description: 'feedback signal relative to the one halving FSH release',
    },
    {
      name: 'lh_release',
      expr:
        'lh_secretion_max * hypothalamic_gain * (gnrh_occupancy + lh_basal_occupancy) / ' +
        '(1 + pow(feedback_ratio_lh, lh_feedback_n))',
      unit: 'IU/L/min',
      description: 'LH release: pulsatile plus a basal share, under Hill feedback',
    },
    {
      name: 'fsh_release',
      expr:
        'fsh_secretion_max * hypothalamic_gain * (gnrh_occupancy + fsh_basal_occupancy) / ' +
        '(1 + pow(feedback_ratio_fsh, lh_feedback_n)) * fsh_inhibin_k / (fsh_inhibin_k + inhibin_level)',
      unit: 'IU/L/min',
      description:
        'FSH release (less pulsatile than LH), under the same Hill feedback as LH (equally sensitive to ' +
        'testosterone, Matsumoto 1990; Snyder 1980) and inhibin',
    },
    {
      name: 'lhr_load',
      expr: 'lh / testosterone_lh_ec50 + lhcgr_drug_load',
      unit: '1',
      description: 'LH-receptor load of LH and hCG (competing full agonists)',
    },
    {
      name: 'lhr_occupancy',
      expr: 'lhr_load / (1 + lhr_load)',
      unit: '1',
      description: 'Leydig LH-receptor occupancy',
    },
    {
      name: 'testosterone_circadian',
      expr: '1 + testosterone_circ_amp * cos(circadian_rad - 2 * pi * testosterone_circ_peak_h / 24)',
      unit: '1',
      description: 'circadian factor of testosterone production',
    },
    {
      name: 'testosterone_production',
      expr:
        'is_male * testosterone_production_max * leydig_scale * leydig_capacity * lhr_occupancy * ' +
        'testosterone_circadian * (1 + testosterone_sleep_gain * asleep) * glucocorticoid_factor',
      unit: 'ng/dL/min',
      description: 'Leydig testosterone production',
    },
    {
      name: 'leydig_target',
      expr: '(1 + leydig_trophic_k) * lhr_occupancy / (lhr_occupancy + leydig_trophic_k)',
      unit: '1',
      description: 'Leydig capacity LH-receptor stimulation sustains',
    },
    {
      name: 'suppression_ratio_n',
      expr: 'pow(steroid_feedback / gnrh_suppression_fb_k, gnrh_suppression_n)',
      unit: '1',
      description: '(feedback / its half-suppressing level) to the power of the Hill coefficient',
    },
    {
      name: 'suppression_drive',
      expr: 'suppression_ratio_n / (1 + suppression_ratio_n)',
      unit: '1',
      description: 'drive of slow hypothalamic suppression: a steep Hill function of the feedback',
    },
    {
      name: 'shbg_target',
      expr:
        'shbg_base_nmol_l * shbg_igf1_k / (shbg_igf1_k + igf1) * ' +
        'shbg_insulin_k / (shbg_insulin_k + insulin) * shbg_androgen_k / (shbg_androgen_k + free_t_nmol_l) * ' +
        '(1 + estradiol / shbg_e2_k)',
      unit: 'nmol/L',
      description: 'SHBG the liver is moving towards',
    },
  ],
  rates: [
    { state: 'gnrh', expr: '-gnrh_k * gnrh' },
    { state: 'lh', expr: 'lh_release - lh_k * lh' },
    { state: 'fsh', expr: 'fsh_release - fsh_k * fsh' },
    {
      state: 'testosterone',
      expr:
        'testosterone_production + testosterone_drug_inflow - ' +
        `testosterone_free_clearance * free_t_nmol_l * ${TESTOSTERONE_NG_DL_PER_NMOL_L}`,
    },
    { state: 'shbg', expr: 'adaptation_speed * shbg_k * (shbg_target - shbg)' },
    { state: 'leydig_capacity', expr: 'adaptation_speed * leydig_k * (leydig_target - leydig_capacity)' },
    {
      state: 'gnrh_suppression',
      expr:
        'adaptation_speed * (gnrh_suppression_k_on * suppression_drive * (1 - gnrh_suppression) - ' +
        'gnrh_suppression_k_off * gnrh_suppression)',
    },
    { state: 'glucocorticoid_exposure', expr: 'glucocorticoid_k * (cortisol - glucocorticoid_exposure)' },
  ],
  outputs: [
    { name: 'lh_iu_l', expr: 'lh', unit: 'IU/L', description: 'plasma LH' },
    { name: 'fsh_iu_l', expr: 'fsh', unit: 'IU/L', description: 'plasma FSH' },
    { name: 'testosterone_ng_dl', expr: 'testosterone', unit: 'ng/dL', description: 'total testosterone' },
    {
      name: 'free_testosterone_pg_ml',
      expr: 'free_t_nmol_l * 288.4',
      unit: 'pg/mL',
      description: 'free testosterone',
    },
    { name: 'shbg_nmol_l', expr: 'shbg', unit: 'nmol/L', description: 'SHBG' },
    { name: 'estradiol_pg_ml', expr: 'estradiol', unit: 'pg/mL', description: 'serum estradiol' },
    {
      name: 'leydig_capacity_level',
      expr: 'leydig_capacity',
      unit: '1',
      description: 'Leydig-cell capacity (0–1)',
    },
    { name: 'gnrh_portal', expr: 'gnrh', unit: '1', description: 'portal GnRH (receptor units)' },
  ],
};

// ---------------------------------------------------------------------------------------------------------------
// GnRH pulse generator

/** What the GnRH pulse generator reads from the parameter vector. */
export interface GnrhPulseSettings {
  readonly pulsesPerDay: number;
  readonly intervalShape: number;
  readonly refractoryMin: number;
  readonly amplitude: number;
  readonly amplitudeCv: number;
}

/** Reads the GnRH pulse-generator settings of a parameter vector `p` of `model`. */
export function gnrhPulseSettings(model: CompiledModel, p: Float64Array): GnrhPulseSettings {
  const v = (name: string): number => p[model.parameterIndex(name)];
  return {
    pulsesPerDay: v('gnrh_pulses_per_day'),
    intervalShape: v('gnrh_interval_shape'),
    refractoryMin: v('gnrh_refractory_min'),
    amplitude: v('gnrh_pulse_amplitude'),
    amplitudeCv: v('gnrh_pulse_cv'),
  };
}

/** One GnRH pulse: its time (min) and amplitude (receptor units). */
export interface GnrhPulse {
  readonly t_min: number;
  readonly amplitude: number;
}

/**
 * GnRH pulse times and amplitudes over `[fromMin, toMin)`, drawn before integration: a renewal process with
 * gamma-distributed intervals (mean 1440 / pulsesPerDay, never below the refractory interval) and log-normal
 * amplitudes. With `uniform === null` the pattern is deterministic (regular intervals, mean amplitudes). The
 * generator draws from its own stream, so adding it leaves the GHRH pulse trains unchanged.
 */
export function generateGnrhPulses(
  settings: GnrhPulseSettings,
  fromMin: number,
  toMin: number,
  uniform: UniformSource,
): GnrhPulse[] {
  const mean = 1440 / settings.pulsesPerDay;
  const pulses: GnrhPulse[] = [];
  let t = fromMin + (uniform === null ? mean / 2 : uniform() * mean);
  while (t < toMin) {
    pulses.push({ t_min: t, amplitude: settings.amplitude * lognormalFactor(settings.amplitudeCv, uniform) });
    t += Math.max(settings.refractoryMin, gammaInterval(mean, settings.intervalShape, uniform));
  }
  return pulses;
}

/** The pulses as `add` events on the portal GnRH state. */
export function gnrhPulseEvents(pulses: readonly GnrhPulse[], gnrhStateIndex: number): TimedEvent[] {
  return pulses.map((pulse) => ({
    t: pulse.t_min,
    target: 'state',
    index: gnrhStateIndex,
    op: 'add',
    value: pulse.amplitude,
  }));
}
