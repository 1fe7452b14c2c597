// SPDX-License-Identifier: MIT
/**
 * The shared model of an oil-based testosterone ester injected IM or SC: two depots in series per route, a fast
 * one (so the plasma peak comes days after the injection, not at once) and a slow one whose release rate sets the
 * terminal half-life (flip-flop kinetics: testosterone itself is cleared within hours), releasing testosterone
 * that enters total testosterone
 * (`gonadal.ts`), where it is cleared with the endogenous hormone and suppresses LH and FSH by feedback. Each ester
 * differs in its molar mass (the share of testosterone in each milligram) and its release rate.
 */
import type { EvidenceLevel, SubModel } from '../engine/types.js';
import type { DrugName } from './drug-catalog.js';
import { input, param, state } from './declare.js';
import type { DrugModel } from './drug-model.js';

/** A sourced number. */
interface Sourced {
  readonly value: number;
  readonly source: string;
  readonly evidence: EvidenceLevel;
}

/** What sets one ester apart. */
export interface TestosteroneEsterSpec {
  readonly drug: DrugName;
  /** Name used in descriptions, e.g. `testosterone cypionate`. */
  readonly label: string;
  readonly molarMassGMol: number;
  /** Rate constant (1/min) of the first depot: the ester reaching the release site, the same for IM and SC. */
  readonly ka: Sourced;
  /** Release rate constant (1/min) of the second depot: it sets the terminal half-life after an injection. */
  readonly kRelease: Sourced;
  /** Bioavailability after IM and SC injection. */
  readonly bioavailability: { readonly im: Sourced; readonly sc: Sourced };
}

const TESTOSTERONE_G_MOL = 288.4;

/** Bioavailability of an oil depot of a testosterone ester, IM and SC. */
export const OIL_DEPOT_BIOAVAILABILITY: TestosteroneEsterSpec['bioavailability'] = {
  im: {
    value: 1,
    source: 'assumption: an IM oil depot is fully absorbed (label, recalled)',
    evidence: 'moderate',
  },
  sc: {
    value: 1,
    source: 'assumption: SC testosterone esters give exposure similar to IM (recalled)',
    evidence: 'weak',
  },
};

/** The sub-model and dose descriptor of one testosterone ester. */
export function testosteroneEster(spec: TestosteroneEsterSpec): DrugModel {
  const d = spec.drug;
  const depot = (route: 'im' | 'sc', transit: 1 | 2): string =>
    transit === 1 ? `${d}_depot_${route}` : `${d}_depot_${route}_2`;
  const fraction = `${d}_testosterone_fraction`;
  const kRelease = `${d}_k_release`;
  const routeParts = (['im', 'sc'] as const).map((route) => {
    const ka = `${d}_ka_${route}`;
    const f = `${d}_f_${route}`;
    const infusion = `${d}_infusion_${route}`;
    const routeName = route === 'im' ? 'IM' : 'SC';
    return {
      route,
      ka,
      f,
      infusion,
      states: [
        state(depot(route, 1), 'ug', `${spec.label} in the first ${routeName} depot`, 0),
        state(depot(route, 2), 'ug', `${spec.label} in the second ${routeName} depot`, 0),
      ],
      inputs: [input(infusion, 'ug/min', `${routeName} delivery rate (for infusions; not clinical)`)],
      parameters: [
        param(
          f,
          spec.bioavailability[route].value,
          '1',
          `${routeName} bioavailability of the ester`,
          spec.bioavailability[route].source,
          spec.bioavailability[route].evidence,
        ),
        param(
          ka,
          spec.ka.value,
          '1/min',
          `${routeName} transit rate constant (per depot)`,
          spec.ka.source,
          spec.ka.evidence,
        ),
      ],
      rates: [
        { state: depot(route, 1), expr: `${f} * ${infusion} - ${ka} * ${depot(route, 1)}` },
        { state: depot(route, 2), expr: `${ka} * ${depot(route, 1)} - ${kRelease} * ${depot(route, 2)}` },
      ],
    };
  });
  const release = `${d}_release`;
  const inflow = `${d}_inflow`;
  const subModel: SubModel = {
    name: `drug-${d}`,
    description: `${spec.label}: IM or SC transit depots releasing testosterone into plasma.`,
    states: routeParts.flatMap((r) => r.states),
    inputs: routeParts.flatMap((r) => r.inputs),
    parameters: [
      ...routeParts.flatMap((r) => r.parameters),
      param(
        kRelease,
        spec.kRelease.value,
        '1/min',
        'release rate constant of the second depot (terminal half-life of the ester)',
        spec.kRelease.source,
        spec.kRelease.evidence,
      ),
      param(
        fraction,
        TESTOSTERONE_G_MOL / spec.molarMassGMol,
        '1',
        `testosterone mass per mass of ${spec.label}`,
        `molar masses: testosterone ${TESTOSTERONE_G_MOL}, ${spec.label} ${spec.molarMassGMol} g/mol`,
        'strong',
      ),
    ],
    assignments: [
      {
        name: release,
        expr: `${fraction} * ${kRelease} * (${routeParts.map((r) => depot(r.route, 2)).join(' + ')})`,
        unit: 'ug/min',
        description: 'testosterone released from the depots',
      },
      {
        name: inflow,
        expr: `${release} * 1000 / (testosterone_vd_l_kg * body_weight_kg * 10)`,
        unit: 'ng/dL/min',
        description: 'exogenous testosterone entering plasma, as a concentration rate',
      },
    ],
    rates: routeParts.flatMap((r) => r.rates),
    outputs: [
      {
        name: `${release}_ug_min`,
        expr: release,
        unit: 'ug/min',
        description: `testosterone released from the ${spec.label} depots`,
      },
    ],
  };
  const routes = Object.fromEntries(
    routeParts.map((r) => [
      r.route,
      { bolusState: depot(r.route, 1), bioavailabilityParameter: r.f, infusionInput: r.infusion },
    ]),
  );
  return { drug: d, subModel, testosteroneInflow: inflow, routes, concentrationOutput: 'testosterone_ng_dl' };
}
