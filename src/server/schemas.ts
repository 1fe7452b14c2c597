// SPDX-License-Identifier: MIT
/** The zod schemas of the API's requests and responses; the OpenAPI document at `/docs` is generated from them. */
import { z } from 'zod';
import { patientSchema } from '../scenario/index.js';
import { RUN_STATUSES } from '../store/index.js';

/** Any error response. */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: 'stable machine-readable code, e.g. INVALID_SCENARIO' }),
      message: z.string(),
      path: z
        .string()
        .optional()
        .meta({ description: 'field path of the first problem, e.g. patient.age_years' }),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

/** `{ id }` path parameter. */
export const idParams = z.object({ id: z.string().min(1).max(100) });

/** Paging of list routes. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const healthResponse = z.object({
  status: z
    .enum(['ok', 'degraded'])
    .meta({ description: 'degraded (with a 503) while the database is down' }),
  version: z.string(),
  database: z.enum(['ok', 'unavailable']),
  server: z.string().meta({
    description:
      'the identity of the server that answered (its row in the servers table, docs/operations.md)',
  }),
});

export const findingSchema = z.object({
  code: z.string(),
  severity: z.enum(['info', 'caution', 'contraindicated']),
  message: z.string(),
});

export const screeningSchema = z
  .object({ status: z.enum(['ok', 'caution', 'contraindicated']), findings: z.array(findingSchema) })
  .meta({ id: 'Screening' });

/**
 * `POST /scenarios/check`: the verdict on a document as data, never as an error status, so a client validating as
 * the user types does not log an expected failure: valid with its screening, or invalid with every problem.
 */
export const checkResponse = z.union([
  z.object({
    valid: z.literal(true),
    screening: screeningSchema,
    scenario: z.record(z.string(), z.unknown()),
  }),
  z.object({
    valid: z.literal(false),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
  }),
]);

export const validateResponse = z.object({
  valid: z.literal(true),
  screening: screeningSchema,
  scenario: z
    .record(z.string(), z.unknown())
    .meta({ description: 'the normalised scenario, defaults filled in' }),
});

export const scenarioSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  created_at: z.string(),
  /** What the scenario is for (an example's leading comment), or `null`. */
  description: z.string().nullable(),
});
export const scenarioRecordSchema = scenarioSummarySchema.extend({
  document: z.record(z.string(), z.unknown()),
});
export const scenarioListResponse = z.object({ scenarios: z.array(scenarioSummarySchema) });

/** One imported laboratory measurement. */
export const importedLabSchema = z.strictObject({
  drawn_at: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).meta({
    description: 'ISO-8601 date (2026-03-01) or date-time with offset',
  }),
  analyte: z
    .string()
    .regex(/^[a-z0-9_]+$/i, { message: 'must be snake_case letters, digits and underscores' })
    .max(64)
    .meta({ description: 'e.g. igf1_ng_ml, glucose_fasting_mg_dl' }),
  value: z.number(),
  unit: z.string().min(1).max(32),
});

export const patientCreateBody = z.strictObject({
  name: z.string().min(1).max(200),
  patient: patientSchema,
  labs: z.array(importedLabSchema).max(10_000).default([]),
});

export const patientRecordSchema = z.object({
  id: z.string(),
  name: z.string(),
  covariates: z.record(z.string(), z.unknown()),
  labs: z.array(importedLabSchema),
  created_at: z.string(),
});
export const patientListResponse = z.object({ patients: z.array(patientRecordSchema) });

export const runIdResponse = z.object({ id: z.string() });

/** The fields every job (a run, a trial) shows in the API: `error` only when there is one, the client id never. */
export const jobViewShape = {
  id: z.string(),
  name: z.string(),
  status: z.enum(RUN_STATUSES),
  progress: z.number().min(0).max(1),
  error: z.string().optional(),
  attempts: z.number().int(),
  created_at: z.string(),
  started_at: z.string().nullable(),
  finished_at: z.string().nullable(),
};

/** A run as the API shows it (`error` only when there is one). */
export const runViewSchema = z
  .object({
    ...jobViewShape,
    uncertainty_draws: z.number().int().optional().meta({
      description:
        'draws of the patient for the result’s uncertainty bands, when the run was submitted with some',
    }),
    scenario: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Run' });
export const runListResponse = z.object({ runs: z.array(runViewSchema) });
export const runListQuery = pageQuery.extend({ status: z.enum(RUN_STATUSES).optional() });

/** Most draws a run submitted through the API may ask for its uncertainty bands (the CLI allows 1000). */
export const MAX_API_UNCERTAINTY_DRAWS = 100;

export const submitQuery = z.object({
  research: z.enum(['true', 'false']).default('false').meta({
    description:
      'true runs a contraindicated scenario anyway (research use); the findings stay in the result',
  }),
  uncertainty: z.coerce
    .number({ message: `must be a whole number from 2 to ${MAX_API_UNCERTAINTY_DRAWS}` })
    .int({ message: `must be a whole number from 2 to ${MAX_API_UNCERTAINTY_DRAWS}` })
    .min(2, { message: `must be a whole number from 2 to ${MAX_API_UNCERTAINTY_DRAWS}` })
    .max(MAX_API_UNCERTAINTY_DRAWS, {
      message: `must be a whole number from 2 to ${MAX_API_UNCERTAINTY_DRAWS}`,
    })
    .optional()
    .meta({
      description:
        'N (2–100): add `bands` and `endpoint_bands` to the result, the 5/50/95 % of N draws of the patient’s ' +
        'parameters (needs patient.variability: typical); the run takes about N + 1 times as long',
    }),
});

export const resultQuery = z.object({
  format: z.enum(['json', 'csv', 'parquet']).default('json').meta({
    description: 'json: the whole result document; csv or parquet: the daily table',
  }),
});

export const homaBody = z.strictObject({
  glucose_mg_dl: z.number().positive().max(1000),
  insulin_uU_ml: z.number().positive().max(1000),
});
export const homaResponse = z.object({
  glucose_mg_dl: z.number(),
  glucose_mmol_l: z.number(),
  insulin_uU_ml: z.number(),
  homa1_ir: z.number(),
  homa1_b_pct: z.number().nullable(),
  quicki: z.number(),
});

export const igf1SdsBody = z.strictObject({
  age_years: z.number().min(0).max(120),
  sex: z.enum(['male', 'female']),
  igf1_ng_ml: z.number().positive().max(5000),
});
export const igf1SdsResponse = z.object({
  sds: z.number(),
  percentile: z.number(),
  lower: z.number(),
  upper: z.number(),
  median: z.number(),
  reference_age_years: z.number(),
  source: z.string(),
});

/** Most samples pulse detection accepts through the API (two days at one-minute sampling). */
export const MAX_PULSE_SAMPLES = 2880;

export const pulsesBody = z.strictObject({
  t_min: z
    .array(z.number())
    .min(10)
    .max(MAX_PULSE_SAMPLES)
    .meta({ description: 'sample times, min, strictly increasing (any origin, uneven spacing allowed)' }),
  value: z
    .array(z.number())
    .min(10)
    .max(MAX_PULSE_SAMPLES)
    .meta({ description: 'concentrations at those times, ≥ 0 (GH: µg/L)' }),
  options: z
    .strictObject({
      cv: z.number().min(0).max(1).optional().meta({ description: 'assay CV, proportional (default 0.07)' }),
      sd_floor: z
        .number()
        .min(0)
        .optional()
        .meta({ description: 'assay SD floor, series unit (default 0.02)' }),
      fast_half_life_min: z.number().positive().max(60).optional(),
      slow_half_life_min: z.number().positive().max(600).optional(),
      fit_slow_half_life: z.boolean().optional(),
      burst_fwhm_min: z.number().positive().max(240).optional(),
      fit_burst_fwhm: z.boolean().optional(),
    })
    .default({}),
});

const detectedPulseSchema = z.object({
  t_min: z.number(),
  t_min_se: z.number(),
  mass: z.number().meta({ description: 'secretion integrated over the burst, series unit' }),
  mass_se: z.number(),
  amplitude: z.number().meta({ description: 'peak secretion rate above basal, series unit per min' }),
  amplitude_se: z.number(),
});

export const pulsesResponse = z.object({
  pulses: z.array(detectedPulseSchema),
  basal: z.number().meta({ description: 'basal (non-pulsatile) secretion rate, series unit per min' }),
  basal_se: z.number(),
  basal_concentration: z.number().meta({ description: 'the concentration basal secretion alone holds' }),
  half_life_min: z.number().meta({ description: 'slow elimination half-life, min' }),
  half_life_se: z.number(),
  burst_fwhm_min: z.number(),
  residual_sd: z.number(),
  noise_scale: z
    .number()
    .meta({ description: 'RMS of weighted residuals; about 1 when the noise model fits' }),
  sampling_interval_min: z.number(),
  fitted: z.array(z.number()).meta({ description: 'fitted concentrations at the input times' }),
});
