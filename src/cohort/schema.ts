// SPDX-License-Identifier: MIT
/**
 * The trial contract of SCENARIO.md (`endotwin/trial/v1`) as zod schemas: a population to sample, inclusion and
 * exclusion criteria, arms (regimen lines and optional titration, exactly as in a scenario), endpoints, and what to
 * keep. Parsing fills in every default. Published figures (for trials that reproduce a paper) ride along in
 * `published`, so a trial document under `validation/trials/` reads like the paper's table.
 */
import { z } from 'zod';
import { ENDPOINT_NAMES } from '../scenario/result.js';
import { CONDITIONS, scenarioSchema } from '../scenario/schema.js';

/** The schema id of a trial document. */
export const TRIAL_SCHEMA_ID = 'endotwin/trial/v1';

/** Covariates a criterion may test, with their units in the name. */
export const CRITERION_FIELDS = [
  'age_years',
  'bmi',
  'weight_kg',
  'body_fat_pct',
  'visceral_fat_cm2',
  'igf1_ng_ml',
  'igf1_sds',
] as const;

/** A closed interval; either bound may be left out. */
const rangeSchema = z
  .strictObject({ min: z.number().optional(), max: z.number().optional() })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, {
    message: 'min must not be above max',
  });

const criteriaSchema = z.strictObject(
  Object.fromEntries(CRITERION_FIELDS.map((field) => [field, rangeSchema.optional()])) as Record<
    (typeof CRITERION_FIELDS)[number],
    z.ZodOptional<typeof rangeSchema>
  >,
);

/** Age: uniform on [min, max], or a normal distribution truncated to [min, max] when `mean` and `sd` are given. */
const ageSchema = z
  .strictObject({
    min: z.number().min(18).max(100),
    max: z.number().min(18).max(100),
    mean: z.number().min(18).max(100).optional(),
    sd: z.number().positive().max(40).optional(),
  })
  .refine((a) => a.min <= a.max, { message: 'min must not be above max' })
  .refine((a) => (a.mean === undefined) === (a.sd === undefined), {
    message: 'give mean and sd together (a truncated normal) or neither (uniform on [min, max])',
  });

const normalSchema = z.strictObject({ mean: z.number(), sd: z.number().min(0) });

/**
 * Body-mass index, kg/m²: a normal distribution truncated to [min, max]. The default spread is an assumption
 * (adult populations typically show an SD of 4–5 kg/m²).
 */
const bmiSchema = z
  .strictObject({
    mean: z.number().min(15).max(60),
    sd: z.number().min(0).max(15).default(4),
    min: z.number().min(12).max(70).default(17),
    max: z.number().min(12).max(70).default(45),
  })
  .refine((b) => b.min <= b.max, { message: 'min must not be above max' });

/** Adult height by sex, cm (typical European adults; recalled). */
export const DEFAULT_HEIGHT_CM = {
  male: { mean: 176, sd: 7 },
  female: { mean: 163, sd: 6.5 },
} as const;

const heightSchema = z.strictObject({
  male: normalSchema.default({ ...DEFAULT_HEIGHT_CM.male }),
  female: normalSchema.default({ ...DEFAULT_HEIGHT_CM.female }),
});

/**
 * Baseline IGF-1. `{ sds }`: drawn as an SDS for the patient's age and sex (so the age gradient of the reference
 * table carries over) and given to the model as the baseline lab it calibrates to; criteria on IGF-1 need this.
 * `model`: left to the model (covariates, conditions such as GH deficiency, random effects); no IGF-1 criteria.
 */
const igf1Schema = z.union([
  z.literal('model'),
  z.strictObject({ sds: normalSchema.default({ mean: 0, sd: 1 }) }),
]);

const populationSchema = z.strictObject({
  /** Patients per arm: the same n patients in every arm (paired), or n different ones per arm (parallel). */
  n: z.number().int().min(1).max(100_000),
  age_years: ageSchema,
  sex: z.strictObject({ female: z.number().min(0).max(1) }).default({ female: 0.5 }),
  bmi: bmiSchema.default({ mean: 26.5, sd: 4, min: 17, max: 45 }),
  height_cm: heightSchema.default({
    male: { ...DEFAULT_HEIGHT_CM.male },
    female: { ...DEFAULT_HEIGHT_CM.female },
  }),
  /**
   * Spread of body fat around the Deurenberg 1991 estimate from BMI, age and sex, in fat-% points (the paper's
   * standard error of estimate, about 4 %; recalled).
   */
  body_fat_residual_sd_pct: z.number().min(0).max(15).default(4.1),
  /**
   * Spread of visceral fat around its estimate from fat mass, age and sex, as the SD of ln(area). An assumption:
   * CT visceral area at a given fat mass varies by about ±30 %.
   */
  visceral_fat_residual_sd_log: z.number().min(0).max(1.5).default(0.3),
  igf1: igf1Schema.default({ sds: { mean: 0, sd: 1 } }),
  conditions: z.array(z.enum(CONDITIONS)).default([]),
  variability: z.enum(['none', 'typical']).default('typical'),
});

const armSchema = z.strictObject({
  name: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[\w .+/()-]+$/, { message: 'letters, digits, spaces and . + / ( ) - only' }),
  regimen: scenarioSchema.shape.regimen,
  titration: scenarioSchema.shape.titration,
});

/** Where a published figure is compared: an arm's own mean, or its difference from the first arm. */
const publishedFigureSchema = z.strictObject({
  arm: z.string(),
  endpoint: z.enum(ENDPOINT_NAMES),
  compare: z.enum(['arm', 'difference']).default('arm'),
  /** The figure as the paper states it. */
  text: z.string().min(1),
  /** The range the figure allows on the endpoint's own scale, when it can be put there. */
  range: z.tuple([z.number(), z.number()]).optional(),
  /** found: seen in the paper or a trusted abstract; recalled: from memory; derived: computed from found figures. */
  provenance: z.enum(['found', 'recalled', 'derived']),
});

const publishedSchema = z.strictObject({
  /** The study design in one or two sentences. */
  design: z.string().min(1),
  figures: z.array(publishedFigureSchema).default([]),
  /** How the virtual trial departs from the published one, and why. */
  notes: z.string().optional(),
});

const outputSchema = z.strictObject({
  /** Keep every patient's covariates and endpoints in the result. */
  patients: z.boolean().default(false),
  /** Patients per shard (one job of the distributed engine); default chosen by the engine. */
  shard_size: z.number().int().min(1).max(10_000).optional(),
});

/** The raw trial document as users write it (before cross-field checks). */
export const trialSchema = z.strictObject({
  schema: z.literal(TRIAL_SCHEMA_ID).default(TRIAL_SCHEMA_ID),
  name: z.string().min(1).max(200).default('Untitled trial'),
  /** The citation of the study this trial reproduces, if any. */
  source: z.string().optional(),
  seed: z.number().int().min(0).max(4294967295).default(1),
  duration_days: z.number().int().min(1).max(1825),
  /** paired: every arm gets the same patients; parallel: each arm its own n patients. */
  design: z.enum(['paired', 'parallel']).default('paired'),
  population: populationSchema,
  inclusion: criteriaSchema.default({}),
  exclusion: criteriaSchema.default({}),
  /** Most candidates drawn before giving up on filling the trial (default 100 per place, at least 10,000). */
  max_screened: z.number().int().min(1).max(100_000_000).optional(),
  lifestyle: scenarioSchema.shape.lifestyle,
  arms: z.array(armSchema).min(1).max(12),
  endpoints: z
    .array(z.enum(ENDPOINT_NAMES))
    .min(1)
    .default(() => [...ENDPOINT_NAMES]),
  output: outputSchema.default({ patients: false }),
  published: publishedSchema.optional(),
});

/** A trial document as users write it. */
export type TrialInput = z.input<typeof trialSchema>;
/** A trial after parsing: every default filled in. */
export type Trial = z.output<typeof trialSchema>;
export type Population = Trial['population'];
export type Arm = Trial['arms'][number];
export type Criteria = Trial['inclusion'];
export type CriterionField = (typeof CRITERION_FIELDS)[number];
export type CriterionRange = NonNullable<Criteria[CriterionField]>;
export type PublishedFigure = NonNullable<Trial['published']>['figures'][number];
export type EndpointName = Trial['endpoints'][number];
