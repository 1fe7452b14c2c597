// SPDX-License-Identifier: MIT
/**
 * The scenario contract of SCENARIO.md (`endotwin/scenario/v1`) as zod schemas. Parsing fills in every default,
 * so the rest of the program only ever sees a complete, normalised scenario.
 */
import { z } from 'zod';
import { DRUG_NAMES, ROUTES } from '../physiology/drug-catalog.js';

export const SCENARIO_SCHEMA_ID = 'endotwin/scenario/v1';

const clockTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'must be a clock time "HH:MM" from 00:00 to 23:59' });

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const weekday = z.enum(WEEKDAYS);

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
] as const;

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
  sex: z.enum(['male', 'female']),
  weight_kg: z.number().min(30).max(300),
  height_cm: z.number().min(120).max(230),
  body_fat_pct: z.number().min(3).max(70).optional(),
  visceral_fat_cm2: z.number().min(0).max(600).optional(),
  conditions: z.array(z.enum(CONDITIONS)).default([]),
  allergies: z.array(z.enum(DRUG_NAMES)).default([]),
  labs: labsSchema.default({}),
  variability: z.enum(['none', 'typical']).default('none'),
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
  kind: z.enum(['resistance', 'endurance', 'hiit']),
  days: z.array(weekday).min(1).default(['mon', 'wed', 'fri']),
  time: clockTime,
  duration_min: z.number().min(5).max(300),
  intensity: z.enum(['low', 'moderate', 'high']).default('moderate'),
});

const lifestyleSchema = z.strictObject({
  sleep: z
    .strictObject({
      bedtime: clockTime.default('23:00'),
      duration_h: z.number().min(2).max(14).default(8),
      quality: z.enum(['poor', 'normal', 'good']).default('normal'),
    })
    .default({ bedtime: '23:00', duration_h: 8, quality: 'normal' }),
  meals: z
    .array(mealSchema)
    .max(12)
    .default(() => DEFAULT_MEALS.map((m) => ({ ...m }))),
  exercise: z.array(exerciseSchema).default([]),
  stress: z.enum(['low', 'moderate', 'high']).default('low'),
  fasting: z
    .array(z.strictObject({ start_day: z.number().int().min(0), days: z.number().min(0.5).max(14) }))
    .default([]),
});

export const DOSE_UNITS = ['mcg', 'mg', 'iu', 'mcg_per_kg', 'mg_per_kg'] as const;
const doseSchema = z.strictObject({
  amount: z.number().positive({ message: 'must be a positive number' }),
  unit: z.enum(DOSE_UNITS),
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
 * `regimen-text.ts`); `parseScenario` turns it into one or more regimen-line objects.
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

export const LAB_NAMES = [
  'igf1',
  'glucose_fasting',
  'insulin_fasting',
  'homa_ir',
  'lh',
  'fsh',
  'testosterone_total',
  'cortisol',
  'prolactin',
] as const;

const monitoringSchema = z.strictObject({
  labs: z.array(z.enum(LAB_NAMES)).min(1).default(['igf1', 'glucose_fasting', 'insulin_fasting']),
  at_days: z.array(z.number().int().min(0)).optional(),
  draw_time: clockTime.default('08:00'),
});

/** Most regimen entries (and lines after text expansion) one scenario may have. */
export const MAX_REGIMEN_LINES = 100;

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
    .default(['gh_ug_l', 'igf1_ng_ml']),
  window_days: z.tuple([z.number().min(0), z.number().min(0)]).optional(),
});

const modelOptionsSchema = z.strictObject({
  pulse_generator: z.enum(['stochastic', 'deterministic']).default('stochastic'),
  /** Weak-evidence effects, off unless named here (labelled as such in the result). */
  optional_effects: z.array(z.enum(['sermorelin_gonadotropins', 'skin'])).default([]),
});

/** The raw scenario document as users write it (before cross-field checks). */
export const scenarioSchema = z.strictObject({
  schema: z.literal(SCENARIO_SCHEMA_ID).default(SCENARIO_SCHEMA_ID),
  name: z.string().min(1).max(200).default('Untitled scenario'),
  seed: z.number().int().min(0).max(4294967295).default(1),
  duration_days: z.number().int().min(1).max(1825),
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
export type LabName = (typeof LAB_NAMES)[number];
export type Condition = (typeof CONDITIONS)[number];
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A scenario after parsing and normalisation: every default filled in, `end_day` resolved, monitoring days and the
 * series window explicit.
 */
export interface Scenario extends Omit<ParsedScenario, 'regimen' | 'monitoring' | 'output'> {
  readonly regimen: readonly (RegimenLine & { readonly end_day: number })[];
  readonly monitoring: ParsedScenario['monitoring'] & { readonly at_days: readonly number[] };
  readonly output: ParsedScenario['output'] & { readonly window_days: readonly [number, number] };
}
