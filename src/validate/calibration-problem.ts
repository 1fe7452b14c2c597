// SPDX-License-Identifier: MIT
/**
 * The population calibration problem (`validation/calibration.yaml`): the free parameters with bounds and
 * log-normal priors around their source values, and the objective, the included validation cases grouped by study.
 * This module reads and checks it; every error names the field (`parameters[2].unit`, `studies[0].cases[1]`).
 *
 * Prior of a parameter: ln p ~ N(ln p₀, τ²), p₀ the value its source gives (the declaration before any
 * calibration) and τ the width of its evidence level (`prior_sd_log`), unless the parameter states its own.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { EvidenceLevel } from '../engine/types.js';
import { freeParameters } from '../estimate/free-parameters.js';
import { parameterRow } from '../estimate/parameters.js';
import { CALIBRATION_FILE } from '../physiology/calibrated-values.js';
import { modelParameterDecls } from '../physiology/param-catalog.js';
import { PARAM_UNITS, isParamName, type ParamName } from '../physiology/param-names.generated.js';
import { parseScenario } from '../protocol/parse-scenario.js';
import { issuesFromZod, readDocument, ScenarioError, type ScenarioIssue } from '../scenario/parse.js';
import { setUpPatient } from '../simulate/index.js';
import { parseCase, type ValidationCase } from './cases.js';
import { caseTarget, type CaseTarget } from './calibration-targets.js';

const positive = z.number().positive();

const problemSchema = z.strictObject({
  /** Format of this file. */
  version: z.literal(1),
  /** The folder of the case files, relative to this file. */
  cases_dir: z.string().min(1),
  /** Prior width (SD of ln p) by evidence level. */
  prior_sd_log: z.strictObject({ strong: positive, moderate: positive, weak: positive }),
  /** Smallest SD of a case's residual, as a fraction of its published central value. */
  spread_floor_fraction: z.number().min(0).max(1),
  parameters: z
    .array(
      z.strictObject({
        name: z.string(),
        unit: z.string(),
        bounds: z.tuple([positive, positive]),
        /** Overrides the evidence level's prior width. */
        prior_sd_log: positive.optional(),
      }),
    )
    .min(1),
  studies: z.array(z.strictObject({ study: z.string().min(1), cases: z.array(z.string()).min(1) })).min(1),
  /** Why the problem is what it is (which parameters and cases, and what they cost); copied into the report. */
  notes: z.string().optional(),
  /** Levenberg–Marquardt settings. */
  search: z.strictObject({
    max_iterations: z.number().int().min(1).max(100),
    /** Forward-difference step on ln p. */
    jacobian_step: z.number().positive().max(0.5),
    /** Largest change of one ln p in one iteration. */
    max_step: z.number().positive().max(5),
    /** Converged when no ln p moves by more than this. */
    converged_step: z.number().positive().max(0.1),
  }),
});

/** A free parameter with its prior and bounds (all on the natural-log scale too). */
export interface CalibrationParameter {
  readonly name: ParamName;
  readonly unit: string;
  readonly evidence: EvidenceLevel;
  /** The value its source gives: the prior median and the start. */
  readonly source_value: number;
  readonly bounds: readonly [number, number];
  readonly prior_sd_log: number;
}

/** A target with the parameters its runs set (free or reset) in its run's model and its reference run's model. */
export interface CalibrationTarget extends CaseTarget {
  readonly names: readonly ParamName[];
  readonly referenceNames: readonly ParamName[];
}

/** A checked problem, with its cases loaded and each turned into a residual target. */
export interface CalibrationProblem {
  readonly file: string;
  /** SHA-256 of the problem file. */
  readonly sha256: string;
  readonly parameters: readonly CalibrationParameter[];
  /**
   * Parameters the loaded calibration sets but this problem does not free, at their source values: every run
   * sets them back, so the fit never depends on the parameter file it replaces.
   */
  readonly resets: Readonly<Record<string, number>>;
  readonly targets: readonly CalibrationTarget[];
  /** SHA-256 of each included case file, by case id. */
  readonly cases_sha256: Readonly<Record<string, string>>;
  readonly prior_sd_log: Readonly<Record<EvidenceLevel, number>>;
  readonly spread_floor_fraction: number;
  readonly search: z.output<typeof problemSchema>['search'];
  readonly notes?: string | undefined;
}

/** SHA-256 of a text, hex. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The declared source values (before the calibration applies), by name. */
function sourceValues(): Map<string, number> {
  return new Map(modelParameterDecls(false).map((d) => [d.name, d.value]));
}

function parameterIssues(
  entry: z.output<typeof problemSchema>['parameters'][number],
  i: number,
  sources: ReadonlyMap<string, number>,
): ScenarioIssue[] {
  const at = `parameters[${i}]`;
  if (!isParamName(entry.name)) {
    return [
      {
        path: `${at}.name`,
        message: `'${entry.name}' is not a parameter of the model (endotwin model params)`,
      },
    ];
  }
  const source = sources.get(entry.name);
  if (source === undefined) {
    return [
      {
        path: `${at}.name`,
        message: `'${entry.name}' is a patient coefficient; only model parameters are calibrated`,
      },
    ];
  }
  const role = parameterRow(entry.name).role;
  if (role === 'set_by_run' || role === 'patient') {
    return [
      { path: `${at}.name`, message: `'${entry.name}' has role ${role}: the run or the patient sets it` },
    ];
  }
  const issues: ScenarioIssue[] = [];
  if (entry.unit !== PARAM_UNITS[entry.name]) {
    issues.push({
      path: `${at}.unit`,
      message: `'${entry.name}' is in ${PARAM_UNITS[entry.name]}, not ${entry.unit}`,
    });
  }
  const [lo, hi] = entry.bounds;
  if (!(lo < hi)) {
    issues.push({
      path: `${at}.bounds`,
      message: `must be [lower, upper] with lower < upper, got [${lo}, ${hi}]`,
    });
  } else if (!(lo <= source && source <= hi)) {
    issues.push({
      path: `${at}.bounds`,
      message: `the prior median (the source value ${source}) lies outside [${lo}, ${hi}]`,
    });
  }
  return issues;
}

/** The free parameters in a run's model, or why one of them cannot be set in that run. */
function runParameterNames(doc: unknown, free: readonly ParamName[]): ParamName[] | string {
  const scenario = parseScenario(doc);
  const inModel = new Set(setUpPatient(scenario).model.parameterNames);
  const names = free.filter((name) => inModel.has(name));
  if (names.length === 0) return names;
  try {
    freeParameters(scenario, names);
  } catch (error) {
    if (error instanceof ScenarioError) return error.issues.map((i) => i.message).join('; ');
    throw error;
  }
  return names;
}

function loadCaseFile(path: string, id: string): { c: ValidationCase; text: string } {
  const text = readFileSync(path, 'utf8');
  return { c: parseCase(readDocument(text), `${id}.yaml`), text };
}

/**
 * Reads and checks a problem file and the cases it names.
 * @throws ScenarioError naming each bad field: an unknown parameter, a wrong unit, inverted bounds, a prior median
 *   outside its bounds, an unknown case, a case named twice, or a case without a published spread.
 */
export function loadCalibrationProblem(file: string): CalibrationProblem {
  const path = resolve(file);
  const text = readFileSync(path, 'utf8');
  const doc = readDocument(text);
  const parsed = problemSchema.safeParse(doc);
  if (!parsed.success) throw new ScenarioError(issuesFromZod(parsed.error, doc));
  const p = parsed.data;
  const sources = sourceValues();
  const issues = p.parameters.flatMap((entry, i) => parameterIssues(entry, i, sources));
  p.parameters.forEach((entry, i) => {
    if (p.parameters.findIndex((e) => e.name === entry.name) !== i)
      issues.push({ path: `parameters[${i}].name`, message: `'${entry.name}' is named twice` });
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  const parameters: CalibrationParameter[] = p.parameters.map((entry) => {
    const name = entry.name as ParamName;
    const evidence = parameterRow(name).evidence;
    return {
      name,
      unit: entry.unit,
      evidence,
      source_value: sources.get(name) ?? Number.NaN,
      bounds: entry.bounds,
      prior_sd_log: entry.prior_sd_log ?? p.prior_sd_log[evidence],
    };
  });
  const casesDir = join(dirname(path), p.cases_dir);
  const targets: CalibrationTarget[] = [];
  const resets = Object.fromEntries(
    Object.keys(CALIBRATION_FILE.values)
      .filter((name) => !parameters.some((q) => q.name === name) && sources.has(name))
      .map((name) => [name, sources.get(name) ?? 0]),
  );
  const free = [...parameters.map((q) => q.name), ...(Object.keys(resets) as ParamName[])];
  const hashes: Record<string, string> = {};
  p.studies.forEach((study, s) => {
    study.cases.forEach((id, k) => {
      const at = `studies[${s}].cases[${k}]`;
      if (hashes[id] !== undefined) {
        issues.push({ path: at, message: `case '${id}' is named twice` });
        return;
      }
      let loaded: { c: ValidationCase; text: string };
      try {
        loaded = loadCaseFile(join(casesDir, `${id}.yaml`), id);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        issues.push({ path: at, message: `case '${id}' cannot be read from ${casesDir}: ${message}` });
        return;
      }
      hashes[id] = sha256(loaded.text);
      const target = caseTarget(loaded.c, study.study, study.cases.length, p.spread_floor_fraction);
      if (typeof target === 'string') {
        issues.push({ path: at, message: target });
        return;
      }
      const names = runParameterNames(loaded.c.scenario, free);
      const referenceNames =
        loaded.c.reference_scenario === undefined ? [] : runParameterNames(loaded.c.reference_scenario, free);
      const refused = [names, referenceNames].find((n) => typeof n === 'string');
      if (typeof refused === 'string') issues.push({ path: at, message: `case '${id}': ${refused}` });
      else
        targets.push({
          ...target,
          names: names as ParamName[],
          referenceNames: referenceNames as ParamName[],
        });
    });
  });
  if (issues.length > 0) throw new ScenarioError(issues);
  return {
    file: path,
    sha256: sha256(text),
    parameters,
    resets,
    targets,
    cases_sha256: hashes,
    prior_sd_log: p.prior_sd_log,
    spread_floor_fraction: p.spread_floor_fraction,
    search: p.search,
    notes: p.notes,
  };
}
