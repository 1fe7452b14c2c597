// SPDX-License-Identifier: MIT
/** What a NONMEM-style dataset of a trial needs from the trial layer: each patient's doses and endpoint units. */
import { expandRegimen, type DoseRecord } from '../protocol/regimen.js';
import type { PatientResult } from './analyse.js';
import { endpointUnit } from './format.js';
import { patientScenario } from './patient-scenario.js';
import type { Trial } from './schema.js';

/** The doses and units of a trial's patients, exactly as the simulation expanded them. */
export const trialDosing = {
  doses: (trial: Trial, patient: PatientResult, arm: number): DoseRecord[] =>
    expandRegimen(patientScenario(trial, patient, arm)),
  endpointUnit,
};
