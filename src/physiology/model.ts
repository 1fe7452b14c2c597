// SPDX-License-Identifier: MIT
/**
 * The composed human model, "endotwin-physiology/1": every sub-model of the GH axis plus the drugs a scenario
 * uses. Drug sub-models are included only when a regimen names them, so an untreated run carries no idle drug
 * states (their fast absorption would only limit the explicit solver's step). A small generated sub-model sums the
 * drugs' receptor loads, so adding a drug is adding one entry to {@link DRUG_MODELS}; later sub-models
 * (metabolism, body composition, gonadal axis) are further entries of {@link CORE_SUB_MODELS}.
 */
import { compileModel } from '../engine/compile.js';
import type { CompiledModel, ModelDefinition, SubModel } from '../engine/types.js';
import { adrenalProlactin } from './adrenal-prolactin.js';
import { cjc1295Dac } from './cjc1295-dac.js';
import { cjc1295NoDac } from './cjc1295-nodac.js';
import { clockLifestyle } from './clock-lifestyle.js';
import type { DrugName } from './drug-catalog.js';
import type { DrugModel } from './drug-model.js';
import { ghKinetics } from './gh-kinetics.js';
import { ghrp6 } from './ghrp6.js';
import { hexarelin } from './hexarelin.js';
import { hypothalamus } from './hypothalamus.js';
import { ipamorelin } from './ipamorelin.js';
import { liverIgf1 } from './liver-igf1.js';
import { mk677 } from './mk677.js';
import { rhgh } from './rhgh.js';
import { sermorelin } from './sermorelin.js';
import { somatotroph } from './somatotroph.js';
import { tesamorelin } from './tesamorelin.js';

/** Name and version of the model, reported in every result. */
export const MODEL_NAME = 'endotwin-physiology/1';

/** The sub-models every run contains, in the order their equations are documented. */
export const CORE_SUB_MODELS: readonly SubModel[] = [
  clockLifestyle,
  hypothalamus,
  somatotroph,
  ghKinetics,
  liverIgf1,
  adrenalProlactin,
];

/** The drugs with a pharmacological model. The gonadal-axis drugs (testosterone, clomiphene, hCG) come later. */
export const DRUG_MODELS: Readonly<Partial<Record<DrugName, DrugModel>>> = {
  sermorelin,
  cjc1295_dac: cjc1295Dac,
  cjc1295_nodac: cjc1295NoDac,
  tesamorelin,
  ipamorelin,
  hexarelin,
  ghrp6,
  mk677,
  rhgh,
};

/** True when `drug` has a model (its doses act); false for drugs whose sub-model is not written yet. */
export function isModelledDrug(drug: DrugName): boolean {
  return DRUG_MODELS[drug] !== undefined;
}

/** A sum of assignment names as an expression, `0` when empty. */
function sumOf(names: readonly (string | undefined)[]): string {
  const present = names.filter((n): n is string => n !== undefined);
  return present.length === 0 ? '0' : present.join(' + ');
}

/** The generated sub-model adding up the drugs' loads on each receptor and off-target pathway. */
function receptorLoads(drugs: readonly DrugModel[]): SubModel {
  const at = (target: DrugModel['target']) =>
    drugs.filter((d) => d.target === target).map((d) => d.receptorLoad);
  return {
    name: 'receptor-loads',
    description: 'Sum of the drugs’ loads (concentration over EC50) on each receptor and off-target pathway.',
    assignments: [
      {
        name: 'ghrhr_drug_load',
        expr: sumOf(at('ghrhr')),
        unit: '1',
        description: 'GHRH-receptor load of all GHRH analogues',
      },
      {
        name: 'ghsr_drug_load',
        expr: sumOf(at('ghsr')),
        unit: '1',
        description: 'GHS-receptor load of all GHRPs',
      },
      {
        name: 'cortisol_drug_load',
        expr: sumOf(drugs.map((d) => d.cortisolLoad)),
        unit: '1',
        description: 'load of the non-selective GHRPs on ACTH/cortisol',
      },
      {
        name: 'prolactin_drug_load',
        expr: sumOf(drugs.map((d) => d.prolactinLoad)),
        unit: '1',
        description: 'load of the non-selective GHRPs on prolactin',
      },
    ],
  };
}

/** The drug models of a list of drug names (unmodelled drugs and duplicates dropped), in catalogue order. */
export function drugModelsOf(drugs: Iterable<DrugName>): DrugModel[] {
  const wanted = new Set(drugs);
  return Object.values(DRUG_MODELS).filter((m): m is DrugModel => m !== undefined && wanted.has(m.drug));
}

/** The model definition with the given drugs' sub-models (default: every modelled drug). */
export function modelDefinition(
  drugs: Iterable<DrugName> = Object.keys(DRUG_MODELS) as DrugName[],
): ModelDefinition {
  const models = drugModelsOf(drugs);
  return {
    name: MODEL_NAME,
    subModels: [...CORE_SUB_MODELS, ...models.map((m) => m.subModel), receptorLoads(models)],
  };
}

const compiled = new Map<string, CompiledModel>();

/** The compiled model for a set of drugs, compiled once per distinct set and cached for the process. */
export function compiledModel(drugs: Iterable<DrugName> = []): CompiledModel {
  const key = drugModelsOf(drugs)
    .map((m) => m.drug)
    .join(',');
  let model = compiled.get(key);
  if (model === undefined) {
    model = compileModel(modelDefinition(drugModelsOf(drugs).map((m) => m.drug)));
    compiled.set(key, model);
  }
  return model;
}
