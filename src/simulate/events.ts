// SPDX-License-Identifier: MIT
/** Stage 3: lifestyle events and GHRH pulses from the burn-in's start to the run's end, and event-list helpers. */
import { Random } from '../engine/random.js';
import type { TimedEvent } from '../engine/types.js';
import {
  exerciseIntensityLt,
  lifestyleEvents,
  lifestyleSlots,
  mealKcal,
  STRESS_LEVEL,
  SWS_BY_QUALITY,
  type LifestyleChange,
} from '../physiology/clock-lifestyle.js';
import {
  generateGnrhPulses,
  gnrhPulseEvents,
  gnrhPulseSettings,
  type GnrhPulse,
} from '../physiology/gonadal.js';
import {
  generateGhrhPulses,
  ghrhPulseEvents,
  pulseSettings,
  type GhrhPulse,
} from '../physiology/hypothalamus.js';
import { clockToMinutes } from '../protocol/clock.js';
import type { LifestyleRecord } from '../protocol/lifestyle.js';
import type { Scenario } from '../scenario/schema.js';
import { runEndMin, type PreparedScenario } from './prepare.js';
import { BURN_IN_DAYS, MIN_PER_DAY } from './settings.js';
import { STREAM_GNRH, STREAM_PULSES, uniformOf, type Setup } from './setup.js';

/** Lifestyle events and GHRH pulses from the burn-in's start to the run's end (times in minutes). */
export interface Timeline {
  readonly startMin: number;
  readonly endMin: number;
  readonly changes: readonly LifestyleChange[];
  readonly lifestyle: readonly TimedEvent[];
  readonly pulses: readonly GhrhPulse[];
  readonly pulseEvents: readonly TimedEvent[];
  readonly gnrhPulses: readonly GnrhPulse[];
  /** Lifestyle, GHRH-pulse and GnRH-pulse events merged, sorted. */
  readonly background: readonly TimedEvent[];
  readonly drawMin: number;
  /**
   * Minute of the day of the fasting draw: the draw time, or the time of a meal eaten in the 4 hours before it
   * (the state just before that meal is the overnight fasting state the lab would have measured).
   */
  readonly fastingDrawMin: number;
}

/** Window before the draw in which a meal moves the fasting draw to just before that meal (minutes). */
const FASTING_WINDOW_MIN = 240;

/** The fasting draw's minute of the day (see {@link Timeline.fastingDrawMin}). */
export function fastingDrawMinute(scenario: Scenario, drawMin: number): number {
  const mealTimes = scenario.lifestyle.meals
    .map((m) => clockToMinutes(m.time))
    .filter((t) => t < drawMin && t >= drawMin - FASTING_WINDOW_MIN);
  return Math.min(drawMin, ...mealTimes);
}

/** A protocol lifestyle record in the physiology's terms. */
function toChange(r: LifestyleRecord): LifestyleChange {
  switch (r.kind) {
    case 'sleep_start':
      return { t_min: r.t_min, kind: 'sleep_start', quality: SWS_BY_QUALITY[r.quality] };
    case 'meal':
      return {
        t_min: r.t_min,
        kind: 'meal',
        kcal: mealKcal(r.carbs_g, r.fat_g, r.protein_g),
        carbs_g: r.carbs_g,
      };
    case 'exercise_start':
      return {
        t_min: r.t_min,
        kind: 'exercise_start',
        intensity_lt: exerciseIntensityLt(r.exercise, r.intensity),
      };
    case 'stress':
      return { t_min: r.t_min, kind: 'stress', level: STRESS_LEVEL[r.level] };
    default:
      return { t_min: r.t_min, kind: r.kind };
  }
}

/** Lifestyle (as {@link prepareScenario} expanded it) and pulses over [−burn-in, end]. */
export function buildTimeline(prepared: PreparedScenario, setup: Setup): Timeline {
  const { scenario } = prepared;
  const drawMin = clockToMinutes(scenario.monitoring.draw_time);
  const startMin = -BURN_IN_DAYS * MIN_PER_DAY;
  const endMin = runEndMin(scenario);
  const changes = prepared.lifestyle.map(toChange).filter((c) => c.t_min <= endMin);
  const lifestyle = lifestyleEvents(changes, lifestyleSlots(setup.model)).filter((e) => e.t <= endMin);
  const deterministic = scenario.model.pulse_generator === 'deterministic';
  const stream = (id: number) => (deterministic ? null : uniformOf(Random.fromSeed(scenario.seed).split(id)));
  const pulses = generateGhrhPulses(
    pulseSettings(setup.model, setup.p),
    changes,
    startMin,
    endMin,
    stream(STREAM_PULSES),
  );
  const pulseEvents = ghrhPulseEvents(pulses, setup.model.stateIndex('ghrh'));
  const gnrhPulses = generateGnrhPulses(
    gnrhPulseSettings(setup.model, setup.p),
    startMin,
    endMin,
    stream(STREAM_GNRH),
  );
  const gnrhEvents = gnrhPulseEvents(gnrhPulses, setup.model.stateIndex('gnrh'));
  const background = mergeEvents(lifestyle, pulseEvents, gnrhEvents);
  return {
    startMin,
    endMin,
    changes,
    lifestyle,
    pulses,
    pulseEvents,
    gnrhPulses,
    background,
    drawMin,
    fastingDrawMin: fastingDrawMinute(scenario, drawMin),
  };
}

/** Merges event lists (each sorted) into one sorted list; stable for equal times (earlier lists first). */
export function mergeEvents(...lists: (readonly TimedEvent[])[]): TimedEvent[] {
  return lists
    .flat()
    .map((event, order) => ({ event, order }))
    .sort((a, b) => a.event.t - b.event.t || a.order - b.order)
    .map(({ event }) => event);
}

/** Events with from ≤ t < to (the last segment also takes t = to). */
export function eventsIn(
  events: readonly TimedEvent[],
  from: number,
  to: number,
  last: boolean,
): TimedEvent[] {
  return events.filter((e) => e.t >= from && (e.t < to || (last && e.t === to)));
}
