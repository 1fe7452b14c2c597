// SPDX-License-Identifier: MIT
/**
 * Contraindication screening of a trial, arm by arm, for a typical patient of its population (the population's
 * conditions apply to every patient, so a contraindication such as active malignancy under rhGH shows here).
 */
import { screenScenario } from '../protocol/screening.js';
import type { Screening } from '../scenario/result.js';
import { typicalPatient } from './parse.js';
import { patientScenario } from './patient-scenario.js';
import type { Trial } from './schema.js';

/** One arm's screening. */
export interface ArmScreening {
  readonly arm: string;
  readonly screening: Screening;
}

/** The screening of every arm, in arm order. */
export function screenTrial(trial: Trial): ArmScreening[] {
  const patient = typicalPatient(trial);
  return trial.arms.map((arm, i) => ({
    arm: arm.name,
    screening: screenScenario(patientScenario(trial, patient, i)),
  }));
}

/** The arms whose screening is `contraindicated`. */
export function contraindicatedArms(trial: Trial): ArmScreening[] {
  return screenTrial(trial).filter((a) => a.screening.status === 'contraindicated');
}
