// SPDX-License-Identifier: MIT
/**
 * Clock and lifestyle: the inputs every other sub-model reads (sleep, exercise intensity, stress,
 * fasting), the gut content that meals fill, and the time of day. Sleep, exercise, stress and fasting are
 * piecewise-constant engine inputs switched by events; a meal is an `add` event on the gut energy (which empties
 * with first-order kinetics) and on the stomach's solid carbohydrate, and a `set` event on the size of the last meal.
 *
 * Meal carbohydrate follows the gastro-intestinal model of Dalla Man, Rizza & Cobelli 2007 (normal-subject values
 * of its Table 1): solid stomach content is ground into a liquid phase (rate k_gri), which empties into the small
 * intestine at a rate that depends on how much of the meal is still in the stomach,
 * `k_empt = k_min + (k_max − k_min)/2 · [tanh(α(Q_sto − b·D)) − tanh(β(Q_sto − d·D)) + 2]` with
 * `α = 5 / (2D(1 − b))`, `β = 5 / (2D·d)` and D the carbohydrate of the last meal: emptying is fast at first, slows
 * to k_min while most of the meal is in the stomach, and speeds up again at its end. Intestinal glucose is absorbed
 * at rate k_abs. The slow middle phase spreads the rate of appearance over 2–4 h instead of a single early peak.
 * {@link lifestyleEvents} turns a plain lifestyle schedule into those events.
 */
import { MIN_PER_DAY } from '../engine/time.js';
import type { CompiledModel, SubModel, TimedEvent } from '../engine/types.js';
import { input, param, rateFromHalfLife, state } from './declare.js';

/** Minutes in a day. */
export { MIN_PER_DAY };

/** The clock and lifestyle sub-model. */
export const clockLifestyle: SubModel = {
  name: 'clock-lifestyle',
  description:
    'Time of day, sleep, meals (gut content), exercise intensity, stress and fasting: ' +
    'the inputs of every other sub-model.',
  inputs: [
    input('asleep', '1', '1 while asleep, 0 while awake'),
    input('exercise_lt', '1', 'exercise intensity as a multiple of the lactate threshold, 0 at rest'),
    input('stress_level', '1', 'psychological stress level: 0 low, 0.5 moderate, 1 high'),
    input('fasting', '1', '1 during a prolonged (water-only) fast, else 0'),
  ],
  states: [
    state('gut_kcal', 'kcal', 'energy of the last meals still in the stomach and gut', 0),
    state(
      'gut_carbs_stomach_g',
      'g',
      'carbohydrate of the last meals still solid in the stomach (Q_sto1)',
      0,
    ),
    state(
      'gut_carbs_chyme_g',
      'g',
      'carbohydrate of the last meals ground to the liquid phase in the stomach (Q_sto2)',
      0,
    ),
    state('gut_carbs_g', 'g', 'carbohydrate in the small intestine, being absorbed as glucose (Q_gut)', 0),
    state('gut_meal_carbs_g', 'g', 'carbohydrate of the last meal (D of the gastric-emptying model)', 0),
  ],
  parameters: [
    param(
      'gut_k_empty',
      rateFromHalfLife(75),
      '1/min',
      'first-order emptying of the gut energy content (half-time 75 min for a mixed meal)',
      'gastric emptying half-time of a mixed solid meal ≈ 60–90 min (textbook value, recalled)',
      'moderate',
    ),
    param(
      'fed_half_kcal',
      150,
      'kcal',
      'gut energy content giving half of the maximal fed signal',
      'calibrated: a standard 500–700 kcal meal gives a fed signal near 0.8 for about 2 h',
      'weak',
    ),
    param(
      'gut_k_grind',
      0.0558,
      '1/min',
      'rate of grinding of solid stomach carbohydrate into the liquid phase (k_gri)',
      'Dalla Man, Rizza & Cobelli 2007, IEEE Trans Biomed Eng 54:1740, Table 1 (normal subjects, triple-tracer ' +
        'mixed meal)',
      'moderate',
    ),
    param(
      'gut_k_empty_max',
      0.0558,
      '1/min',
      'largest rate of gastric emptying of the liquid phase (k_max), at the start and the end of a meal',
      'Dalla Man 2007, Table 1 (normal subjects)',
      'moderate',
    ),
    param(
      'gut_k_empty_min',
      0.008,
      '1/min',
      'smallest rate of gastric emptying (k_min), while most of the meal is in the stomach',
      'Dalla Man 2007, Table 1 (normal subjects)',
      'moderate',
    ),
    param(
      'gut_empty_b',
      0.82,
      '1',
      'share of the meal left in the stomach at which emptying has fallen halfway to k_min (b)',
      'Dalla Man 2007, Table 1 (normal subjects)',
      'moderate',
    ),
    param(
      'gut_empty_d',
      0.01,
      '1',
      'share of the meal left in the stomach at which emptying has risen halfway back to k_max (d)',
      'Dalla Man 2007, Table 1 (normal subjects)',
      'moderate',
    ),
    param(
      'gut_k_absorb',
      0.057,
      '1/min',
      'first-order absorption of intestinal carbohydrate as glucose (k_abs)',
      'Dalla Man 2007, Table 1 (normal subjects)',
      'moderate',
    ),
    param(
      'wake_clock_min',
      420,
      'min',
      'habitual wake time (minutes after midnight): the phase reference of circadian rhythms',
      'set from the scenario sleep schedule (bedtime + duration)',
      'strong',
    ),
  ],
  assignments: [
    { name: 'clock_min', expr: 'mod(t, 1440)', unit: 'min', description: 'minutes after midnight' },
    {
      name: 'circadian_rad',
      expr: '2 * pi * (clock_min - wake_clock_min) / 1440',
      unit: '1',
      description: 'circadian phase (radians), 0 at the habitual wake time',
    },
    {
      name: 'gut_meal_size_g',
      expr: 'max(gut_meal_carbs_g, 1)',
      unit: 'g',
      description: 'size D of the last meal, at least 1 g (keeps α and β finite with an empty stomach)',
    },
    {
      name: 'gut_tanh_fall',
      expr:
        '1 - 2 / (exp(5 * (gut_carbs_stomach_g + gut_carbs_chyme_g - gut_empty_b * gut_meal_size_g) / ' +
        '(gut_meal_size_g * (1 - gut_empty_b))) + 1)',
      unit: '1',
      description: 'tanh(α(Q_sto − b·D)) written with exp (2α = 5 / (D(1 − b)))',
    },
    {
      name: 'gut_tanh_rise',
      expr:
        '1 - 2 / (exp(min(5 * (gut_carbs_stomach_g + gut_carbs_chyme_g - gut_empty_d * gut_meal_size_g) / ' +
        '(gut_meal_size_g * gut_empty_d), 50)) + 1)',
      unit: '1',
      description:
        'tanh(β(Q_sto − d·D)) written with exp (2β = 5 / (D·d)); the exponent is capped against overflow',
    },
    {
      name: 'gastric_emptying_k',
      expr: 'gut_k_empty_min + (gut_k_empty_max - gut_k_empty_min) / 2 * (gut_tanh_fall - gut_tanh_rise + 2)',
      unit: '1/min',
      description: 'rate of gastric emptying of the liquid phase (k_empt of Dalla Man 2007)',
    },
    {
      name: 'fed_signal',
      expr: 'gut_kcal / (gut_kcal + fed_half_kcal)',
      unit: '1',
      description: 'fed state from 0 (empty gut) towards 1',
    },
  ],
  rates: [
    { state: 'gut_kcal', expr: '-gut_k_empty * gut_kcal' },
    { state: 'gut_carbs_stomach_g', expr: '-gut_k_grind * gut_carbs_stomach_g' },
    {
      state: 'gut_carbs_chyme_g',
      expr: 'gut_k_grind * gut_carbs_stomach_g - gastric_emptying_k * gut_carbs_chyme_g',
    },
    { state: 'gut_carbs_g', expr: 'gastric_emptying_k * gut_carbs_chyme_g - gut_k_absorb * gut_carbs_g' },
    { state: 'gut_meal_carbs_g', expr: '0' },
  ],
  outputs: [
    {
      name: 'energy_absorbed_kcal_min',
      expr: 'gut_k_empty * gut_kcal',
      unit: 'kcal/min',
      description: 'meal energy leaving the gut into the body',
    },
  ],
};

/** Sleep quality of a night (scenario words). */
export type SleepQualityLevel = 'poor' | 'normal' | 'good';
/** Exercise kind (scenario words). */
export type ExerciseKindName = 'resistance' | 'endurance' | 'hiit';
/** Exercise or stress intensity (scenario words). */
export type IntensityLevel = 'low' | 'moderate' | 'high';

/**
 * Slow-wave-sleep multiplier of a night by its quality. Assumption (weak evidence): poor sleep is fragmented and
 * loses SWS; the values are chosen, not measured.
 */
export const SWS_BY_QUALITY: Readonly<Record<SleepQualityLevel, number>> = {
  poor: 0.6,
  normal: 1,
  good: 1.15,
};

/**
 * Intensity of an exercise bout as a multiple of the lactate threshold (Pritzlaff 1999 studied 0.25–1.75 × LT).
 * Assumption (weak evidence): the scenario's words map onto that range as below.
 */
export const INTENSITY_LT: Readonly<Record<ExerciseKindName, Readonly<Record<IntensityLevel, number>>>> = {
  endurance: { low: 0.5, moderate: 0.9, high: 1.3 },
  resistance: { low: 0.5, moderate: 1.0, high: 1.3 },
  hiit: { low: 1.0, moderate: 1.4, high: 1.75 },
};

/** Stress input level by the scenario's words. */
export const STRESS_LEVEL: Readonly<Record<IntensityLevel, number>> = { low: 0, moderate: 0.5, high: 1 };

/** Energy of a meal (kcal) from its macronutrients (Atwater factors 4/9/4 kcal per g). */
export function mealKcal(carbsG: number, fatG: number, proteinG: number): number {
  return 4 * carbsG + 9 * fatG + 4 * proteinG;
}

/** Intensity (× lactate threshold) of a bout from its kind and level. */
export function exerciseIntensityLt(kind: ExerciseKindName, level: IntensityLevel): number {
  return INTENSITY_LT[kind][level];
}

/**
 * One lifestyle change at `t_min` (minutes from 00:00 of day 0), in physiological terms: numbers, not words.
 * `quality` is the night's SWS multiplier ({@link SWS_BY_QUALITY}); `intensity_lt` a multiple of the lactate
 * threshold; `level` the stress input (0–1).
 */
export type LifestyleChange =
  | { readonly t_min: number; readonly kind: 'sleep_start'; readonly quality: number }
  | { readonly t_min: number; readonly kind: 'sleep_end' }
  | { readonly t_min: number; readonly kind: 'meal'; readonly kcal: number; readonly carbs_g: number }
  | { readonly t_min: number; readonly kind: 'exercise_start'; readonly intensity_lt: number }
  | { readonly t_min: number; readonly kind: 'exercise_end' }
  | { readonly t_min: number; readonly kind: 'stress'; readonly level: number }
  | { readonly t_min: number; readonly kind: 'fast_start' }
  | { readonly t_min: number; readonly kind: 'fast_end' };

/**
 * The shape of slow-wave sleep over a night: SWS is concentrated in the first sleep cycles (Van Cauter & Plat
 * 1996). Each entry is (minutes after sleep onset, drive); the drive holds until the next entry or waking. SWS acts
 * only through the amplitudes of the GHRH pulses, which are drawn before integration (`hypothalamus.ts`), so it is
 * not an engine input.
 */
export const SWS_PROFILE: readonly (readonly [number, number])[] = [
  [0, 1],
  [90, 0.55],
  [180, 0.25],
  [300, 0.1],
];

/** Engine slots of the lifestyle inputs and the gut state. */
export interface LifestyleSlots {
  readonly asleep: number;
  readonly exercise: number;
  readonly stress: number;
  readonly fasting: number;
  readonly gut: number;
  readonly gutCarbs: number;
  readonly mealCarbs: number;
}

/** Looks the lifestyle slots up in a compiled model. */
export function lifestyleSlots(model: CompiledModel): LifestyleSlots {
  return {
    asleep: model.inputIndex('asleep'),
    exercise: model.inputIndex('exercise_lt'),
    stress: model.inputIndex('stress_level'),
    fasting: model.inputIndex('fasting'),
    gut: model.stateIndex('gut_kcal'),
    gutCarbs: model.stateIndex('gut_carbs_stomach_g'),
    mealCarbs: model.stateIndex('gut_meal_carbs_g'),
  };
}

const setInput = (t: number, index: number, value: number): TimedEvent => ({
  t,
  target: 'input',
  index,
  op: 'set',
  value,
});

/** Events of one change. */
function eventsOfChange(change: LifestyleChange, s: LifestyleSlots): TimedEvent[] {
  const t = change.t_min;
  switch (change.kind) {
    case 'sleep_start':
      return [setInput(t, s.asleep, 1)];
    case 'sleep_end':
      return [setInput(t, s.asleep, 0)];
    case 'meal':
      return [
        { t, target: 'state', index: s.gut, op: 'add', value: change.kcal },
        { t, target: 'state', index: s.gutCarbs, op: 'add', value: change.carbs_g },
        // A meal without carbohydrate leaves the size D of the last carbohydrate meal as it was.
        ...(change.carbs_g > 0
          ? [{ t, target: 'state' as const, index: s.mealCarbs, op: 'set' as const, value: change.carbs_g }]
          : []),
      ];
    case 'exercise_start':
      return [setInput(t, s.exercise, change.intensity_lt)];
    case 'exercise_end':
      return [setInput(t, s.exercise, 0)];
    case 'stress':
      return [setInput(t, s.stress, change.level)];
    case 'fast_start':
      return [setInput(t, s.fasting, 1)];
    case 'fast_end':
      return [setInput(t, s.fasting, 0)];
  }
}

/**
 * Engine events of a lifestyle schedule, in time order (at one instant, the order of `changes`). `changes` must be
 * sorted by `t_min`; each change's events share its time, so the output needs no sorting.
 */
export function lifestyleEvents(changes: readonly LifestyleChange[], slots: LifestyleSlots): TimedEvent[] {
  const events: TimedEvent[] = [];
  for (const change of changes) for (const event of eventsOfChange(change, slots)) events.push(event);
  return events;
}

/** Habitual wake time (minutes after midnight) from a bedtime (minutes after midnight) and a sleep duration. */
export function wakeClockMin(bedtimeMin: number, durationH: number): number {
  return (((bedtimeMin + durationH * 60) % MIN_PER_DAY) + MIN_PER_DAY) % MIN_PER_DAY;
}
