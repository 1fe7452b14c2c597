// SPDX-License-Identifier: MIT
/**
 * The shape every drug file shares: a pharmacokinetic sub-model (absorption depots per route, a central amount,
 * first-order elimination), the receptor it acts on with its potency, and a descriptor that says where a dose goes
 * for each route. {@link pkSubModel} builds the common sub-model from a declarative spec so each drug file states
 * only its numbers and their sources.
 *
 * Names generated for a drug `d`: states `d_central` (µg) and `d_depot_<route>` (µg; `_2` for a second transit
 * depot); parameters `d_k_elim`, `d_vd_l_kg`, `d_f_<route>`, `d_ka_<route>`, `d_ec50_ng_ml`; inputs
 * `d_infusion_<route>` (µg/min); assignments `d_conc` (ng/mL) and `d_load` (concentration over EC50); output
 * `d_ng_ml`.
 */
import type {
  EvidenceLevel,
  ParameterDecl,
  RateDecl,
  StateDecl,
  SubModel,
  TimedEvent,
} from '../engine/types.js';
import { receptorTargetOf, type DrugName, type ReceptorTarget, type Route } from './drug-catalog.js';
import { input, param, state } from './declare.js';

/** A number with its provenance, as a drug spec gives it. */
export interface Sourced {
  readonly value: number;
  readonly source: string;
  readonly evidence: EvidenceLevel;
}

export type { DrugTarget, ReceptorTarget } from './drug-catalog.js';

/** What a receptor load is called in descriptions. */
const RECEPTOR_LABEL: Readonly<Record<ReceptorTarget, string>> = {
  ghrhr: 'GHRH receptor',
  ghsr: 'GHS receptor',
  lhcgr: 'LH/hCG receptor',
  estrogen_receptor: 'hypothalamic oestrogen receptor',
};

/** An extravascular route: bioavailability, absorption rate, number of transit depots. */
export interface AbsorptionSpec {
  readonly route: Exclude<Route, 'iv'>;
  readonly bioavailability: Sourced;
  /** First-order absorption rate constant of each depot (1/min). */
  readonly ka: Sourced;
  /** 1: one depot (Bateman); 2: two depots in series (a delayed, gamma-shaped absorption). */
  readonly transits: 1 | 2;
}

/** A drug's pharmacokinetics and receptor potency, every number sourced. */
export interface PkSpec {
  readonly drug: DrugName;
  readonly description: string;
  /** Molar mass (g/mol), for converting molar potencies; documentation only. */
  readonly molarMassGMol: number;
  readonly halfLifeMin: Sourced;
  /** Central volume per kg body weight (L/kg). */
  readonly volumeLPerKg: Sourced;
  readonly absorption: readonly AbsorptionSpec[];
  /** True when the drug may be given intravenously (bolus into, or infusion to, the central compartment). */
  readonly intravenous: boolean;
  /** Plasma concentration (ng/mL) giving half-maximal receptor occupancy. */
  readonly ec50NgMl: Sourced;
  /** Off-target ACTH/cortisol and prolactin release (hexarelin, GHRP-6): EC50s in ng/mL. */
  readonly cortisolEc50NgMl?: Sourced;
  readonly prolactinEc50NgMl?: Sourced;
}

/** Where one route's doses go. */
export interface DoseRoute {
  /** State receiving a bolus, in µg (or in the state's unit after `scale`). */
  readonly bolusState: string;
  /** Parameter holding the bioavailability of the route; absent for 1 (intravenous). */
  readonly bioavailabilityParameter?: string;
  /** Input receiving an infusion rate (µg/min); absent when the route cannot be infused. */
  readonly infusionInput?: string;
  /**
   * Extra factor on bolus amounts, from the parameter vector (e.g. 1/volume when the bolus goes straight into a
   * concentration state). Default 1.
   */
  readonly scale?: (parameter: (name: string) => number) => number;
}

/** What the rest of the program needs to know of a drug's model. */
export interface DrugModel {
  readonly drug: DrugName;
  readonly subModel: SubModel;
  /** Potency at the target receptor: plasma concentration (ng/mL) of half-maximal occupancy; absent for rhGH. */
  readonly ec50NgMl?: number;
  /** Assignment giving the receptor load (concentration over EC50); absent for rhGH, which is GH itself. */
  readonly receptorLoad?: string;
  readonly cortisolLoad?: string;
  readonly prolactinLoad?: string;
  /** Assignment of a load acting on GnRH-driven LH/FSH release (the optional sermorelin effect). */
  readonly gonadotropinLoad?: string;
  /** Assignment of exogenous testosterone entering plasma (ng/dL/min), for testosterone esters. */
  readonly testosteroneInflow?: string;
  readonly routes: Partial<Record<Route, DoseRoute>>;
  /** Output with the plasma concentration, e.g. `sermorelin_ng_ml`. */
  readonly concentrationOutput: string;
}

const sourcedParam = (name: string, s: Sourced, unit: string, description: string): ParameterDecl =>
  param(name, s.value, unit, description, s.source, s.evidence);

function depotName(drug: string, route: string, transit: number): string {
  return transit === 1 ? `${drug}_depot_${route}` : `${drug}_depot_${route}_${transit}`;
}

/** States, parameters, inputs and rates of one absorption route. */
function absorptionParts(d: string, a: AbsorptionSpec) {
  const first = depotName(d, a.route, 1);
  const last = depotName(d, a.route, a.transits);
  const ka = `${d}_ka_${a.route}`;
  const f = `${d}_f_${a.route}`;
  const infusion = a.route === 'oral' ? undefined : `${d}_infusion_${a.route}`;
  const states: StateDecl[] = [state(first, 'ug', `${d} in the ${a.route} absorption depot`, 0)];
  const rates: RateDecl[] = [{ state: first, expr: `-${ka} * ${first}` }];
  if (infusion) rates.push({ state: first, expr: `${f} * ${infusion}` });
  if (a.transits === 2) {
    states.push(state(last, 'ug', `${d} in the second ${a.route} transit depot`, 0));
    rates.push({ state: last, expr: `${ka} * ${first} - ${ka} * ${last}` });
  }
  rates.push({ state: `${d}_central`, expr: `${ka} * ${last}` });
  return {
    states,
    rates,
    parameters: [
      sourcedParam(f, a.bioavailability, '1', `${a.route} bioavailability of ${d}`),
      sourcedParam(ka, a.ka, '1/min', `${a.route} absorption rate constant of ${d} (per depot)`),
    ],
    inputs: infusion ? [input(infusion, 'ug/min', `${a.route} infusion rate of ${d}`)] : [],
    route: {
      bolusState: first,
      bioavailabilityParameter: f,
      ...(infusion ? { infusionInput: infusion } : {}),
    },
  };
}

/** Off-target (cortisol, prolactin) parameters and load assignments of a spec. */
function offTargetParts(d: string, spec: PkSpec) {
  const parameters: ParameterDecl[] = [];
  const assignments: { name: string; expr: string; unit: string; description: string }[] = [];
  const loads: { cortisolLoad?: string; prolactinLoad?: string } = {};
  if (spec.cortisolEc50NgMl) {
    parameters.push(
      sourcedParam(`${d}_cortisol_ec50_ng_ml`, spec.cortisolEc50NgMl, 'ng/mL', `${d} EC50 for ACTH/cortisol`),
    );
    assignments.push({
      name: `${d}_cortisol_load`,
      expr: `${d}_conc / ${d}_cortisol_ec50_ng_ml`,
      unit: '1',
      description: `${d} load on the ACTH/cortisol pathway`,
    });
    loads.cortisolLoad = `${d}_cortisol_load`;
  }
  if (spec.prolactinEc50NgMl) {
    parameters.push(
      sourcedParam(`${d}_prolactin_ec50_ng_ml`, spec.prolactinEc50NgMl, 'ng/mL', `${d} EC50 for prolactin`),
    );
    assignments.push({
      name: `${d}_prolactin_load`,
      expr: `${d}_conc / ${d}_prolactin_ec50_ng_ml`,
      unit: '1',
      description: `${d} load on prolactin release`,
    });
    loads.prolactinLoad = `${d}_prolactin_load`;
  }
  return { parameters, assignments, loads };
}

/** Builds a drug's sub-model and descriptor from its spec. */
export function pkSubModel(spec: PkSpec): DrugModel {
  const d = spec.drug;
  const central = `${d}_central`;
  const absorption = spec.absorption.map((a) => absorptionParts(d, a));
  const offTarget = offTargetParts(d, spec);
  const ivInput = `${d}_infusion_iv`;
  const routes: Partial<Record<Route, DoseRoute>> = {};
  spec.absorption.forEach((a, i) => (routes[a.route] = absorption[i].route));
  if (spec.intravenous) routes.iv = { bolusState: central, infusionInput: ivInput };
  const subModel: SubModel = {
    name: `drug-${d}`,
    description: spec.description,
    states: [
      ...absorption.flatMap((a) => a.states),
      state(central, 'ug', `${d} in the central compartment`, 0),
    ],
    inputs: [
      ...absorption.flatMap((a) => a.inputs),
      ...(spec.intravenous ? [input(ivInput, 'ug/min', `intravenous infusion rate of ${d}`)] : []),
    ],
    parameters: [
      sourcedParam(
        `${d}_k_elim`,
        {
          ...spec.halfLifeMin,
          value: Math.LN2 / spec.halfLifeMin.value,
        },
        '1/min',
        `elimination rate constant of ${d} (ln 2 / ${spec.halfLifeMin.value} min)`,
      ),
      sourcedParam(`${d}_vd_l_kg`, spec.volumeLPerKg, 'L/kg', `central volume of ${d} per kg body weight`),
      sourcedParam(
        `${d}_ec50_ng_ml`,
        spec.ec50NgMl,
        'ng/mL',
        `${d} concentration half-occupying its receptor`,
      ),
      ...absorption.flatMap((a) => a.parameters),
      ...offTarget.parameters,
    ],
    assignments: [
      {
        name: `${d}_conc`,
        expr: `${central} / (${d}_vd_l_kg * body_weight_kg)`,
        unit: 'ng/mL',
        description: `plasma ${d}`,
      },
      {
        name: `${d}_load`,
        expr: `${d}_conc / ${d}_ec50_ng_ml`,
        unit: '1',
        description: `${d} load on the ${RECEPTOR_LABEL[receptorTargetOf(d)]}`,
      },
      ...offTarget.assignments,
    ],
    rates: [
      ...absorption.flatMap((a) => a.rates),
      { state: central, expr: `-${d}_k_elim * ${central}` },
      ...(spec.intravenous ? [{ state: central, expr: ivInput }] : []),
    ],
    outputs: [{ name: `${d}_ng_ml`, expr: `${d}_conc`, unit: 'ng/mL', description: `plasma ${d}` }],
  };
  return {
    drug: d,
    subModel,
    ec50NgMl: spec.ec50NgMl.value,
    receptorLoad: `${d}_load`,
    ...offTarget.loads,
    routes,
    concentrationOutput: `${d}_ng_ml`,
  };
}

/**
 * One administration, as the model consumes it. The protocol layer expands a regimen into these records
 * (`protocol/regimen.ts`, which re-exports the type); the type lives here, below it, so the model takes them as
 * they are.
 */
export interface DoseRecord {
  /** Start of the administration, minutes from 00:00 of day 0. */
  readonly t_min: number;
  readonly drug: DrugName;
  /** Amount in micrograms, after unit and body-weight conversion. */
  readonly amount_mcg: number;
  readonly route: Route;
  /** 0 for a bolus; otherwise a constant-rate infusion lasting this many minutes. */
  readonly over_min: number;
  /** Index of the regimen line (in `Regimen.lines`, i.e. `scenario.regimen`) the dose comes from. */
  readonly line: number;
}

/** Engine slots a drug's doses need. */
export interface DoseSlots {
  readonly bolusState: number;
  readonly infusionInput: number | undefined;
  /** Amount factor of a bolus: bioavailability × scale. */
  readonly bolusFactor: number;
}

/**
 * Engine events of one dose: a bolus is one `add` on the route's first depot (amount × bioavailability); an
 * infusion (`over_min > 0`) adds its rate (µg/min) to the route's infusion input at the start and removes it at
 * the end, so overlapping infusions sum.
 * @throws RangeError when the route has no infusion input.
 */
export function doseEvents(dose: DoseRecord, slots: DoseSlots): TimedEvent[] {
  if (dose.over_min <= 0) {
    return [
      {
        t: dose.t_min,
        target: 'state',
        index: slots.bolusState,
        op: 'add',
        value: dose.amount_mcg * slots.bolusFactor,
      },
    ];
  }
  if (slots.infusionInput === undefined) {
    throw new RangeError(
      `${dose.drug} cannot be infused by the ${dose.route} route (over_min ${dose.over_min})`,
    );
  }
  const rate = dose.amount_mcg / dose.over_min;
  return [
    { t: dose.t_min, target: 'input', index: slots.infusionInput, op: 'add', value: rate },
    { t: dose.t_min + dose.over_min, target: 'input', index: slots.infusionInput, op: 'add', value: -rate },
  ];
}
