// SPDX-License-Identifier: MIT
/**
 * The columns of endotwin's NONMEM-style datasets, their units and codes, in one place: the writer, the data
 * dictionary and the reader all follow this table.
 */
import { DRUG_NAMES, DRUGS, type DrugName, type Route } from '../../physiology/drug-catalog.js';

/** One column of the dataset. */
export interface NonmemColumn {
  readonly name: string;
  readonly unit: string;
  readonly description: string;
}

/** The columns, in file order: NONMEM's reserved items first, then the covariates. */
export const NONMEM_COLUMNS = [
  { name: 'ID', unit: '1', description: 'subject: one per patient and arm, numbered from 1' },
  {
    name: 'TIME',
    unit: 'h',
    description: 'time since 00:00 of day 0 (the first day of treatment), in hours',
  },
  {
    name: 'EVID',
    unit: '1',
    description: 'event identifier: 0 observation, 1 dose',
  },
  { name: 'AMT', unit: 'mcg', description: 'amount given (dose rows); "." on observation rows' },
  {
    name: 'RATE',
    unit: 'mcg/h',
    description: 'infusion rate (dose rows; 0 for a bolus); "." on observation rows',
  },
  {
    name: 'CMT',
    unit: '1',
    description:
      'compartment dosed: a drug and route, coded as in the dictionary’s "compartments"; "." on observation rows',
  },
  {
    name: 'DV',
    unit: 'see DVID',
    description: 'observed value (observation rows), in the unit of its DVID; "." on dose rows',
  },
  {
    name: 'MDV',
    unit: '1',
    description: 'missing dependent variable: 1 on dose rows, 0 on observation rows',
  },
  {
    name: 'DVID',
    unit: '1',
    description: 'which quantity DV is, coded as in the dictionary’s "observations"; 0 on dose rows',
  },
  { name: 'ARM', unit: '1', description: 'arm of the trial, numbered from 1 in the trial document’s order' },
  { name: 'PATIENT', unit: '1', description: 'index of the virtual patient in the trial, from 0' },
  { name: 'SEX', unit: '1', description: 'sex: 1 male, 2 female' },
  { name: 'AGE', unit: 'y', description: 'age at day 0, in years' },
  { name: 'WT', unit: 'kg', description: 'body weight at day 0' },
  { name: 'HT', unit: 'cm', description: 'height' },
  { name: 'BMI', unit: 'kg/m2', description: 'body-mass index at day 0' },
  { name: 'BFAT', unit: '%', description: 'body fat at day 0, percent of body weight' },
  { name: 'VFAT', unit: 'cm2', description: 'visceral fat area at day 0 (L4–L5 slice)' },
  {
    name: 'BIGF1',
    unit: 'ng/mL',
    description: 'baseline serum IGF-1 the patient was calibrated to; "." when the model set it',
  },
] as const satisfies readonly NonmemColumn[];

/** A column name. */
export type NonmemColumnName = (typeof NONMEM_COLUMNS)[number]['name'];

/** NONMEM's mark for a missing value. */
export const MISSING = '.';

/** The SEX codes. */
export const SEX_CODES = { male: 1, female: 2 } as const;

/** A dosed compartment: a drug by a route. */
export interface Compartment {
  readonly cmt: number;
  readonly drug: DrugName;
  readonly route: Route;
}

/** Every (drug, route) of the catalogue, numbered from 1 in catalogue order: stable across files. */
export const COMPARTMENTS: readonly Compartment[] = DRUG_NAMES.flatMap((drug) =>
  DRUGS[drug].routes.map((route) => ({ drug, route })),
).map((c, i) => ({ ...c, cmt: i + 1 }));

/** The CMT of a drug and route. */
export function compartmentOf(drug: DrugName, route: Route): number {
  const found = COMPARTMENTS.find((c) => c.drug === drug && c.route === route);
  if (found === undefined) throw new RangeError(`${drug} has no route ${route} in the drug catalogue`);
  return found.cmt;
}
