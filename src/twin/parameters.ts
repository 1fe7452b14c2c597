// SPDX-License-Identifier: MIT
/**
 * Which parameters a twin fits, and why these. A handful of follow-up labs (IGF-1 at baseline and every few weeks)
 * carries information about two things: the level the patient's IGF-1 sits at untreated, and how much the drug
 * raises it. One parameter each:
 *
 * - `igf1_prod_scale`, the patient factor on hepatic IGF-1 production. It sets the untreated IGF-1 level almost
 *   proportionally; it is the factor the model already uses for inter-individual variation (CV 0.2) and for the
 *   calibration to a baseline IGF-1, so fitting it is the same adjustment, made from all labs with an uncertainty.
 * - the drug's response handle: for a GHRH analogue or a GHS-receptor agonist its potency `<drug>_ec50_ng_ml` (the
 *   plasma concentration of half-maximal receptor occupancy, i.e. the somatotroph's sensitivity to the drug), for
 *   rhGH the effective bioavailability of its route `rhgh_f_<route>` (how much of a dose reaches plasma GH). It
 *   sets the treated rise of IGF-1 over the untreated level.
 *
 * Other parameters act on IGF-1 too (hepatic GH sensitivity, the releasable GH pool), but with IGF-1 alone they
 * are not separable from these two: their effects are near multiples of the same two directions. Parameters are
 * fitted on the natural-log scale (all are positive and act multiplicatively), with a weak normal prior centred on
 * the patient's population value.
 */
import type { RegimenLine, Scenario } from '../scenario/schema.js';
import { actsOnGhAxisReceptor } from '../scenario/vocabulary.js';

/** One fitted parameter: the model parameter, what it means, and the width of its prior. */
export interface TwinParameterSpec {
  /** Model parameter name (see docs/model.md), overridden through `simulate`'s `parameterOverrides`. */
  readonly name: string;
  /** What the parameter is, for people. */
  readonly description: string;
  /**
   * SD on the natural-log scale of the normal prior centred on the patient's population value (0.5 ≈ a factor of
   * 1.65 either way at one SD).
   */
  readonly priorSdLog: number;
}

/** The hepatic IGF-1 production scale, with its prior. */
export const IGF1_PRODUCTION: TwinParameterSpec = {
  name: 'igf1_prod_scale',
  description: 'patient factor on hepatic IGF-1 production (sets the untreated IGF-1 level)',
  // The population CV is 0.2, but the model's typical IGF-1 for an age is itself uncertain and IGF-1 assays differ
  // by up to 2× (physiology.md), so the prior is wider than the population spread.
  priorSdLog: 0.5,
};

/** The response parameter of a GH-axis regimen line, or undefined for drugs of the gonadal axis. */
export function drugResponseParameter(line: RegimenLine): TwinParameterSpec | undefined {
  // A drug acting through the GHRH or GHS receptor (as its catalogue entry says): its potency sets its response.
  if (actsOnGhAxisReceptor(line.drug)) {
    return {
      name: `${line.drug}_ec50_ng_ml`,
      description: `${line.drug} potency: plasma concentration (ng/mL) of half-maximal receptor occupancy (lower = more sensitive)`,
      // Drug potencies are calibrated with weak evidence (docs/model.md): a factor of e either way at one SD.
      priorSdLog: 1,
    };
  }
  if (line.drug === 'rhgh') {
    return {
      name: `rhgh_f_${line.route}`,
      description: `effective ${line.route} bioavailability of rhGH (may exceed 1 for a patient who responds more than the typical one)`,
      priorSdLog: 0.5,
    };
  }
  return undefined;
}

/**
 * The parameters fitted by default: the IGF-1 production scale, and the response parameter of the first GH-axis
 * drug of the regimen (none for an untreated history).
 */
export function defaultTwinParameters(scenario: Scenario): TwinParameterSpec[] {
  for (const line of scenario.regimen) {
    const response = drugResponseParameter(line);
    if (response) return [IGF1_PRODUCTION, response];
  }
  return [IGF1_PRODUCTION];
}
