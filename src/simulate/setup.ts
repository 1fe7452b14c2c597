// SPDX-License-Identifier: MIT
/** Stage 2: the compiled model for the regimen's drugs and the patient's parameter vector. */
import { Random } from '../engine/random.js';
import type { CompiledModel } from '../engine/types.js';
import { wakeClockMin } from '../physiology/clock-lifestyle.js';
import type { DrugName } from '../physiology/drug-catalog.js';
import { compiledModel, isModelledDrug } from '../physiology/model.js';
import { applyPatientParameters, patientParameters, type PatientParameters } from '../physiology/patient.js';
import { clockToMinutes } from '../protocol/clock.js';
import type { Scenario } from '../scenario/schema.js';

/** Seeded streams: one for the patient's random effects, one for the pulse generator. */
export const STREAM_PATIENT = 1;
export const STREAM_PULSES = 2;

/** The compiled model and the patient's parameters. */
export interface Setup {
  readonly model: CompiledModel;
  readonly p: Float64Array;
  readonly patient: PatientParameters;
  readonly drugs: readonly DrugName[];
  readonly ghVolumeL: number;
}

/** A `() => number` uniform source drawing from a seeded stream. */
export function uniformOf(random: Random): () => number {
  return () => random.nextFloat();
}

/** The model for the regimen's modelled drugs, and the parameter vector of this patient. */
export function setUpPatient(scenario: Scenario): Setup {
  const drugs = [...new Set(scenario.regimen.map((l) => l.drug))].filter(isModelledDrug);
  const model = compiledModel(drugs);
  const p = model.defaultParameters();
  const pt = scenario.patient;
  const uniform = uniformOf(Random.fromSeed(scenario.seed).split(STREAM_PATIENT));
  const patient = patientParameters(
    {
      ageYears: pt.age_years,
      sex: pt.sex,
      weightKg: pt.weight_kg,
      heightCm: pt.height_cm,
      ...(pt.body_fat_pct === undefined ? {} : { bodyFatPct: pt.body_fat_pct }),
      ...(pt.visceral_fat_cm2 === undefined ? {} : { visceralFatCm2: pt.visceral_fat_cm2 }),
      ghDeficient: pt.conditions.includes('gh_deficiency'),
      variability: pt.variability,
    },
    uniform,
  );
  const index = (name: string): number => model.parameterIndex(name);
  applyPatientParameters(p, patient, index);
  const sleep = scenario.lifestyle.sleep;
  p[index('wake_clock_min')] = wakeClockMin(clockToMinutes(sleep.bedtime), sleep.duration_h);
  const ghVolumeL = p[index('gh_vd_fraction')] * p[index('body_weight_kg')];
  return { model, p, patient, drugs, ghVolumeL };
}
