// SPDX-License-Identifier: MIT
/** Dose records of the protocol layer turned into engine events on the drugs' depots and infusion inputs. */
import type { TimedEvent } from '../engine/types.js';
import { doseEvents, type DoseSlots } from '../physiology/drug-model.js';
import { DRUG_MODELS } from '../physiology/model.js';
import type { DoseRecord } from '../protocol/regimen.js';
import type { Setup } from './setup.js';

/** Engine slots of each (drug, route) the doses use. */
function doseSlotsOf(setup: Setup, doses: readonly DoseRecord[]): Map<string, DoseSlots> {
  const slots = new Map<string, DoseSlots>();
  const parameter = (name: string): number => setup.p[setup.model.parameterIndex(name)];
  for (const dose of doses) {
    const key = `${dose.drug}/${dose.route}`;
    const route = DRUG_MODELS[dose.drug]?.routes[dose.route];
    if (slots.has(key) || route === undefined) continue;
    const f = route.bioavailabilityParameter === undefined ? 1 : parameter(route.bioavailabilityParameter);
    slots.set(key, {
      bolusState: setup.model.stateIndex(route.bolusState),
      infusionInput:
        route.infusionInput === undefined ? undefined : setup.model.inputIndex(route.infusionInput),
      bolusFactor: f * (route.scale ? route.scale(parameter) : 1),
    });
  }
  return slots;
}

/** Engine events of modelled doses (doses of drugs without a model give none). */
export function eventsOfDoses(setup: Setup, doses: readonly DoseRecord[]): TimedEvent[] {
  const slots = doseSlotsOf(setup, doses);
  return doses.flatMap((dose) => {
    const s = slots.get(`${dose.drug}/${dose.route}`);
    return s ? doseEvents(dose, s) : [];
  });
}
