// SPDX-License-Identifier: MIT
/**
 * Fitting a patient's twin to their follow-up labs: the few parameters of `parameters.ts`, on the log scale, by
 * penalised weighted least squares on the log of each lab (Levenberg–Marquardt, finite-difference Jacobian: one
 * `simulate` call per column), with standard errors from the curvature at the optimum (Laplace approximation).
 *
 * Model of a measurement: ln y = ln f(θ) + ε, ε ~ N(0, φ·σ²_lab), with f the simulated morning draw of that lab on
 * that day, σ_lab the lab's measurement SD (`observations.ts`) and φ ≥ 1 a variance factor estimated from the
 * residuals. Prior: θ_j ~ N(θ⁰_j, τ²_j) with θ⁰ the patient's population value. The fit minimises
 * Σ ((ln y − ln f)/σ)² + Σ ((θ − θ⁰)/τ)², and the posterior covariance is (JᵀJ/φ + diag(1/τ²))⁻¹ with J the
 * Jacobian of the weighted log residuals.
 */
import type { Result } from '../scenario/result.js';
import type { LabName, Scenario } from '../scenario/schema.js';
import { prepareScenario, setUpPatient, simulate, type PreparedScenario } from '../simulate/index.js';
import {
  levenbergMarquardtSync,
  posteriorCovariance,
  type LmResult,
} from '../estimate/levenberg-marquardt.js';
import {
  DEFAULT_MEASUREMENT_SD_LOG,
  FITTABLE_LABS,
  TwinInputError,
  isFittableLab,
  labValueIssues,
} from './observations.js';
import type { FittableLab, TwinLabValue } from './observations.js';
import { defaultTwinParameters } from './parameters.js';
import type { TwinParameterSpec } from './parameters.js';

/** Schema id of a fit document. */
export const TWIN_FIT_SCHEMA_ID = 'endotwin/twin-fit/v1';

/** Finite-difference step of the Jacobian on the log scale (5 %: far above the solver's relative tolerance). */
const JACOBIAN_LOG_STEP = 0.05;
/** Largest change of one log-parameter in one iteration (a factor of e). */
const MAX_LOG_STEP = 1;
/** The fit has converged when no log-parameter moves by more than this (0.1 %). */
const CONVERGED_LOG_STEP = 1e-3;
/** Log-parameters stay within this distance of their population value (a factor of about 150). */
const LOG_BOUND = 5;
/** Two-sided 95 % normal quantile. */
const Z95 = 1.959964;

/** What {@link fitTwin} needs. */
export interface FitTwinInput {
  /**
   * The patient's treated history: patient and the regimen actually taken (no titration rule), day 0 being the
   * start of the history. A baseline IGF-1 in `patient.labs` becomes an observation on day 0 (unless the labs have
   * one), because the IGF-1 production scale is fitted rather than calibrated.
   */
  readonly scenario: Scenario;
  /** Follow-up (and baseline) lab values on scenario days, in canonical units. */
  readonly labs: readonly TwinLabValue[];
  /** The fitted parameters; default {@link defaultTwinParameters}. */
  readonly parameters?: readonly TwinParameterSpec[];
  /** Measurement SDs on the log scale by lab, replacing the defaults (e.g. the assay's own CV). */
  readonly measurementSdLog?: Readonly<Partial<Record<FittableLab, number>>>;
  /** Most Levenberg–Marquardt iterations (default 25). */
  readonly maxIterations?: number;
  /** Called after each `simulate` call of the fit with the count so far (for a progress display). */
  readonly onSimulation?: (count: number) => void;
}

/** One fitted parameter. */
export interface FittedParameter {
  readonly name: string;
  readonly description: string;
  readonly unit: string;
  /** The patient's population value (start and prior centre). */
  readonly population: number;
  /** The estimate, exp of the posterior mode on the log scale. */
  readonly estimate: number;
  readonly log_estimate: number;
  /** Standard error on the natural-log scale (≈ the relative standard error). */
  readonly log_se: number;
  /** 95 % interval: exp(log_estimate ± 1.96 log_se). */
  readonly ci95: readonly [number, number];
  readonly prior_sd_log: number;
}

/** One used observation with its fitted value. */
export interface TwinResidual {
  readonly day: number;
  readonly lab: FittableLab;
  readonly observed: number;
  readonly fitted: number;
  /** ln(observed) − ln(fitted). */
  readonly log_residual: number;
}

/** A lab value the fit did not use, and why. */
export interface IgnoredLab {
  readonly day: number;
  readonly lab: string;
  readonly value: number;
  readonly reason: string;
}

/** The fitted twin: estimates with uncertainty, residuals and what a prediction needs. */
export interface TwinFit {
  readonly schema: typeof TWIN_FIT_SCHEMA_ID;
  /** The history as fitted (a baseline IGF-1 moved from `patient.labs` into the observations). */
  readonly scenario: Scenario;
  readonly parameters: readonly FittedParameter[];
  /** Posterior covariance of the log-parameters, in the order of `parameters`. */
  readonly covariance_log: readonly (readonly number[])[];
  readonly residuals: readonly TwinResidual[];
  /** The measurement SDs assumed, by lab (log scale). */
  readonly measurement_sd_log: Readonly<Partial<Record<FittableLab, number>>>;
  /** Variance factor φ = max(1, χ²/(n − p)): how much larger the residuals are than the assumed SDs. */
  readonly variance_factor: number;
  /** Residual SD of one draw by lab, √φ·σ (log scale): the error a prediction adds to the model's value. */
  readonly residual_sd_log: Readonly<Partial<Record<FittableLab, number>>>;
  readonly ignored: readonly IgnoredLab[];
  readonly notes: readonly string[];
  readonly iterations: number;
  readonly converged: boolean;
  /** `simulate` calls the fit made. */
  readonly simulations: number;
  /** The minimised sum of squares (weighted residuals plus prior terms). */
  readonly objective: number;
}

// ---------------------------------------------------------------------------------------------------------------
// The history and the observations.

/** An observation the fit uses: its lab and the log of its value, and its measurement SD. */
interface Observation {
  readonly day: number;
  readonly lab: FittableLab;
  readonly value: number;
  readonly sdLog: number;
}

function checkInput(input: FitTwinInput, specs: readonly TwinParameterSpec[]): void {
  const issues = labValueIssues(input.labs, input.scenario.duration_days);
  if (input.scenario.titration) {
    issues.push({
      path: 'scenario.titration',
      message:
        'a history must give the doses actually taken as regimen lines; a titration rule would re-decide them ' +
        'from simulated labs',
    });
  }
  specs.forEach((s, i) => {
    if (!(s.priorSdLog > 0 && Number.isFinite(s.priorSdLog))) {
      issues.push({
        path: `parameters[${i}].priorSdLog`,
        message: `must be a positive number, got ${s.priorSdLog}`,
      });
    }
  });
  if (new Set(specs.map((s) => s.name)).size !== specs.length) {
    issues.push({
      path: 'parameters',
      message: `names a parameter twice: ${specs.map((s) => s.name).join(', ')}`,
    });
  }
  for (const [lab, sd] of Object.entries(input.measurementSdLog ?? {})) {
    if (!isFittableLab(lab)) {
      issues.push({
        path: `measurementSdLog.${lab}`,
        message: `not a fitted lab; allowed: ${Object.keys(FITTABLE_LABS).join(', ')}`,
      });
    } else if (!(typeof sd === 'number' && sd > 0 && Number.isFinite(sd))) {
      issues.push({
        path: `measurementSdLog.${lab}`,
        message: `must be a positive number, got ${String(sd)}`,
      });
    }
  }
  if (issues.length > 0) throw new TwinInputError(issues);
}

/** The scenario without `patient.labs.igf1_ng_ml` (the production scale is then not calibrated to it). */
export function withoutBaselineIgf1(scenario: Scenario): Scenario {
  const labs = { ...scenario.patient.labs };
  delete labs.igf1_ng_ml;
  return { ...scenario, patient: { ...scenario.patient, labs } };
}

/**
 * The history with its baseline IGF-1 moved into the labs when the production scale is fitted (the burn-in would
 * otherwise calibrate the scale to it).
 */
function withBaselineAsLab(
  scenario: Scenario,
  labs: readonly TwinLabValue[],
  specs: readonly TwinParameterSpec[],
  notes: string[],
): { scenario: Scenario; labs: TwinLabValue[] } {
  const baseline = scenario.patient.labs.igf1_ng_ml;
  if (baseline === undefined || !specs.some((s) => s.name === 'igf1_prod_scale')) {
    return { scenario, labs: [...labs] };
  }
  const moved = withoutBaselineIgf1(scenario);
  if (labs.some((l) => l.lab === 'igf1' && l.day === 0)) {
    notes.push(`patient.labs.igf1_ng_ml (${baseline}) was dropped: the labs have an IGF-1 on day 0`);
    return { scenario: moved, labs: [...labs] };
  }
  notes.push(`patient.labs.igf1_ng_ml (${baseline}) is used as the IGF-1 observation of day 0`);
  return { scenario: moved, labs: [{ day: 0, lab: 'igf1', value: baseline }, ...labs] };
}

/** Splits the labs into those the fit uses and those it cannot, with the reason. */
function usableObservations(
  labs: readonly TwinLabValue[],
  sds: Readonly<Record<FittableLab, number>>,
): { observations: Observation[]; ignored: IgnoredLab[] } {
  const observations: Observation[] = [];
  const ignored: IgnoredLab[] = [];
  for (const l of labs) {
    if (!isFittableLab(l.lab)) {
      ignored.push({ ...l, reason: 'the model does not simulate this lab' });
    } else if (!(l.value > 0)) {
      ignored.push({ ...l, reason: 'not positive: cannot be fitted on the log scale' });
    } else observations.push({ day: l.day, lab: l.lab, value: l.value, sdLog: sds[l.lab] });
  }
  return { observations, ignored };
}

/**
 * The history cut to what the fit needs: its days up to the last observation, the observed labs drawn on the
 * observed days, no series.
 */
function fitRunScenario(history: Scenario, observations: readonly Observation[]): Scenario {
  const lastDay = Math.max(1, ...observations.map((o) => o.day));
  const regimen = history.regimen
    .filter((line) => line.start_day < lastDay)
    .map((line) => ({ ...line, end_day: Math.min(line.end_day, lastDay) }));
  const labs = [...new Set(observations.map((o) => FITTABLE_LABS[o.lab].monitoring))] as LabName[];
  return {
    ...history,
    duration_days: lastDay,
    regimen,
    monitoring: {
      ...history.monitoring,
      labs,
      at_days: [...new Set(observations.map((o) => o.day))].sort((a, b) => a - b),
    },
    output: { ...history.output, series: [], window_days: [0, 1] },
  };
}

/** The value of an observation's lab in a result's lab rows, or null. */
function simulatedValue(result: Result, o: Observation): number | null {
  const row = result.labs.find((r) => r.day === o.day);
  const value = row?.[FITTABLE_LABS[o.lab].field];
  return typeof value === 'number' ? value : null;
}

// ---------------------------------------------------------------------------------------------------------------
// The least-squares problem.

/** The simulated labs as a function of the log-parameters, counting the simulate calls. */
class LabModel {
  calls = 0;
  /** The scenario checked and expanded once for all the fit's runs. */
  private readonly prepared: PreparedScenario;
  constructor(
    scenario: Scenario,
    private readonly names: readonly string[],
    private readonly observations: readonly Observation[],
    private readonly onCall: () => void = () => undefined,
  ) {
    this.prepared = prepareScenario({ scenario });
  }

  /** Simulated value of every observation at log-parameters `theta` (null where the model gives none). */
  values(theta: readonly number[]): (number | null)[] {
    this.calls++;
    const overrides = Object.fromEntries(this.names.map((name, j) => [name, Math.exp(theta[j])]));
    const result = simulate(this.prepared, { parameterOverrides: overrides });
    this.onCall();
    return this.observations.map((o) => simulatedValue(result, o));
  }

  /** Weighted log residuals (ln y − ln f)/σ; throws when the model gives no positive value for one. */
  residuals(theta: readonly number[]): number[] {
    return this.values(theta).map((f, i) => {
      const o = this.observations[i];
      if (f === null || !(f > 0))
        throw new RangeError(`the model gives no positive ${o.lab} on day ${o.day}`);
      return (Math.log(o.value) - Math.log(f)) / o.sdLog;
    });
  }
}

/** Levenberg–Marquardt (the shared one of `estimate/`) on the penalised objective from θ⁰, within θ⁰ ± LOG_BOUND. */
function search(
  model: LabModel,
  theta0: readonly number[],
  tau: readonly number[],
  maxIterations: number,
): LmResult {
  const options = {
    start: theta0,
    priorMean: theta0,
    priorSd: tau,
    lower: theta0.map((t) => t - LOG_BOUND),
    upper: theta0.map((t) => t + LOG_BOUND),
    jacobianStep: JACOBIAN_LOG_STEP,
    maxStep: MAX_LOG_STEP,
    convergedStep: CONVERGED_LOG_STEP,
    maxIterations,
  };
  return levenbergMarquardtSync(options, (theta, purpose) => {
    if (purpose !== 'trial') return model.residuals(theta);
    try {
      return model.residuals(theta);
    } catch (error) {
      // A failed trial simulation counts as no improvement.
      if (error instanceof TwinInputError) throw error;
      return undefined;
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The fit.

function requireSome(observations: readonly Observation[]): void {
  if (observations.length > 0) return;
  throw new TwinInputError([
    {
      path: 'labs',
      message: `no lab the model simulates for this patient; give at least one of ${Object.keys(FITTABLE_LABS).join(', ')}`,
    },
  ]);
}

/** The observations the model has a positive value for at the start (none, e.g., for testosterone in a woman). */
function withModelValues(
  model: LabModel,
  theta0: readonly number[],
  observations: readonly Observation[],
  ignored: IgnoredLab[],
): Observation[] {
  const values = model.values(theta0);
  return observations.filter((o, i) => {
    const f = values[i];
    if (f !== null && f > 0) return true;
    ignored.push({
      day: o.day,
      lab: o.lab,
      value: o.value,
      reason: 'the model has no value of this lab for this patient',
    });
    return false;
  });
}

/** The patient's population value of each parameter, and its declared unit. */
function populationValues(
  scenario: Scenario,
  specs: readonly TwinParameterSpec[],
): { values: number[]; units: string[] } {
  const setup = setUpPatient(scenario);
  const issues = specs.flatMap((s, i) =>
    setup.model.parameterNames.includes(s.name)
      ? []
      : [
          {
            path: `parameters[${i}].name`,
            message: `'${s.name}' is not a parameter of this scenario's model`,
          },
        ],
  );
  if (issues.length > 0) throw new TwinInputError(issues);
  return {
    values: specs.map((s) => setup.p[setup.model.parameterIndex(s.name)]),
    units: specs.map((s) => setup.model.parameters.find((d) => d.name === s.name)?.unit ?? '1'),
  };
}

/** Variance factor φ = max(1, χ²/(n − p)); 1 when there are no more observations than parameters. */
function varianceFactor(chiSquare: number, n: number, p: number): number {
  return n > p ? Math.max(1, chiSquare / (n - p)) : 1;
}

/**
 * Fits the twin of a patient to their labs: the parameters of {@link defaultTwinParameters} (or `parameters`),
 * starting from and shrunk towards the patient's population values. Cost: (p + 1) to (p + 3) `simulate` calls per
 * iteration over the history up to the last lab, usually 3–8 iterations.
 * @throws TwinInputError for bad labs or options, a history with a titration rule, or no usable lab (path given).
 * @example fitTwin({ scenario, labs: [{ day: 0, lab: 'igf1', value: 96 }, { day: 28, lab: 'igf1', value: 131 }] })
 */
export function fitTwin(input: FitTwinInput): TwinFit {
  const specs = input.parameters ?? defaultTwinParameters(input.scenario);
  checkInput(input, specs);
  const notes: string[] = [];
  const { scenario, labs } = withBaselineAsLab(input.scenario, input.labs, specs, notes);
  const sds = { ...DEFAULT_MEASUREMENT_SD_LOG, ...input.measurementSdLog };
  const usable = usableObservations(labs, sds);
  const ignored = usable.ignored;
  requireSome(usable.observations);
  const run = fitRunScenario(scenario, usable.observations);
  const { values: population, units } = populationValues(run, specs);
  const theta0 = population.map(Math.log);
  const tau = specs.map((s) => s.priorSdLog);
  const names = specs.map((s) => s.name);
  let simulations = 0;
  const counted = (): void => input.onSimulation?.(++simulations);
  const start = new LabModel(run, names, usable.observations, counted);
  const observations = withModelValues(start, theta0, usable.observations, ignored);
  requireSome(observations);
  const model = new LabModel(run, names, observations, counted);
  const {
    state: point,
    jacobian: j,
    iterations,
    converged,
  } = search(model, theta0, tau, input.maxIterations ?? 25);
  const phi = varianceFactor(
    point.r.reduce((sum, r) => sum + r * r, 0),
    observations.length,
    specs.length,
  );
  const covariance = posteriorCovariance(j, tau, phi);
  if (!converged)
    notes.push(`not converged after ${iterations} iterations; the estimates are the best point found`);
  const usedLabs = [...new Set(observations.map((o) => o.lab))];
  return {
    schema: TWIN_FIT_SCHEMA_ID,
    scenario,
    parameters: specs.map((s, k) =>
      fittedParameter(s, units[k], population[k], point.theta[k], covariance[k][k]),
    ),
    covariance_log: covariance,
    residuals: observations.map((o, i) => residualOf(o, point.r[i])),
    measurement_sd_log: Object.fromEntries(usedLabs.map((lab) => [lab, sds[lab]])),
    variance_factor: phi,
    residual_sd_log: Object.fromEntries(usedLabs.map((lab) => [lab, Math.sqrt(phi) * sds[lab]])),
    ignored,
    notes,
    iterations,
    converged,
    simulations: start.calls + model.calls,
    objective: point.cost,
  };
}

function fittedParameter(
  spec: TwinParameterSpec,
  unit: string,
  population: number,
  logEstimate: number,
  variance: number,
): FittedParameter {
  const se = Math.sqrt(variance);
  return {
    name: spec.name,
    description: spec.description,
    unit,
    population,
    estimate: Math.exp(logEstimate),
    log_estimate: logEstimate,
    log_se: se,
    ci95: [Math.exp(logEstimate - Z95 * se), Math.exp(logEstimate + Z95 * se)],
    prior_sd_log: spec.priorSdLog,
  };
}

function residualOf(o: Observation, weighted: number): TwinResidual {
  const logResidual = weighted * o.sdLog;
  return {
    day: o.day,
    lab: o.lab,
    observed: o.value,
    fitted: o.value / Math.exp(logResidual),
    log_residual: logResidual,
  };
}
