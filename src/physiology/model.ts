// SPDX-License-Identifier: MIT
/**
 * The composed human model, "endotwin-physiology/1": the GH axis, metabolism (glucose–insulin, lipolysis and fatty
 * acids, insulin signalling), body composition, the gonadal axis, cortisol/prolactin and skin, plus the drugs a
 * scenario uses. Drug sub-models are included only when a regimen names them, so an untreated run carries no idle
 * drug states (their fast absorption would only limit the explicit solver's step). A small generated sub-model sums
 * the drugs' receptor loads, so adding a drug is adding one entry to {@link DRUG_MODELS}.
 */
import { compileModel } from '../engine/compile.js';
import { withCalibratedValues } from './calibrated-values.js';
import type { CompiledModel, ModelDefinition, SubModel } from '../engine/types.js';
import { adrenalProlactin } from './adrenal-prolactin.js';
import { bodyComposition } from './body-composition.js';
import { cjc1295Dac } from './cjc1295-dac.js';
import { cjc1295NoDac } from './cjc1295-nodac.js';
import { clockLifestyle } from './clock-lifestyle.js';
import { clomiphene } from './clomiphene.js';
import { DRUGS, type DrugName, type DrugTarget } from './drug-catalog.js';
import type { DrugModel } from './drug-model.js';
import { ghKinetics } from './gh-kinetics.js';
import { ghrp6 } from './ghrp6.js';
import { glucoseInsulin } from './glucose-insulin.js';
import { gonadal } from './gonadal.js';
import { spermatogenesis } from './spermatogenesis.js';
import { hcg } from './hcg.js';
import { hexarelin } from './hexarelin.js';
import { hypothalamus } from './hypothalamus.js';
import { insulinSignalling } from './insulin-signalling.js';
import { ipamorelin } from './ipamorelin.js';
import { lipolysisFfa } from './lipolysis-ffa.js';
import { liverIgf1 } from './liver-igf1.js';
import { mk677 } from './mk677.js';
import { nutritionalState } from './nutritional-state.js';
import { rhgh } from './rhgh.js';
import { sermorelin } from './sermorelin.js';
import { sermorelinGonadotropins, sermorelinGonadotropinsOff } from './sermorelin-gonadotropins.js';
import { skin } from './skin.js';
import { somatotroph } from './somatotroph.js';
import { tesamorelin } from './tesamorelin.js';
import { testosteroneCypionate } from './testosterone-cypionate.js';
import { testosteroneEnanthate } from './testosterone-enanthate.js';

/** Name and version of the model, reported in every result. */
export const MODEL_NAME = 'endotwin-physiology/1';

/** The sub-models every run contains, in the order their equations are documented. */
export const CORE_SUB_MODELS: readonly SubModel[] = [
  clockLifestyle,
  hypothalamus,
  somatotroph,
  ghKinetics,
  liverIgf1,
  glucoseInsulin,
  lipolysisFfa,
  nutritionalState,
  insulinSignalling,
  bodyComposition,
  gonadal,
  spermatogenesis,
  adrenalProlactin,
];

/** Optional effects a scenario may switch on (`model.optional_effects`), each off by default. */
export const OPTIONAL_EFFECTS = ['sermorelin_gonadotropins', 'skin'] as const;

/** One of {@link OPTIONAL_EFFECTS}. */
export type OptionalEffect = (typeof OPTIONAL_EFFECTS)[number];

/**
 * The sub-models of each optional effect when on, and when off (a stub that keeps the model compiling with the
 * effect at zero). Optional effects are compiled in only when used, so they cost nothing otherwise.
 */
const OPTIONAL_SUB_MODELS: Readonly<Record<OptionalEffect, { on: SubModel; off?: SubModel }>> = {
  sermorelin_gonadotropins: { on: sermorelinGonadotropins, off: sermorelinGonadotropinsOff },
  skin: { on: skin },
};

/** The sub-models of the given optional effects, with the stubs of the others. */
function optionalSubModels(effects: Iterable<OptionalEffect>): SubModel[] {
  const on = new Set(effects);
  return OPTIONAL_EFFECTS.flatMap((effect) => {
    const entry = OPTIONAL_SUB_MODELS[effect];
    if (on.has(effect)) return [entry.on];
    return entry.off ? [entry.off] : [];
  });
}

/** The drugs with a pharmacological model: every drug of the catalogue. */
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
  testosterone_cypionate: testosteroneCypionate,
  testosterone_enanthate: testosteroneEnanthate,
  clomiphene,
  hcg,
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
  const at = (target: DrugTarget) =>
    drugs.filter((d) => DRUGS[d.drug].target === target).map((d) => d.receptorLoad);
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
      {
        name: 'lhcgr_drug_load',
        expr: sumOf(at('lhcgr')),
        unit: '1',
        description: 'LH/hCG-receptor load of hCG',
      },
      {
        name: 'er_drug_load',
        expr: sumOf(at('estrogen_receptor')),
        unit: '1',
        description: 'hypothalamic oestrogen-receptor load of SERMs (clomiphene)',
      },
      {
        name: 'gonadotropin_drug_load',
        expr: sumOf(drugs.map((d) => d.gonadotropinLoad)),
        unit: '1',
        description: 'load acting on GnRH-driven LH/FSH release (optional sermorelin effect)',
      },
      {
        name: 'testosterone_drug_inflow',
        expr: sumOf(drugs.map((d) => d.testosteroneInflow)),
        unit: 'ng/dL/min',
        description: 'exogenous testosterone entering plasma',
      },
    ],
  };
}

/** The drug models of a list of drug names (unmodelled drugs and duplicates dropped), in catalogue order. */
export function drugModelsOf(drugs: Iterable<DrugName>): DrugModel[] {
  const wanted = new Set(drugs);
  return Object.values(DRUG_MODELS).filter((m): m is DrugModel => m !== undefined && wanted.has(m.drug));
}

/**
 * The model definition with the given drugs' sub-models (default: every modelled drug) and optional effects
 * (default: all of them, so that every output is listed), with the population calibration's values
 * (`calibrated-values.ts`) unless `calibrated` is false (the declared source values, the calibration's priors).
 */
export function modelDefinition(
  drugs: Iterable<DrugName> = Object.keys(DRUG_MODELS) as DrugName[],
  effects: Iterable<OptionalEffect> = OPTIONAL_EFFECTS,
  calibrated = true,
): ModelDefinition {
  const models = drugModelsOf(drugs);
  const subModels = [
    ...CORE_SUB_MODELS,
    ...optionalSubModels(effects),
    ...models.map((m) => m.subModel),
    receptorLoads(models),
  ];
  return {
    name: MODEL_NAME,
    subModels: calibrated ? subModels.map((sub) => withCalibratedValues(sub)) : subModels,
  };
}

const compiled = new Map<string, CompiledModel>();

/**
 * The compiled model for a set of drugs and optional effects, compiled once per distinct combination and cached
 * for the process.
 */
export function compiledModel(
  drugs: Iterable<DrugName> = [],
  effects: Iterable<OptionalEffect> = [],
): CompiledModel {
  const drugList = drugModelsOf(drugs).map((m) => m.drug);
  const effectSet = new Set(effects);
  const effectList = OPTIONAL_EFFECTS.filter((e) => effectSet.has(e));
  const key = `${drugList.join(',')}|${effectList.join(',')}`;
  let model = compiled.get(key);
  if (model === undefined) {
    model = compileModel(modelDefinition(drugList, effectList));
    compiled.set(key, model);
  }
  return model;
}
