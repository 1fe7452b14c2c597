// SPDX-License-Identifier: MIT
/**
 * A scenario as SBML: the model for its drugs and optional effects, the patient's parameters, and every timed
 * input of the treatment run as an event, so that another SBML simulator reproduces `endotwin simulate`'s run
 * from day 0.
 *
 * The burn-in (stage 4 of `simulate`) is run here, by endotwin: it rescales parameters between its weeks to match
 * the baseline labs, which SBML cannot express. The document therefore starts at day 0, 00:00 with the
 * calibrated parameters and the burn-in's end state as initial values, and holds the events of days 0 to the end:
 * sleep, meals, exercise, stress and fasting changes, the seeded GHRH and GnRH pulses, and the doses.
 */
import { planModel } from '../../../engine/compile.js';
import type { TimedEvent } from '../../../engine/types.js';
import { gnrhPulseEvents } from '../../../physiology/gonadal.js';
import { modelDefinition, type OptionalEffect } from '../../../physiology/model.js';
import { expandRegimen, type DoseRecord } from '../../../protocol/regimen.js';
import { ScenarioError } from '../../../scenario/parse.js';
import type { Scenario } from '../../../scenario/schema.js';
import { burnIn } from '../../../simulate/burn-in.js';
import { eventsOfDoses } from '../../../simulate/doses.js';
import { buildTimeline, type Timeline } from '../../../simulate/events.js';
import { BURN_IN_DAYS } from '../../../simulate/settings.js';
import { applyParameterOverrides, mergedOverrides } from '../../../simulate/overrides.js';
import { prepareScenario } from '../../../simulate/prepare.js';
import { setUpPatient, type Setup } from '../../../simulate/setup.js';
import { endotwinRestarts } from '../import/endotwin-run.js';
import { writeSbml, type LabelledEvent } from './document.js';

/** Options of {@link scenarioSbml}. */
export interface ScenarioSbmlOptions {
  /** Called with the burn-in's progress (0–1). */
  readonly onProgress?: (fraction: number) => void;
}

/** Words for the lifestyle changes, used as event names. */
const CHANGE_LABELS: Readonly<Record<string, string>> = {
  sleep_start: 'sleep onset',
  sleep_end: 'waking',
  meal: 'meal',
  exercise_start: 'exercise start',
  exercise_end: 'exercise end',
  stress: 'stress',
  fast_start: 'fast start',
  fast_end: 'fast end',
};

const inRun = (end: number) => (e: TimedEvent) => e.t >= 0 && e.t <= end;

/** The lifestyle events from day 0, named after the changes at their time. */
function lifestyleEvents(timeline: Timeline): LabelledEvent[] {
  const labels = new Map<number, string[]>();
  for (const c of timeline.changes) {
    const list = labels.get(c.t_min) ?? [];
    list.push(CHANGE_LABELS[c.kind] ?? c.kind);
    labels.set(c.t_min, list);
  }
  return timeline.lifestyle.filter(inRun(timeline.endMin)).map((event) => ({
    event,
    label: [...new Set(labels.get(event.t) ?? ['lifestyle'])].join(', '),
  }));
}

/** The GnRH pulses' events (the timeline keeps them only merged with the others). */
function gnrhEvents(setup: Setup, timeline: Timeline): TimedEvent[] {
  return gnrhPulseEvents(timeline.gnrhPulses, setup.model.stateIndex('gnrh'));
}

function doseLabel(dose: DoseRecord): string {
  const over = dose.over_min > 0 ? ` over ${dose.over_min} min` : '';
  return `dose: ${dose.drug} ${dose.amount_mcg} mcg ${dose.route}${over}`;
}

/** Every event of the treatment run, in the order `simulate` applies them at equal times. */
function runEvents(scenario: Scenario, setup: Setup, timeline: Timeline): LabelledEvent[] {
  const end = timeline.endMin;
  const labelled = (events: readonly TimedEvent[], label: string): LabelledEvent[] =>
    events.filter(inRun(end)).map((event) => ({ event, label }));
  const doses = expandRegimen(scenario).filter((d) => d.t_min <= end);
  const all = [
    ...lifestyleEvents(timeline),
    ...labelled(timeline.pulseEvents, 'GHRH pulse'),
    ...labelled(gnrhEvents(setup, timeline), 'GnRH pulse'),
    ...doses.flatMap((dose) => labelled(eventsOfDoses(setup, [dose]), doseLabel(dose))),
  ];
  // A stable sort keeps the engine's order at equal times: lifestyle, GHRH, GnRH, doses.
  return all
    .map((e, order) => ({ e, order }))
    .sort((a, b) => a.e.event.t - b.e.event.t || a.order - b.order)
    .map(({ e }) => e);
}

/** Values of the compiled model's vector, reordered to the plan's names. */
function byName(
  names: readonly string[],
  indexOf: (name: string) => number,
  values: Float64Array,
): Float64Array {
  return Float64Array.from(names, (name) => values[indexOf(name)]);
}

/**
 * The SBML document of a scenario's treatment run (days 0 to the end), after an endotwin burn-in.
 * @throws ScenarioError (path `titration`) for a titrated scenario: its doses depend on the simulated IGF-1.
 */
export function scenarioSbml(scenario: Scenario, options: ScenarioSbmlOptions = {}): string {
  if (scenario.titration !== undefined) {
    throw new ScenarioError([
      {
        path: 'titration',
        message:
          'a titrated scenario cannot be exported: its doses follow the simulated IGF-1, which SBML events ' +
          'fixed in advance cannot do; remove titration (and set the doses) to export it',
      },
    ]);
  }
  // The scenario's own parameter values, set as `simulate` sets them (before the burn-in).
  const setup = setUpPatient(scenario, mergedOverrides(scenario, undefined));
  applyParameterOverrides(scenario, setup, scenario.parameters, 'parameters');
  const timeline = buildTimeline(prepareScenario({ scenario }), setup);
  const onProgress = options.onProgress;
  const totalMin = BURN_IN_DAYS * 1440;
  const baseline = burnIn(scenario, setup, timeline, (from, to) =>
    onProgress === undefined
      ? undefined
      : (fraction: number) => onProgress((from + totalMin + fraction * (to - from)) / totalMin),
  );
  const { model } = setup;
  const plan = planModel(modelDefinition(setup.drugs, setup.optionalEffects as OptionalEffect[]));
  const events = runEvents(scenario, setup, timeline);
  return writeSbml({
    plan,
    parameterValues: byName(
      plan.parameters.map((p) => p.name),
      (n) => model.parameterIndex(n),
      setup.p,
    ),
    initialState: byName(
      plan.states.map((s) => s.name),
      (n) => model.stateIndex(n),
      baseline.y,
    ),
    initialInputs: byName(
      plan.inputs.map((u) => u.name),
      (n) => model.inputIndex(n),
      baseline.u,
    ),
    events,
    notes: [
      `Scenario "${scenario.name}" (seed ${scenario.seed}) on ${plan.name}, exported from endotwin.`,
      `Time 0 is 00:00 of day 0; the run ends at ${timeline.endMin} min (day ${timeline.endMin / 1440}). ` +
        `endotwin ran the ${BURN_IN_DAYS}-day untreated burn-in: the parameter values are the calibrated ones ` +
        'and the initial values are the state at day 0.',
      `${events.length} timed changes (sleep, meals, exercise, stress, fasting, the seeded GHRH and GnRH pulses ` +
        'and the doses) are events; changes at one time are one event.',
      'Research and education software, not a medical device.',
    ],
    modelAnnotation: {
      scenario: scenario.name,
      seed: String(scenario.seed),
      endMin: String(timeline.endMin),
      sampleEveryMin: String(scenario.output.sample_every_min),
      // Where simulate starts a new solver segment: an importer reproducing its steps restarts there.
      restartsMin: endotwinRestarts(scenario).join(' '),
    },
  });
}
