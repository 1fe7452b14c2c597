// SPDX-License-Identifier: MIT
/**
 * Spermatogenesis as an index of sperm output (men). Germ cells need two hormonal supports: intratesticular
 * testosterone, made by Leydig cells under LH (serum testosterone, even at supraphysiological doses, is far below
 * testicular levels and cannot replace it), and FSH on Sertoli cells. Exogenous androgens suppress LH and FSH, so
 * both supports fall and sperm output with them; hCG, acting like LH on Leydig cells, keeps the testicular
 * testosterone up.
 *
 * - Support: `support = w·s(ITT_rel, k_T) + (1 − w)·s(FSH_rel, k_F)`, with `s(x, k) = x (1 + k) / (x + k)` (1 at
 *   the normal level, 0 without the hormone), ITT_rel the Leydig output (capacity × LH-receptor occupancy)
 *   relative to a normal young man's, and w the testosterone share: either hormone alone keeps part of it.
 * - Kinetics: a chain of sixteen germ-cell stages, each passed in a sixteenth of the ≈ 74-day duration of human
 *   spermatogenesis, then the epididymis (≈ 12 days). The duration is fixed by the clockwork cycle of the
 *   seminiferous epithelium, with little spread between cells (Heller & Clermont 1963), so the chain is narrow: the
 *   delay of sixteen stages has a coefficient of variation of 0.25. Without support the cells in the chain are also lost (failed
 *   meiosis and spermiation), so output falls faster than the chain empties, and comes back one chain later when
 *   LH and FSH return.
 * - Output: sperm concentration = a fertile man's median × the epididymal stage.
 */
import type { SubModel } from '../engine/types.js';
import { MIN_PER_DAY } from '../engine/time.js';
import { param, rateFromHalfLife, state } from './declare.js';

const STAGES = 16;

const stageName = (i: number): string => `spermatogenesis_stage_${i}`;

/** The spermatogenesis sub-model. */
export const spermatogenesis: SubModel = {
  name: 'spermatogenesis',
  description:
    'Sperm output from intratesticular testosterone (LH) and FSH support, through the duration of spermatogenesis.',
  states: [
    ...Array.from({ length: STAGES }, (_, i) =>
      state(stageName(i + 1), '1', `germ cells in stage ${i + 1} of ${STAGES}, relative to a normal man`, 1),
    ),
    state('epididymal_sperm', '1', 'sperm in the epididymis, relative to a normal man', 1),
  ],
  parameters: [
    param(
      'spermatogenesis_duration_d',
      74,
      'd',
      'duration of human spermatogenesis (spermatogonium to released spermatozoon)',
      'Heller CG, Clermont Y. Science 1963;140:184 and Amann RP, J Androl 2008;29:469: ≈ 64–74 days (recalled)',
      'moderate',
    ),
    param(
      'epididymal_transit_d',
      12,
      'd',
      'mean epididymal transit time of spermatozoa',
      'Amann RP, J Androl 2008;29:469: ≈ 10–14 days in men (recalled)',
      'moderate',
    ),
    param(
      'sperm_itt_k',
      0.1,
      '1',
      'Leydig output (relative to normal) giving half of the testosterone support of spermatogenesis',
      'assumption: intratesticular testosterone is far above what spermatogenesis needs, so a small fraction of ' +
        'normal Leydig output keeps it (recalled; left to calibration)',
      'weak',
    ),
    param(
      'sperm_fsh_k',
      0.3,
      '1',
      'FSH (relative to normal) giving half of the FSH support of spermatogenesis',
      'assumption: FSH alone or LH alone maintains partial spermatogenesis (recalled; left to calibration)',
      'weak',
    ),
    param(
      'sperm_itt_share',
      0.7,
      '1',
      'share of the support of spermatogenesis carried by intratesticular testosterone (the rest by FSH)',
      'assumption: hCG alone keeps sperm output in men on testosterone (Hsieh TC et al., J Urol 2013;189:647, ' +
        'recalled) while FSH alone restores it only in part (Matsumoto AM et al., JCEM 1983;56:720, recalled)',
      'weak',
    ),
    param(
      'sperm_itt_ref',
      0.3,
      '1',
      'Leydig output (capacity × LH-receptor occupancy) of a normal young man',
      'the model’s own value at LH ≈ 5 IU/L (EC50 10 IU/L, occupancy 0.33) and capacity ≈ 0.92',
      'moderate',
    ),
    param(
      'sperm_fsh_ref_iu_l',
      4,
      'IU/L',
      'FSH of a normal young man',
      'the model’s own baseline FSH in young men (textbook 1.5–8 IU/L, recalled)',
      'moderate',
    ),
    param(
      'germ_cell_loss_k',
      rateFromHalfLife(14 * MIN_PER_DAY),
      '1/min',
      'loss of germ cells in the chain without hormonal support (half-time 14 days)',
      'assumption: germ-cell apoptosis and failed spermiation within weeks of gonadotropin withdrawal (McLachlan ' +
        'RI et al., recalled); left to calibration',
      'weak',
    ),
    param(
      'sperm_concentration_normal_m_ml',
      73,
      '10^6/mL',
      'median sperm concentration of fertile men',
      'Cooper TG et al., Hum Reprod Update 2010;16:231 (WHO reference values): 50th centile 73 × 10⁶/mL (recalled)',
      'moderate',
    ),
  ],
  assignments: [
    {
      name: 'itt_relative',
      expr: 'leydig_capacity * lhr_occupancy / sperm_itt_ref',
      unit: '1',
      description:
        'Leydig testosterone output, the source of intratesticular testosterone, relative to normal',
    },
    {
      name: 'fsh_relative',
      expr: 'fsh / sperm_fsh_ref_iu_l',
      unit: '1',
      description: 'FSH relative to a normal young man',
    },
    {
      name: 'spermatogenic_support',
      expr:
        'is_male * (sperm_itt_share * itt_relative * (1 + sperm_itt_k) / (itt_relative + sperm_itt_k) + ' +
        '(1 - sperm_itt_share) * fsh_relative * (1 + sperm_fsh_k) / (fsh_relative + sperm_fsh_k))',
      unit: '1',
      description: 'hormonal support of spermatogenesis (1 = normal man)',
    },
    {
      name: 'germ_stage_k',
      expr: `${STAGES} / (spermatogenesis_duration_d * ${MIN_PER_DAY})`,
      unit: '1/min',
      description: 'transit rate through one germ-cell stage',
    },
    {
      name: 'germ_cell_loss',
      expr: 'germ_cell_loss_k * max(0, 1 - spermatogenic_support)',
      unit: '1/min',
      description: 'loss rate of germ cells in the chain when support falls short',
    },
  ],
  rates: [
    {
      state: stageName(1),
      expr: `adaptation_speed * germ_stage_k * (spermatogenic_support - ${stageName(1)})`,
    },
    ...Array.from({ length: STAGES - 1 }, (_, i) => ({
      state: stageName(i + 2),
      expr:
        `adaptation_speed * (germ_stage_k * (${stageName(i + 1)} - ${stageName(i + 2)}) - ` +
        `germ_cell_loss * ${stageName(i + 2)})`,
    })),
    {
      state: 'epididymal_sperm',
      expr: `adaptation_speed * (${stageName(STAGES)} - epididymal_sperm) / (epididymal_transit_d * ${MIN_PER_DAY})`,
    },
  ],
  outputs: [
    {
      name: 'sperm_concentration_m_ml',
      expr: 'is_male * sperm_concentration_normal_m_ml * epididymal_sperm',
      unit: '10^6/mL',
      description: 'sperm concentration (ejaculate), from the epididymal stage',
    },
    {
      name: 'spermatogenic_support_level',
      expr: 'spermatogenic_support',
      unit: '1',
      description: 'hormonal support of spermatogenesis (1 = normal)',
    },
  ],
};
