// SPDX-License-Identifier: MIT
/**
 * The choices the scenario form offers. Per drug (label, routes, IU conversion) they come from the static drug
 * catalogue the scenario layer validates against, a plain data module. The condition, unit and weekday lists are
 * repeated here rather than imported from the zod schema module, which would put zod in the browser bundle; the
 * type assertions below fail the type check as soon as a list and the contract differ.
 */
import { DRUGS, DRUG_NAMES } from '../../../src/physiology/drug-catalog.js';
import type { DrugName, Route } from '../../../src/physiology/drug-catalog.js';
import type { Condition, Dose, Weekday } from '../../../src/scenario/schema.js';

/** Every drug a regimen line may name, in the catalogue's order. */
export { DRUG_NAMES };
/** Names of drugs, routes and weekdays of the contract. */
export type { DrugName, Route, Weekday };
/** A dose unit of the contract (`mcg`, `mg`, `iu`, `mcg_per_kg`, `mg_per_kg`). */
export type DoseUnit = Dose['unit'];

/** `true` only when A and B are the same union. */
type SameUnion<A, B> = [Exclude<A, B>, Exclude<B, A>] extends [never, never] ? true : false;

/** Patient conditions of the contract, in the schema's order. */
export const CONDITIONS = [
  'pregnancy',
  'lactation',
  'active_malignancy',
  'type2_diabetes',
  'impaired_fasting_glucose',
  'gh_deficiency',
  'hypogonadism',
  'recent_anabolic_steroid_use',
  'hypothyroidism',
] as const satisfies readonly Condition[];

/** Dose units of the contract. */
export const DOSE_UNITS = [
  'mcg',
  'mg',
  'iu',
  'mcg_per_kg',
  'mg_per_kg',
] as const satisfies readonly DoseUnit[];

/** Weekdays, Monday first. */
export const WEEKDAYS = [
  'mon',
  'tue',
  'wed',
  'thu',
  'fri',
  'sat',
  'sun',
] as const satisfies readonly Weekday[];

// Compile-time guards: each list covers its whole union (the `satisfies` above rule out extra names).
const conditionsComplete: SameUnion<(typeof CONDITIONS)[number], Condition> = true;
const unitsComplete: SameUnion<(typeof DOSE_UNITS)[number], DoseUnit> = true;
const weekdaysComplete: SameUnion<(typeof WEEKDAYS)[number], Weekday> = true;
void [conditionsComplete, unitsComplete, weekdaysComplete];

/** `true` when `name` is one of the drugs a regimen line may name. */
export function isDrugName(name: unknown): name is DrugName {
  return typeof name === 'string' && (DRUG_NAMES as readonly string[]).includes(name);
}

/** The human-readable name of a drug (its own name when unknown). */
export function drugLabel(name: string): string {
  return isDrugName(name) ? DRUGS[name].label : name;
}

/** The routes a drug really has (all four for an unknown name, so the form still shows something). */
export function drugRoutes(name: string): readonly Route[] {
  return isDrugName(name) ? DRUGS[name].routes : ['sc', 'iv', 'im', 'oral'];
}

/** The dose units a drug accepts: IU only for drugs with an IU conversion. */
export function drugUnits(name: string): readonly DoseUnit[] {
  const iu = isDrugName(name) && DRUGS[name].mcgPerIu !== undefined;
  return DOSE_UNITS.filter((u) => u !== 'iu' || iu);
}

/** Dose units as the form shows them. */
export const UNIT_LABELS: Readonly<Record<DoseUnit, string>> = {
  mcg: 'mcg',
  mg: 'mg',
  iu: 'IU',
  mcg_per_kg: 'mcg/kg',
  mg_per_kg: 'mg/kg',
};

/** Short route names for the route menu. */
export const ROUTE_LABELS: Readonly<Record<Route, string>> = {
  sc: 'SC',
  iv: 'IV',
  im: 'IM',
  oral: 'oral',
};
