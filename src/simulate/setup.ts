// SPDX-License-Identifier: MIT
/** Stage 2: the compiled model for the regimen's drugs and the patient's parameter vector. */
import type { ParamName } from '../physiology/param-names.generated.js';
import { Random } from '../engine/random.js';
import type { CompiledModel } from '../engine/types.js';
import { trainingLevel } from '../physiology/body-composition.js';
import { wakeClockMin } from '../physiology/clock-lifestyle.js';
import type { DrugName } from '../physiology/drug-catalog.js';
import { compiledModel, isModelledDrug } from '../physiology/model.js';
import { applyPatientParameters, patientParameters, type PatientParameters } from '../physiology/patient.js';
import { coefficientsWith } from '../physiology/patient-coefficients.js';
import { clockToMinutes } from '../protocol/clock.js';
import type { Scenario } from '../scenario/schema.js';

/** Seeded streams: the patient's random effects, the GHRH pulse generator, the GnRH pulse generator. */
export const STREAM_PATIENT = 1;
export const STREAM_PULSES = 2;
export const STREAM_GNRH = 3;

/** The compiled model and the patient's parameters. */
export interface Setup {
  readonly model: CompiledModel;
  readonly p: Float64Array;
  readonly patient: PatientParameters;
  readonly drugs: readonly DrugName[];
  readonly ghVolumeL: number;
  /** State at the start of the burn-in: the declared initial values with the patient's body composition. */
  readonly y0: Float64Array;
  /** The optional effects switched on for this run. */
  readonly optionalEffects: readonly string[];
}

/** A `() => number` uniform source drawing from a seeded stream. */
export function uniformOf(random: Random): () => number {
  return () => random.nextFloat();
}

/**
 * The model for the regimen's modelled drugs, and the parameter vector of this patient. Covariate coefficients
 * named in `overrides` (`patient_…`) replace those of `patient.ts` in the mapping; other names are ignored here.
 */
export function setUpPatient(scenario: Scenario, overrides: Readonly<Record<string, number>> = {}): Setup {
  const drugs = [...new Set(scenario.regimen.map((l) => l.drug))].filter(isModelledDrug);
  const optionalEffects = [...new Set(scenario.model.optional_effects)];
  const model = compiledModel(drugs, optionalEffects);
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
      type2Diabetes: pt.conditions.includes('type2_diabetes'),
      impairedFastingGlucose: pt.conditions.includes('impaired_fasting_glucose'),
      hypogonadism: pt.conditions.includes('hypogonadism'),
      variability: pt.variability,
    },
    uniform,
    coefficientsWith(overrides),
  );
  const index = (name: string): number => model.parameterIndex(name);
  applyPatientParameters(p, patient, index);
  const sleep = scenario.lifestyle.sleep;
  p[index('wake_clock_min')] = wakeClockMin(clockToMinutes(sleep.bedtime), sleep.duration_h);
  p[index('training_level')] = trainingLevel(weeklyResistanceMinutes(scenario));
  const ghVolumeL = p[index('gh_vd_fraction')] * p[index('body_weight_kg')];
  return { model, p, patient, drugs, ghVolumeL, y0: initialState(model, p), optionalEffects };
}

/** Minutes of resistance exercise per week in the scenario's (weekly repeating) lifestyle. */
function weeklyResistanceMinutes(scenario: Scenario): number {
  return scenario.lifestyle.exercise
    .filter((bout) => bout.kind === 'resistance')
    .reduce((sum, bout) => sum + bout.duration_min * bout.days.length, 0);
}

/** Declared initial state with body composition at the patient's values and no testosterone in women. */
function initialState(model: CompiledModel, p: Float64Array): Float64Array {
  const y = model.initialState();
  const v = (name: ParamName): number => p[model.parameterIndex(name)];
  y[model.stateIndex('fat_mass')] = v('fat_mass_0_kg');
  y[model.stateIndex('lean_energy')] = v('lean_mass_0_kg');
  if (v('is_male') === 0) y[model.stateIndex('testosterone')] = 0;
  return y;
}
