// SPDX-License-Identifier: MIT
/**
 * The choices the scenario form offers, read from the scenario contract's zod-free vocabulary (drugs with their
 * labels, routes and IU conversion; conditions, dose units, weekdays), so the form and the schema cannot differ.
 */
import {
  CONDITIONS,
  DOSE_UNITS,
  DRUGS,
  DRUG_NAMES,
  ROUTES,
  SEXES,
  WEEKDAYS,
  isDrugName,
} from '../../../src/scenario/vocabulary.js';
import type { DoseUnit, DrugName, Route, Weekday } from '../../../src/scenario/vocabulary.js';

/** Every drug a regimen line may name, in the catalogue's order; conditions, dose units, sexes and weekdays. */
export { CONDITIONS, DOSE_UNITS, DRUG_NAMES, SEXES, WEEKDAYS };
/** Names of drugs, routes, weekdays and dose units of the contract. */
export type { DoseUnit, DrugName, Route, Weekday };

/** The human-readable name of a drug (its own name when unknown). */
export function drugLabel(name: string): string {
  return isDrugName(name) ? DRUGS[name].label : name;
}

/** The routes a drug really has (all four for an unknown name, so the form still shows something). */
export function drugRoutes(name: string): readonly Route[] {
  return isDrugName(name) ? DRUGS[name].routes : ROUTES;
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
