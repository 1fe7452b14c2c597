// SPDX-License-Identifier: MIT
/**
 * The GH-axis case of issue 3 (item 7): one patient, 182 days, stochastic pulses, outputs every 10 minutes, the
 * whole composed model. The patient is the project's reference scenario, `examples/sermorelin-nightly.yaml`: a
 * 62-year-old man on sermorelin 300 µg SC at bedtime, 5 days on / 2 off, baseline IGF-1 105 ng/mL.
 *
 * The problem is the one `simulate()` integrates in its treatment stage, built by the same functions:
 * - model and parameter vector: simulate's `setUpPatient` (the patient's covariates and seeded random effects);
 * - initial state and inputs at day 0: simulate's `burnIn` (28 untreated days, IGF-1 calibrated to the baseline);
 * - events: the lifestyle and seeded GHRH-pulse events of simulate's `buildTimeline` and the engine events of the
 *   regimen's doses (the protocol layer's `expandRegimen`, then simulate's `eventsOfDoses`), merged by simulate's
 *   `mergeEvents` as its treatment stage does;
 * - ours runs with simulate's solver and options (`SOLVER`, `solverOptions`: DOPRI5, rtol 1e-3, atol 1e-4 with a
 *   finer atol for portal GHRH).
 * Two differences from simulate's own run, both immaterial to the timing: simulate also splits the run at the end
 * of the scenario's series window (day 2) and runs on to the last lab draw (day 182, 08:00); here it is one run
 * from day 0 to day 182.
 *
 * The stage `simulate:` times the whole pipeline (screening, setup, timeline, burn-in, treatment with its
 * reducers, result assembly) on the same scenario: the "about 100 ms per patient" goal of the issue.
 */
import { readFileSync } from 'node:fs';

import type { CompiledModel, ModelDefinition, TimedEvent } from '../../src/engine/types.js';
import { parseScenarioText, simulate, type Scenario } from '../../src/index.js';
import { modelDefinition } from '../../src/physiology/model.js';
import { expandRegimen } from '../../src/protocol/regimen.js';
import { eventsOfDoses } from '../../src/simulate/doses.js';
import { eventsIn, mergeEvents } from '../../src/simulate/events.js';
import { burnIn, buildTimeline, prepareScenario, setUpPatient, SOLVER } from '../../src/simulate/index.js';
import { solverOptions } from '../../src/simulate/settings.js';
import type { BenchCase, OurSolverName, Tolerances } from './types.js';

const MIN_PER_DAY = 1440;
const DAYS = 182;
const SAMPLE_INTERVAL_MIN = 10;
/** The project's reference scenario (a 62-year-old man, sermorelin 300 µg nightly, 5 on / 2 off, 182 days). */
const SCENARIO_FILE = new URL('../../examples/sermorelin-nightly.yaml', import.meta.url);
/** The goal for one patient on one core (milliseconds). */
const GOAL_MS_PER_PATIENT = 100;

/** The patient's problem at day 0, with every vector by name (the bench compiles its own copy of the model). */
interface PatientProblem {
  readonly parameters: Readonly<Record<string, number>>;
  readonly initialState: Readonly<Record<string, number>>;
  readonly initialInputs: Readonly<Record<string, number>>;
  /** Events in [0, day 182], sorted, with indices of simulate's compiled model. */
  readonly events: readonly TimedEvent[];
  /** The compiled model the event indices refer to. */
  readonly eventModel: CompiledModel;
}

let scenarioCache: Scenario | undefined;
let definitionCache: ModelDefinition | undefined;
let problemCache: PatientProblem | undefined;
let tolerancesCache: (Tolerances & { readonly solver: OurSolverName }) | undefined;

/** The reference scenario, parsed and normalised (defaults filled in) once. */
export function patientScenario(): Scenario {
  scenarioCache ??= parseScenarioText(readFileSync(SCENARIO_FILE, 'utf8'));
  return scenarioCache;
}

/** The model definition simulate() compiles for the scenario's drugs. */
function patientModelDefinition(): ModelDefinition {
  definitionCache ??= modelDefinition(setUpPatient(patientScenario()).drugs);
  return definitionCache;
}

/** Values of a vector by name. */
function byName(names: readonly string[], values: Float64Array): Record<string, number> {
  return Object.fromEntries(names.map((name, i) => [name, values[i]]));
}

/**
 * simulate()'s solver settings for the patient's model as bench tolerances: its rtol, the atol most states share,
 * and the states with their own atol by name.
 */
function simulateTolerances(): Tolerances & { readonly solver: OurSolverName } {
  if (tolerancesCache !== undefined) return tolerancesCache;
  const model = setUpPatient(patientScenario()).model;
  const { rtol, atol } = solverOptions(model);
  const common = mostFrequent(atol);
  const own = model.stateNames.flatMap((name, i) => (atol[i] === common ? [] : [[name, atol[i]] as const]));
  tolerancesCache = { solver: SOLVER, rtol, atol: common, atolStates: Object.fromEntries(own) };
  return tolerancesCache;
}

/** The most frequent value of a non-empty array. */
function mostFrequent(values: Float64Array): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].reduce((best, x) => (x[1] > best[1] ? x : best))[0];
}

/** Runs simulate's setup, timeline and burn-in stages once and keeps the treatment problem (about 0.2 s). */
export function patientProblem(): PatientProblem {
  if (problemCache !== undefined) return problemCache;
  const scenario = patientScenario();
  const setup = setUpPatient(scenario);
  const timeline = buildTimeline(prepareScenario({ scenario }), setup);
  const start = burnIn(scenario, setup, timeline, () => undefined);
  const t1 = DAYS * MIN_PER_DAY;
  const doses = eventsOfDoses(setup, expandRegimen(scenario));
  const { model } = setup;
  problemCache = {
    parameters: byName(model.parameterNames, setup.p),
    initialState: byName(model.stateNames, start.y),
    initialInputs: byName(model.inputNames, start.u),
    events: mergeEvents(eventsIn(timeline.background, 0, t1, true), eventsIn(doses, 0, t1, true)),
    eventModel: model,
  };
  return problemCache;
}

/** The problem's events with indices resolved on `model` by name (the bench's own compilation of the model). */
function eventsOn(model: CompiledModel): TimedEvent[] {
  const { events, eventModel } = patientProblem();
  return events.map((e) => ({
    ...e,
    index:
      e.target === 'state'
        ? model.stateIndex(eventModel.stateNames[e.index])
        : model.inputIndex(eventModel.inputNames[e.index]),
  }));
}

/** The case: ours at simulate()'s settings against CVODE Adams and BDF at equal accuracy, plus simulate() itself. */
export const ghAxisPatientCase: BenchCase = {
  name: 'gh-axis-patient-182d',
  description:
    'GH axis, whole model, one patient (62-year-old man, sermorelin 300 ug nightly 5 on / 2 off), 182 days, ' +
    'stochastic pulses, samples every 10 min',
  get model(): ModelDefinition {
    return patientModelDefinition();
  },
  events: eventsOn,
  t0Min: 0,
  t1Min: DAYS * MIN_PER_DAY,
  sampleIntervalMin: SAMPLE_INTERVAL_MIN,
  get parameters(): Readonly<Record<string, number>> {
    return patientProblem().parameters;
  },
  get initialState(): Readonly<Record<string, number>> {
    return patientProblem().initialState;
  },
  get initialInputs(): Readonly<Record<string, number>> {
    return patientProblem().initialInputs;
  },
  get ours(): Tolerances & { readonly solver: OurSolverName } {
    return simulateTolerances();
  },
  peers: ['cvode-adams', 'cvode-bdf'],
  peerTolerances: 'matched',
  reference: { solver: 'dopri5', rtol: 1e-11, atol: 1e-14 },
  goalSpeedup: 3,
  stages: [
    {
      name: 'simulate',
      label: `simulate() end to end, ${DAYS} days`,
      run: () => void simulate(patientScenario()),
      goalMs: GOAL_MS_PER_PATIENT,
    },
  ],
};
