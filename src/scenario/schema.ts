// SPDX-License-Identifier: MIT
/**
 * The scenario contract of SCENARIO.md (`endotwin/scenario/v1`) as zod schemas. Parsing fills in every default,
 * so the rest of the program only ever sees a complete, normalised scenario.
 */
import { z } from 'zod';
import {
  canonicalDoseUnit,
  CONDITIONS,
  DEFAULT_SERIES,
  DOSE_UNITS,
  DOSE_UNITS_ALLOWED,
  DRUG_NAMES,
  EXERCISE_INTENSITIES,
  EXERCISE_KINDS,
  LAB_NAMES,
  OPTIONAL_EFFECTS,
  PULSE_GENERATORS,
  ROUTES,
  SCENARIO_SCHEMA_ID,
  SEXES,
  SLEEP_QUALITIES,
  STRESS_LEVELS,
  VARIABILITY,
  WEEKDAYS,
} from './vocabulary.js';

export { CONDITIONS, DOSE_UNITS, LAB_NAMES, SCENARIO_SCHEMA_ID, WEEKDAYS };
export type { Condition, LabName, Weekday } from './vocabulary.js';

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a clock time "HH:MM" from 00:00 to 23:59' });

const weekday = z.enum(WEEKDAYS);

const labsSchema = z.strictObject({
  igf1_ng_ml: z.number().min(10).max(1500).optional(),
  glucose_fasting_mg_dl: z.number().min(40).max(500).optional(),
  insulin_fasting_uU_ml: z.number().min(0.5).max(300).optional(),
  testosterone_total_ng_dl: z.number().min(5).max(3000).optional(),
  lh_iu_l: z.number().min(0).max(200).optional(),
  fsh_iu_l: z.number().min(0).max(200).optional(),
  hba1c_pct: z.number().min(3).max(20).optional(),
});

export const patientSchema = z.strictObject({
  age_years: z.number().min(18).max(100),
  sex: z.enum(SEXES),
  weight_kg: z.number().min(30).max(300),
  height_cm: z.number().min(120).max(230),
  body_fat_pct: z.number().min(3).max(70).optional(),
  visceral_fat_cm2: z.number().min(0).max(600).optional(),
  conditions: z.array(z.enum(CONDITIONS)).default([]),
  allergies: z.array(z.enum(DRUG_NAMES)).default([]),
  labs: labsSchema.default({}),
  variability: z.enum(VARIABILITY).default('none'),
});

const mealSchema = z.strictObject({
  time: clockTime,
  carbs_g: z.number().min(0).max(500),
  fat_g: z.number().min(0).max(300).default(0),
  protein_g: z.number().min(0).max(300).default(0),
});

/** Three standard mixed meals, about 2,200 kcal a day in all. */
export const DEFAULT_MEALS = [
  { time: '07:30', carbs_g: 60, fat_g: 15, protein_g: 20 },
  { time: '12:30', carbs_g: 80, fat_g: 25, protein_g: 30 },
  { time: '19:00', carbs_g: 90, fat_g: 30, protein_g: 35 },
] as const;

const exerciseSchema = z.strictObject({
  kind: z.enum(EXERCISE_KINDS),
  days: z.array(weekday).min(1).default(['mon', 'wed', 'fri']),
  time: clockTime,
  duration_min: z.number().min(5).max(300),
  intensity: z.enum(EXERCISE_INTENSITIES).default('moderate'),
});

const lifestyleSchema = z.strictObject({
  sleep: z
    .strictObject({
      bedtime: clockTime.default('23:00'),
      duration_h: z.number().min(2).max(14).default(8),
      quality: z.enum(SLEEP_QUALITIES).default('normal'),
    })
    .default({ bedtime: '23:00', duration_h: 8, quality: 'normal' }),
  meals: z
    .array(mealSchema)
    .max(12)
    .default(() => DEFAULT_MEALS.map((m) => ({ ...m }))),
  exercise: z.array(exerciseSchema).default([]),
  stress: z.enum(STRESS_LEVELS).default('low'),
  fasting: z
    .array(z.strictObject({ start_day: z.number().int().min(0), days: z.number().min(0.5).max(14) }))
    .default([]),
});

/** A dose unit in any accepted spelling (`IU`, `µg`, `mcg/kg`, any case), read as its canonical value. */
const doseUnitSchema = z
  .string({ error: `must be a dose unit: ${DOSE_UNITS_ALLOWED}` })
  .transform((spelling) => canonicalDoseUnit(spelling) ?? spelling)
  .pipe(z.enum(DOSE_UNITS, { error: `unknown unit; allowed: ${DOSE_UNITS_ALLOWED}` }));

const doseSchema = z.strictObject({
  amount: z.number().positive({ message: 'must be a positive number' }),
  unit: doseUnitSchema,
});

const daysSchema = z.union([
  z.strictObject({ on: z.number().int().min(1).max(365), off: z.number().int().min(0).max(365) }),
  z.strictObject({ every: z.number().int().min(1).max(365) }),
  z.strictObject({ weekdays: z.array(weekday).min(1) }),
]);

/** One regimen line object. */
export const regimenLineSchema = z.strictObject({
  drug: z.enum(DRUG_NAMES),
  dose: doseSchema,
  over_min: z
    .number()
    .min(0)
    .max(24 * 60)
    .default(0),
  route: z.enum(ROUTES),
  at: z.union([z.literal('bedtime'), clockTime, z.array(z.union([z.literal('bedtime'), clockTime])).min(1)]),
  days: daysSchema.default({ every: 1 }),
  start_day: z.number().int().min(0).default(0),
  end_day: z.number().int().min(1).optional(),
});

/**
 * A regimen entry in the one-line text form (`sermorelin 300 mcg sc at bedtime 5on2off x26w`, grammar in
 * `protocol/regimen-text.ts`); `parseScenario` (protocol) turns it into one or more regimen-line objects.
 */
const regimenTextSchema = z
  .string()
  .min(1, { message: 'must not be empty; e.g. "sermorelin 300 mcg sc at bedtime 5on2off x26w"' })
  .max(2000);

/** One `regimen` entry as written: a line object, or the one-line text form. */
const regimenEntrySchema = z.union([regimenTextSchema, regimenLineSchema], {
  error: 'must be a regimen line (an object with drug, dose, route, at, …) or its one-line text form',
});

const titrationSchema = z.strictObject({
  drug: z.enum(DRUG_NAMES),
  target_igf1_sds: z.tuple([z.number().min(-5).max(5), z.number().min(-5).max(5)]),
  every_days: z.number().int().min(7).max(365),
  step: doseSchema,
  max: doseSchema,
  min: doseSchema.optional(),
});

const monitoringSchema = z.strictObject({
  labs: z.array(z.enum(LAB_NAMES)).min(1).default(['igf1', 'glucose_fasting', 'insulin_fasting']),
  at_days: z.array(z.number().int().min(0)).optional(),
  draw_time: clockTime.default('08:00'),
});

/** Most regimen entries (and lines after text expansion) one scenario may have. */
export const MAX_REGIMEN_LINES = 100;

/** Longest scenario (days): five years. */
export const MAX_DURATION_DAYS = 1825;

const outputSchema = z.strictObject({
  sample_every_min: z.number().min(1).max(1440).default(10),
  series: z
    .array(z.string().regex(/^[a-z0-9_]+$/i))
    .refine((names) => new Set(names).size === names.length, {
      error: (issue) => {
        const names = issue.input as string[];
        const twice = names.find((name, i) => names.indexOf(name) !== i);
        return `each series may be named once; '${twice}' appears more than once`;
      },
    })
    .default([...DEFAULT_SERIES]),
  window_days: z.tuple([z.number().min(0), z.number().min(0)]).optional(),
});

const modelOptionsSchema = z.strictObject({
  pulse_generator: z.enum(PULSE_GENERATORS).default('stochastic'),
  /** Weak-evidence effects, off unless named here (labelled as such in the result). */
  optional_effects: z.array(z.enum(OPTIONAL_EFFECTS)).default([]),
});

/**
 * A parameter value: a number in the parameter's declared unit, or `{ value, unit }` where the unit must be the
 * declared one (checked in `parseScenario` against the generated parameter table).
 */
const parameterValueSchema = z.union([
  z.number(),
  z.strictObject({ value: z.number(), unit: z.string().min(1) }),
]);

/** The raw scenario document as users write it (before cross-field checks). */
export const scenarioSchema = z.strictObject({
  schema: z.literal(SCENARIO_SCHEMA_ID).default(SCENARIO_SCHEMA_ID),
  name: z.string().min(1).max(200).default('Untitled scenario'),
  seed: z.number().int().min(0).max(4294967295).default(1),
  duration_days: z.number().int().min(1).max(MAX_DURATION_DAYS),
  start_weekday: weekday.default('mon'),
  patient: patientSchema,
  lifestyle: lifestyleSchema.default(() => lifestyleSchema.parse({})),
  regimen: z
    .array(regimenEntrySchema)
    .max(MAX_REGIMEN_LINES, { error: `at most ${MAX_REGIMEN_LINES} regimen lines` })
    .default([]),
  titration: titrationSchema.optional(),
  monitoring: monitoringSchema.default(() => monitoringSchema.parse({})),
  output: outputSchema.default(() => outputSchema.parse({})),
  model: modelOptionsSchema.default(() => modelOptionsSchema.parse({})),
  /** Model parameters and patient coefficients set by name (`endotwin model params` lists them). */
  parameters: z.record(z.string(), parameterValueSchema).optional(),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
/** The document after the schema: every default filled in, text regimen entries still text. */
export type ParsedScenario = z.output<typeof scenarioSchema>;
export type Patient = ParsedScenario['patient'];
export type Lifestyle = ParsedScenario['lifestyle'];
/** One regimen line object (what a text entry becomes, and all a normalised scenario holds). */
export type RegimenLine = z.output<typeof regimenLineSchema>;
/** One regimen line object as written (defaults not yet filled in). */
export type RegimenLineInput = z.input<typeof regimenLineSchema>;
/** One `regimen` entry as written: a line object (defaults not yet filled in) or the one-line text form. */
export type RegimenEntryInput = z.input<typeof regimenEntrySchema>;
export type Dose = RegimenLine['dose'];
export type DaysPattern = RegimenLine['days'];
export type Meal = Lifestyle['meals'][number];
export type Exercise = Lifestyle['exercise'][number];
export type Titration = NonNullable<ParsedScenario['titration']>;

/**
 * A scenario after parsing and normalisation: every default filled in, `end_day` resolved, monitoring days and the
 * series window explicit.
 */
export interface Scenario extends Omit<ParsedScenario, 'regimen' | 'monitoring' | 'output' | 'parameters'> {
  readonly regimen: readonly (RegimenLine & { readonly end_day: number })[];
  readonly monitoring: ParsedScenario['monitoring'] & { readonly at_days: readonly number[] };
  readonly output: ParsedScenario['output'] & { readonly window_days: readonly [number, number] };
  /** Parameter values by name, each in its declared unit (units checked and dropped). */
  readonly parameters?: Readonly<Record<string, number>>;
}
