// SPDX-License-Identifier: MIT
/**
 * Nutritional state: liver glycogen and what its depletion does over days of fasting.
 *
 * Liver glycogen (g) is filled by a share of the absorbed meal glucose (less as the store fills) and drained by
 * glycogenolysis, which insulin
 * suppresses and which runs near its maximal rate until the store is nearly empty (Rothman 1991: liver glycogen
 * falls about linearly through the first day of a fast). Hepatic glucose output is glycogenolysis plus
 * gluconeogenesis; as the store empties only gluconeogenesis is left (64 % of glucose production in the first 22 h
 * of a fast, 96 % after 40–64 h; Rothman 1991), so fasting glucose falls over the first days of a fast.
 *
 * The depletion of the store, from 0 (store at its usual morning level) to 1 (empty), is the model's signal of the
 * fasted state, and refeeding reverses it by refilling the store:
 * - the liver becomes resistant to GH, so IGF-1 production falls (read by `liver-igf1.ts`; Clemmons 1982: the
 *   same GH raised IGF-1 in the fasted state by 16 % of its rise in the fed state);
 * - ketogenesis opens: plasma 3-hydroxybutyrate follows fatty-acid supply, more steeply once glycogen is gone
 *   (hepatic fatty-acid oxidation is disinhibited as glycogen and malonyl-CoA fall).
 * Falling IGF-1 lowers the somatostatin tone of `hypothalamus.ts` (long-loop feedback), which is one way fasting
 * raises GH; the other is the pulse generator's fasting frequency and amplitude.
 */
import type { SubModel } from '../engine/types.js';
import { param, state } from './declare.js';

/** The nutritional-state sub-model. */
export const nutritionalState: SubModel = {
  name: 'nutritional-state',
  description:
    'Liver glycogen, gluconeogenic share of glucose output, fasted-state signal, hepatic GH resistance, ketones.',
  states: [state('liver_glycogen', 'g', 'liver glycogen', 55)],
  parameters: [
    param(
      'glycogen_meal_fraction',
      0.19,
      '1',
      'share of absorbed meal glucose laid down as liver glycogen',
      'Taylor R et al. J Clin Invest 1996;97:126 (13C-NMR after mixed meals: ≈ 19 % of meal carbohydrate stored ' +
        'in liver glycogen; figure recalled)',
      'moderate',
    ),
    param(
      'glycogenolysis_max_mg_kg_min',
      0.77,
      'mg/kg/min',
      'net hepatic glycogenolysis with a full store and low insulin',
      'Rothman DL et al. Science 1991;254:573: net hepatic glycogenolysis 4.3 ± 0.6 µmol/kg/min over the first ' +
        '22 h of a fast (× 0.180 mg/µmol)',
      'moderate',
    ),
    param(
      'glycogenolysis_half_g',
      5,
      'g',
      'liver glycogen at which glycogenolysis runs at half its maximal rate',
      'assumption: glycogenolysis is near zero-order until the store is nearly empty (Rothman 1991: linear fall ' +
        'of liver glycogen over the first day)',
      'weak',
    ),
    param(
      'glycogenolysis_insulin_ic50',
      6,
      'uU/mL',
      'plasma insulin halving glycogenolysis',
      'calibrated: with the default three meals the store holds steady from day to day, emptying overnight and ' +
        'refilling after meals (Taylor 1996: ≈ 207 mmol/L of liver after an overnight fast, ≈ 316 after meals); ' +
        'weak, to be set by calibration',
      'weak',
    ),
    param(
      'glycogen_capacity_g',
      120,
      'g',
      'largest liver glycogen store; synthesis slows in proportion as the store fills',
      'assumption: ≈ 500 mmol/L of liver at most in adults (13C-NMR studies, recalled), ≈ 120 g in a 1.5-kg liver',
      'weak',
    ),
    param(
      'egp_gluconeogenic_share',
      0.64,
      '1',
      'share of hepatic glucose output from gluconeogenesis with a full store',
      'Rothman 1991: gluconeogenesis 64 ± 5 % of whole-body glucose production during the first 22 h of a fast, ' +
        '82 % at 22–40 h, 96 % at 40–64 h',
      'moderate',
    ),
    param(
      'glycogen_ref_g',
      36,
      'g',
      'liver glycogen at which hepatic glucose output equals the calibrated output (no fasted-state signal)',
      'calibrated: the model’s liver glycogen before breakfast under the default three meals, young lean man (36 g; ' +
        'Taylor 1996 measured ≈ 207 mmol/L of liver after an overnight fast, ≈ 50 g in a 1.5-kg liver)',
      'weak',
    ),
    param(
      'fasting_gh_resistance_max',
      0.84,
      '1',
      'largest loss of the hepatic IGF-1 response to GH with an empty glycogen store',
      'Clemmons DR et al. J Clin Endocrinol Metab 1982;55:999: GH 5 mg twice daily for 5 days raised IGF-1 from ' +
        '35 to 317 ng/mL fed but only to 81 ng/mL fasting, (81 − 35)/(317 − 35) = 16 % of the fed response',
      'moderate',
    ),
    param(
      'ketone_ffa_ratio',
      0.2,
      '1',
      'plasma 3-hydroxybutyrate per mmol/L of fatty acids in the fed, post-absorptive state',
      'overnight-fasted 3-hydroxybutyrate ≈ 0.1 mmol/L at fatty acids ≈ 0.5 mmol/L (Cahill 1970, recalled); to be ' +
        'set by calibration',
      'weak',
    ),
    param(
      'ketone_depletion_gain',
      5,
      '1',
      'relative rise of the ketone-to-fatty-acid ratio with an empty glycogen store',
      'after 3 days of fasting 3-hydroxybutyrate ≈ 1.5–2 mmol/L at fatty acids ≈ 1.2–1.5 mmol/L (Cahill 1970, ' +
        'recalled): a ratio ≈ 1.2, six times the fed ratio; to be set by calibration',
      'weak',
    ),
  ],
  assignments: [
    {
      name: 'glycogen_saturation',
      expr: 'liver_glycogen / (liver_glycogen + glycogenolysis_half_g)',
      unit: '1',
      description: 'how close glycogenolysis is to its maximal rate (near 1 until the store is nearly empty)',
    },
    {
      name: 'glycogenolysis_mg_min',
      expr:
        'glycogenolysis_max_mg_kg_min * body_weight_kg * glycogen_saturation / ' +
        '(1 + (insulin / glycogenolysis_insulin_ic50) * (insulin / glycogenolysis_insulin_ic50))',
      unit: 'mg/min',
      description: 'net hepatic glycogenolysis, suppressed by insulin (Hill inhibition of coefficient 2)',
    },
    {
      name: 'glycogen_ref_saturation',
      expr: 'glycogen_ref_g / (glycogen_ref_g + glycogenolysis_half_g)',
      unit: '1',
      description: 'glycogen saturation at the reference store',
    },
    {
      name: 'egp_glycogen_factor',
      expr:
        '(egp_gluconeogenic_share + (1 - egp_gluconeogenic_share) * min(glycogen_saturation, glycogen_ref_saturation)) / ' +
        '(egp_gluconeogenic_share + (1 - egp_gluconeogenic_share) * glycogen_ref_saturation)',
      unit: '1',
      description:
        'hepatic glucose output relative to the calibrated output: gluconeogenesis plus a glycogenolytic part ' +
        'that vanishes as the store empties (a store above the usual level does not raise output: insulin, not ' +
        'substrate, limits glycogenolysis then)',
    },
    {
      name: 'glycogen_depletion',
      expr: 'clamp(1 - glycogen_saturation / glycogen_ref_saturation, 0, 1)',
      unit: '1',
      description: 'fasted-state signal: 0 with the usual store, 1 when it is empty',
    },
    {
      name: 'hepatic_gh_resistance',
      expr: 'fasting_gh_resistance_max * glycogen_depletion',
      unit: '1',
      description: 'share of the hepatic IGF-1 response to GH lost in the fasted state',
    },
    {
      name: 'ketones',
      expr: 'ketone_ffa_ratio * ffa * (1 + ketone_depletion_gain * glycogen_depletion)',
      unit: 'mmol/L',
      description: 'plasma 3-hydroxybutyrate (quasi-steady with fatty-acid supply to the liver)',
    },
  ],
  rates: [
    {
      state: 'liver_glycogen',
      expr:
        '(glycogen_meal_fraction * meal_glucose_mg_min * (1 - liver_glycogen / glycogen_capacity_g) - ' +
        'glycogenolysis_mg_min) / 1000',
    },
  ],
  outputs: [
    { name: 'liver_glycogen_g', expr: 'liver_glycogen', unit: 'g', description: 'liver glycogen' },
    {
      name: 'glycogen_depletion_signal',
      expr: 'glycogen_depletion',
      unit: '1',
      description: 'fasted-state signal from glycogen depletion (0 fed, 1 empty store)',
    },
    { name: 'ketones_mmol_l', expr: 'ketones', unit: 'mmol/L', description: 'plasma 3-hydroxybutyrate' },
  ],
};
