// SPDX-License-Identifier: MIT
/**
 * The one entry point: `simulate(scenario) → Result`. Every caller (CLI, API, cohort runner, tests) goes through
 * here. The stages are named functions:
 *
 * 1. {@link screen}: contraindication screening, plus notes on what the model does not cover yet;
 * 2. {@link setUpPatient}: the compiled model for the regimen's drugs and the patient's parameter vector;
 * 3. {@link buildTimeline}: lifestyle events and GHRH pulses from the burn-in's start to the run's end;
 * 4. {@link burnIn}: the untreated patient run to its own steady state (calibrated to baseline IGF-1 when given);
 * 5. {@link runTreatment}: doses and titration, one `integrate` call per segment, outputs streamed into reducers;
 * 6. {@link assembleResult}: daily rows, labs, series, events and endpoints.
 *
 * Same scenario and seed ⇒ the same JSON, byte for byte.
 */
import { igf1Sds } from './analysis/igf1-sds.js';
import { percentile } from './analysis/summary.js';
import { integrate } from './engine/integrate.js';
import { Random } from './engine/random.js';
import { CallbackSink } from './engine/sinks.js';
import type { CompiledModel, TimedEvent } from './engine/types.js';
import {
  exerciseIntensityLt,
  lifestyleEvents,
  lifestyleSlots,
  mealKcal,
  STRESS_LEVEL,
  SWS_BY_QUALITY,
  wakeClockMin,
  type LifestyleChange,
} from './physiology/clock-lifestyle.js';
import { DRUGS, type DrugName } from './physiology/drug-catalog.js';
import { doseEvents, type DoseSlots } from './physiology/drug-model.js';
import { BurstCounter, burstCandidates } from './physiology/gh-bursts.js';
import {
  generateGhrhPulses,
  ghrhPulseEvents,
  pulseSettings,
  type GhrhPulse,
} from './physiology/hypothalamus.js';
import {
  compiledModel,
  DRUG_MODELS,
  isModelledDrug,
  MODEL_NAME,
  modelDefinition,
} from './physiology/model.js';
import {
  applyPatientParameters,
  igf1ProductionScaleFor,
  patientParameters,
  type Igf1Parameters,
  type PatientParameters,
} from './physiology/patient.js';
import { clockToMinutes } from './protocol/clock.js';
import { expandLifestyle, type LifestyleRecord } from './protocol/lifestyle.js';
import { expandRegimen, type DoseRecord } from './protocol/regimen.js';
import { IGF1_ABOVE_RANGE_SDS, screenScenario } from './protocol/screening.js';
import { doseToMcg, ScenarioError } from './scenario/parse.js';
import {
  RESULT_SCHEMA_ID,
  type DailyRow,
  type Endpoints,
  type Finding,
  type LabRow,
  type Result,
  type ResultEvent,
  type Screening,
} from './scenario/result.js';
import type { LabName, Scenario } from './scenario/schema.js';

/** Version of the engine reported in results (kept equal to package.json). */
export const ENGINE_VERSION = '0.1.0';
/** The solver every run uses. */
export const SOLVER = 'dopri5';
/** Days the untreated patient is run before day 0 (IGF-1 and the binding capacity need weeks to settle). */
export const BURN_IN_DAYS = 28;
/** Spacing of the internal samples behind `daily` and `labs` (minutes). */
export const INTERNAL_STEP_MIN = 5;
/**
 * Relative tolerance of the solver, and the absolute tolerance of every state but those listed in
 * {@link FINE_ATOL}. Physiological quantities are not known to better than a few per cent; 1e-3 keeps the
 * numerical error well below that (daily means agree to 4 digits with rtol 1e-4, atol 1e-7).
 */
export const TOLERANCES = { rtol: 1e-3, atol: 1e-4 } as const;
/** States whose typical values are far below 1 and need a finer absolute tolerance. */
const FINE_ATOL: Readonly<Record<string, number>> = { ghrh: 1e-6 };

const atolCache = new WeakMap<CompiledModel, Float64Array>();

/** The per-state absolute tolerances of a model. */
function absoluteTolerances(model: CompiledModel): Float64Array {
  let atol = atolCache.get(model);
  if (atol === undefined) {
    atol = Float64Array.from(model.stateNames, (name) => FINE_ATOL[name] ?? TOLERANCES.atol);
    atolCache.set(model, atol);
  }
  return atol;
}

/** Solver options for a model. */
function solverOptions(model: CompiledModel): { rtol: number; atol: Float64Array } {
  return { rtol: TOLERANCES.rtol, atol: absoluteTolerances(model) };
}

const MIN_PER_DAY = 1440;
/** Seeded streams: one for the patient's random effects, one for the pulse generator. */
const STREAM_PATIENT = 1;
const STREAM_PULSES = 2;

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Called with the fraction done (0–1), about a hundred times per run, last with 1. */
  readonly onProgress?: (fraction: number) => void;
}

/**
 * Simulates a normalised scenario (from `parseScenario`).
 * @throws ScenarioError when `output.series` names an unknown series (path `output.series[i]`).
 * @example simulate(parseScenario({ duration_days: 7, patient: { age_years: 40, sex: 'male', weight_kg: 80, height_cm: 180 } }))
 */
export function simulate(scenario: Scenario, options: SimulateOptions = {}): Result {
  const series = checkSeriesNames(scenario);
  const screening = screen(scenario);
  const setup = setUpPatient(scenario);
  const timeline = buildTimeline(scenario, setup);
  const progress = progressSplitter(options.onProgress, BURN_IN_DAYS, timeline.endMin / MIN_PER_DAY);
  const baseline = burnIn(scenario, setup, timeline, progress.burnIn);
  const run = runTreatment(scenario, setup, timeline, baseline, series, progress.treatment);
  return assembleResult(scenario, screening, setup, timeline, run);
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 1: screening and series names

/** Every series name a scenario may request: the outputs of the full model (all drugs). */
export function seriesNames(): readonly string[] {
  return allOutputs;
}
const allOutputs: readonly string[] = modelDefinition().subModels.flatMap((sm) =>
  (sm.outputs ?? []).map((o) => o.name),
);

/** The requested series, checked against the model's outputs. @throws ScenarioError naming the bad entry. */
function checkSeriesNames(scenario: Scenario): readonly string[] {
  const issues = scenario.output.series.flatMap((name, i) =>
    allOutputs.includes(name)
      ? []
      : [
          {
            path: `output.series[${i}]`,
            message: `unknown series '${name}'; allowed: ${allOutputs.join(', ')}`,
          },
        ],
  );
  if (issues.length > 0) throw new ScenarioError(issues);
  return scenario.output.series;
}

/** Screening of the protocol layer, plus information on the parts of a scenario this model version ignores. */
export function screen(scenario: Scenario): Screening {
  const base = screenScenario(scenario);
  const notes: Finding[] = [];
  for (const drug of new Set(scenario.regimen.map((line) => line.drug))) {
    if (!isModelledDrug(drug)) {
      notes.push({
        code: 'INFO_DRUG_NOT_MODELLED',
        severity: 'info',
        message: `${drug}: the gonadal-axis model is not part of ${MODEL_NAME} yet; its doses are listed but act on nothing`,
      });
    }
  }
  for (const effect of scenario.model.optional_effects) {
    notes.push({
      code: 'INFO_OPTIONAL_EFFECT_NOT_MODELLED',
      severity: 'info',
      message: `optional effect '${effect}' is not implemented in ${MODEL_NAME}; it was not switched on`,
    });
  }
  return { status: base.status, findings: [...base.findings, ...notes] };
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 2: model and patient

/** The compiled model and the patient's parameters. */
export interface Setup {
  readonly model: CompiledModel;
  readonly p: Float64Array;
  readonly patient: PatientParameters;
  readonly drugs: readonly DrugName[];
  readonly ghVolumeL: number;
}

/** The model for the regimen's modelled drugs, and the parameter vector of this patient. */
export function setUpPatient(scenario: Scenario): Setup {
  const drugs = [...new Set(scenario.regimen.map((l) => l.drug))].filter(isModelledDrug);
  const model = compiledModel(drugs);
  const p = model.defaultParameters();
  const pt = scenario.patient;
  const uniform = uniformOf(Random.fromSeed(scenario.seed).split(STREAM_PATIENT));
  const patient = patientParameters(
    {
      ageYears: pt.age_years,
      sex: pt.sex,
      weightKg: pt.weight_kg,
      heightCm: pt.height_cm,
      ...(pt.body_fat_pct === undefined ? {} : { bodyFatPct: pt.body_fat_pct }),
      ...(pt.visceral_fat_cm2 === undefined ? {} : { visceralFatCm2: pt.visceral_fat_cm2 }),
      ghDeficient: pt.conditions.includes('gh_deficiency'),
      variability: pt.variability,
    },
    uniform,
  );
  const index = (name: string): number => model.parameterIndex(name);
  applyPatientParameters(p, patient, index);
  const sleep = scenario.lifestyle.sleep;
  p[index('wake_clock_min')] = wakeClockMin(clockToMinutes(sleep.bedtime), sleep.duration_h);
  const ghVolumeL = p[index('gh_vd_fraction')] * p[index('body_weight_kg')];
  return { model, p, patient, drugs, ghVolumeL };
}

function uniformOf(random: Random): () => number {
  return () => random.nextFloat();
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 3: lifestyle and GHRH pulses

/** Lifestyle events and GHRH pulses from the burn-in's start to the run's end (times in minutes). */
export interface Timeline {
  readonly startMin: number;
  readonly endMin: number;
  readonly changes: readonly LifestyleChange[];
  readonly lifestyle: readonly TimedEvent[];
  readonly pulses: readonly GhrhPulse[];
  readonly pulseEvents: readonly TimedEvent[];
  /** Lifestyle and pulse events merged, sorted. */
  readonly background: readonly TimedEvent[];
  readonly drawMin: number;
}

/** A protocol lifestyle record in the physiology's terms. */
function toChange(r: LifestyleRecord): LifestyleChange {
  switch (r.kind) {
    case 'sleep_start':
      return { t_min: r.t_min, kind: 'sleep_start', quality: SWS_BY_QUALITY[r.quality] };
    case 'meal':
      return { t_min: r.t_min, kind: 'meal', kcal: mealKcal(r.carbs_g, r.fat_g, r.protein_g) };
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

/** The last minute the run must reach: the end of the last day, or a later monitoring draw. */
function runEndMin(scenario: Scenario, drawMin: number): number {
  const lastLabDay = Math.max(0, ...scenario.monitoring.at_days);
  return Math.max(scenario.duration_days * MIN_PER_DAY, lastLabDay * MIN_PER_DAY + drawMin);
}

/** Lifestyle and pulses over [−burn-in, end]. */
export function buildTimeline(scenario: Scenario, setup: Setup): Timeline {
  const drawMin = clockToMinutes(scenario.monitoring.draw_time);
  const startMin = -BURN_IN_DAYS * MIN_PER_DAY;
  const endMin = runEndMin(scenario, drawMin);
  const records = expandLifestyle(scenario, {
    fromDay: -BURN_IN_DAYS,
    toDay: Math.ceil(endMin / MIN_PER_DAY) + 1,
  });
  const changes = records.map(toChange).filter((c) => c.t_min <= endMin);
  const lifestyle = lifestyleEvents(changes, lifestyleSlots(setup.model)).filter((e) => e.t <= endMin);
  const uniform =
    scenario.model.pulse_generator === 'deterministic'
      ? null
      : uniformOf(Random.fromSeed(scenario.seed).split(STREAM_PULSES));
  const pulses = generateGhrhPulses(pulseSettings(setup.model, setup.p), changes, startMin, endMin, uniform);
  const pulseEvents = ghrhPulseEvents(pulses, setup.model.stateIndex('ghrh'));
  const background = mergeEvents(lifestyle, pulseEvents);
  return { startMin, endMin, changes, lifestyle, pulses, pulseEvents, background, drawMin };
}

/** Merges event lists (each sorted) into one sorted list; stable for equal times (earlier lists first). */
function mergeEvents(...lists: (readonly TimedEvent[])[]): TimedEvent[] {
  return lists
    .flat()
    .map((event, order) => ({ event, order }))
    .sort((a, b) => a.event.t - b.event.t || a.order - b.order)
    .map(({ event }) => event);
}

/** Events with from ≤ t < to (the last segment also takes t = to). */
function eventsIn(events: readonly TimedEvent[], from: number, to: number, last: boolean): TimedEvent[] {
  return events.filter((e) => e.t >= from && (e.t < to || (last && e.t === to)));
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 4: burn-in

/** State and inputs at the end of a stretch of integration. */
export interface EndState {
  readonly y: Float64Array;
  readonly u: Float64Array;
}

/** Days at the end of a burn-in segment over which IGF-1 and the hepatic signal are averaged (pulses are random). */
const READING_DAYS = 4;

/** Mean hepatic signal and IGF-1 over the last days of a burn-in segment, and the final binding capacity. */
interface BurnInReading {
  readonly y: Float64Array;
  readonly u: Float64Array;
  readonly hepaticSignal: number;
  readonly igf1: number;
  readonly capacity: number;
}

/** Integrates an untreated stretch and reads the IGF-1 steady state off its last days. */
function burnInSegment(
  setup: Setup,
  timeline: Timeline,
  start: EndState | undefined,
  from: number,
  to: number,
  onProgress: ((fraction: number) => void) | undefined,
): BurnInReading {
  const { model, p } = setup;
  const hi = model.outputIndex('hepatic_gh_signal');
  const ii = model.outputIndex('igf1_ng_ml');
  let sumH = 0;
  let sumI = 0;
  let n = 0;
  const sink = new CallbackSink((t, v) => {
    if (t >= to - READING_DAYS * MIN_PER_DAY && t < to) {
      sumH += v[hi];
      sumI += v[ii];
      n++;
    }
  });
  const events = eventsIn(timeline.background, from, to, false);
  const result = integrate({
    model,
    t0: from,
    t1: to,
    p,
    ...(start ? { y0: start.y, u0: start.u } : {}),
    events,
    solver: SOLVER,
    options: solverOptions(model),
    sink,
    sampleEvery: INTERNAL_STEP_MIN,
    sampleStart: from,
    ...(onProgress ? { onProgress } : {}),
  });
  return {
    y: result.y,
    u: result.u,
    hepaticSignal: sumH / n,
    igf1: sumI / n,
    capacity: result.y[model.stateIndex('igfbp3_capacity')],
  };
}

function igf1Parameters(setup: Setup): Igf1Parameters {
  const v = (name: string): number => setup.p[setup.model.parameterIndex(name)];
  return {
    prodMax: v('igf1_prod_max'),
    prodBasal: v('igf1_prod_basal'),
    kTernary: v('igf1_k_ternary'),
    kUnbound: v('igf1_k_unbound'),
    satN: v('igf1_sat_n'),
  };
}

/** Burn-in segments (days) when calibrating to a baseline IGF-1: a reading at the end of each but the last. */
const CALIBRATION_BREAKS_DAYS = [-BURN_IN_DAYS, -21, -14, -7, 0];

/**
 * Runs the untreated patient from the burn-in's start to day 0 and returns the state at day 0. With a baseline
 * IGF-1 in the labs, hepatic production is rescaled after each week of the burn-in so that the steady state
 * reproduces it: the scale balances IGF-1 clearance at the target with the hepatic signal and binding capacity of
 * the last days (`igf1ProductionScaleFor`); repeating it absorbs the GH feedback the balance ignores. The scale
 * replaces the random effect on production. The mean untreated IGF-1 then lands within a few per cent of the
 * target; single days vary by ±5–10 % with the random pulses.
 */
export function burnIn(
  scenario: Scenario,
  setup: Setup,
  timeline: Timeline,
  onProgress: (from: number, to: number) => ((fraction: number) => void) | undefined,
): EndState {
  const target = scenario.patient.labs.igf1_ng_ml;
  const start = timeline.startMin;
  if (target === undefined) return burnInSegment(setup, timeline, undefined, start, 0, onProgress(start, 0));
  const scaleIndex = setup.model.parameterIndex('igf1_prod_scale');
  const breaks = CALIBRATION_BREAKS_DAYS.map((d) => d * MIN_PER_DAY);
  let state: EndState | undefined;
  for (let i = 0; i + 1 < breaks.length; i++) {
    const reading = burnInSegment(
      setup,
      timeline,
      state,
      breaks[i],
      breaks[i + 1],
      onProgress(breaks[i], breaks[i + 1]),
    );
    state = reading;
    if (i + 2 < breaks.length) {
      setup.p[scaleIndex] = igf1ProductionScaleFor(target, reading, igf1Parameters(setup));
    }
  }
  return state ?? { y: setup.model.initialState(), u: setup.model.defaultInputs() };
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 5: treatment

/** Everything the reducers collect during the treatment run. */
export interface TreatmentRun {
  readonly days: DayStats[];
  readonly draws: Map<number, Float64Array>;
  readonly series: { t: number[]; values: number[][] };
  readonly doses: DoseRecord[];
  readonly titrations: ResultEvent[];
  readonly bursts: BurstCounter;
}

/** Per-day accumulators of the internal samples. */
export interface DayStats {
  ghSum: number;
  cortisolSum: number;
  prolactinSum: number;
  n: number;
  gh: number[];
}

/** The output columns the reducers read. */
interface Columns {
  readonly gh: number;
  readonly secretion: number;
  readonly igf1: number;
  readonly cortisol: number;
  readonly prolactin: number;
  readonly series: readonly number[];
}

function columnsOf(model: CompiledModel, series: readonly string[]): Columns {
  const has = new Set(model.outputNames);
  return {
    gh: model.outputIndex('gh_ug_l'),
    secretion: model.outputIndex('gh_secretion_ug_min'),
    igf1: model.outputIndex('igf1_ng_ml'),
    cortisol: model.outputIndex('cortisol_ug_dl'),
    prolactin: model.outputIndex('prolactin_ng_ml'),
    // A drug's concentration series exists only when the drug is in the model: −1 reads as 0.
    series: series.map((name) => (has.has(name) ? model.outputIndex(name) : -1)),
  };
}

/** Engine slots of each (drug, route) the doses use. */
function doseSlotsOf(setup: Setup, doses: readonly DoseRecord[]): Map<string, DoseSlots> {
  const slots = new Map<string, DoseSlots>();
  const parameter = (name: string): number => setup.p[setup.model.parameterIndex(name)];
  for (const dose of doses) {
    const key = `${dose.drug}/${dose.route}`;
    const route = DRUG_MODELS[dose.drug]?.routes[dose.route];
    if (slots.has(key) || route === undefined) continue;
    const f = route.bioavailabilityParameter === undefined ? 1 : parameter(route.bioavailabilityParameter);
    slots.set(key, {
      bolusState: setup.model.stateIndex(route.bolusState),
      infusionInput:
        route.infusionInput === undefined ? undefined : setup.model.inputIndex(route.infusionInput),
      bolusFactor: f * (route.scale ? route.scale(parameter) : 1),
    });
  }
  return slots;
}

/** Engine events of modelled doses. */
function eventsOfDoses(setup: Setup, doses: readonly DoseRecord[]): TimedEvent[] {
  const slots = doseSlotsOf(setup, doses);
  return doses.flatMap((dose) => {
    const s = slots.get(`${dose.drug}/${dose.route}`);
    return s ? doseEvents(dose, s) : [];
  });
}

/** Titration checks: minutes of the draws at every `every_days` before the end. */
function titrationTimes(scenario: Scenario, drawMin: number): number[] {
  const t = scenario.titration;
  if (!t) return [];
  const times: number[] = [];
  for (let day = t.every_days; day < scenario.duration_days; day += t.every_days) {
    times.push(day * MIN_PER_DAY + drawMin);
  }
  return times;
}

/** Segment boundaries: titration checks and the series window's edges, within (0, end). */
function segmentBreaks(scenario: Scenario, timeline: Timeline): number[] {
  const [w0, w1] = scenario.output.window_days;
  const inner = [...titrationTimes(scenario, timeline.drawMin), w0 * MIN_PER_DAY, w1 * MIN_PER_DAY].filter(
    (t) => t > 0 && t < timeline.endMin,
  );
  return [0, ...[...new Set(inner)].sort((a, b) => a - b), timeline.endMin];
}

/** Greatest common grid step of two sample spacings (minutes), computed on thousandths of a minute. */
function gridStep(a: number, b: number): number {
  let x = Math.round(a * 1000);
  let y = Math.round(b * 1000);
  while (y > 0) [x, y] = [y, x % y];
  return x / 1000;
}

/**
 * Streams the treatment run's samples into the daily sums, the morning draws (interpolated linearly between the
 * two internal samples around the draw time), the burst counter and the series. Keeps nothing of `values`.
 */
class TreatmentReducer {
  private prevT = Number.NaN;
  private readonly prev: Float64Array;

  constructor(
    private readonly run: TreatmentRun,
    private readonly columns: Columns,
    private readonly drawMin: number,
    outputs: number,
  ) {
    this.prev = new Float64Array(outputs);
  }

  /** An internal sample (every {@link INTERNAL_STEP_MIN} minutes). */
  internal(t: number, values: Float64Array): void {
    const { run, columns: c } = this;
    const day = Math.floor(t / MIN_PER_DAY);
    this.recordDraw(t, day * MIN_PER_DAY + this.drawMin, day, values);
    run.bursts.push(t, values[c.secretion]);
    const stats = run.days[day];
    if (stats !== undefined) {
      stats.ghSum += values[c.gh];
      stats.cortisolSum += values[c.cortisol];
      stats.prolactinSum += values[c.prolactin];
      stats.gh.push(values[c.gh]);
      stats.n++;
    }
    this.prevT = t;
    this.prev.set(values);
  }

  /** A series sample. */
  series(t: number, values: Float64Array): void {
    const { run, columns } = this;
    run.series.t.push(t);
    columns.series.forEach((c, j) => run.series.values[j].push(c < 0 ? 0 : values[c]));
  }

  private recordDraw(t: number, drawT: number, day: number, values: Float64Array): void {
    if (t === drawT) this.run.draws.set(day, Float64Array.from(values));
    else if (this.prevT < drawT && drawT < t) {
      const w = (drawT - this.prevT) / (t - this.prevT);
      this.run.draws.set(
        day,
        values.map((v, i) => this.prev[i] + w * (v - this.prev[i])),
      );
    }
  }
}

/** The sink of one segment: samples every `step` minutes from the segment's start, routed to the reducer. */
function segmentSink(
  scenario: Scenario,
  reducer: TreatmentReducer,
  step: number,
  to: number,
  last: boolean,
): CallbackSink {
  const internalEvery = Math.round(INTERNAL_STEP_MIN / step);
  const seriesEvery = Math.round(scenario.output.sample_every_min / step);
  const [w0, w1] = scenario.output.window_days.map((d) => d * MIN_PER_DAY);
  let k = 0;
  return new CallbackSink((t, values) => {
    // The sample at a segment's end belongs to the next segment (taken after that instant's events).
    if (t >= to && !last) return;
    const index = k++;
    if (index % internalEvery === 0) reducer.internal(t, values);
    if (index % seriesEvery === 0 && t >= w0 && t < w1) reducer.series(t, values);
  });
}

/** The regimen with one drug's dose set to `mcg` (titration). */
function withDose(scenario: Scenario, drug: DrugName, mcg: number): Scenario {
  return {
    ...scenario,
    regimen: scenario.regimen.map((line) =>
      line.drug === drug ? { ...line, dose: { amount: mcg, unit: 'mcg' as const } } : line,
    ),
  };
}

/** The current per-administration dose (µg) of the titrated drug: its first regimen line's. */
function currentDoseMcg(scenario: Scenario, drug: DrugName): number {
  const line = scenario.regimen.find((l) => l.drug === drug);
  return line ? doseToMcg(line.dose, drug, scenario.patient.weight_kg) : 0;
}

/** Applies the titration rule at a check: returns the new dose (µg) and the event, or undefined to keep it. */
function titrate(
  scenario: Scenario,
  t: number,
  igf1: number,
): { mcg: number; event: ResultEvent } | undefined {
  const rule = scenario.titration;
  if (!rule) return undefined;
  const w = scenario.patient.weight_kg;
  const sds = igf1Sds(scenario.patient.age_years, scenario.patient.sex, igf1).sds;
  const from = currentDoseMcg(scenario, rule.drug);
  const step = doseToMcg(rule.step, rule.drug, w);
  const max = doseToMcg(rule.max, rule.drug, w);
  const min = rule.min ? doseToMcg(rule.min, rule.drug, w) : step;
  const [lo, hi] = rule.target_igf1_sds;
  let to = from;
  if (sds < lo) to = Math.min(max, from + step);
  else if (sds > hi) to = Math.max(min, from - step);
  if (to === from) return undefined;
  const direction = to > from ? `below ${lo}` : `above ${hi}`;
  return {
    mcg: to,
    event: {
      t_min: t,
      kind: 'titration',
      drug: rule.drug,
      from_mcg: round(from),
      to_mcg: round(to),
      reason: `IGF-1 ${round(igf1)} ng/mL (SDS ${sds.toFixed(2)}) is ${direction}, the target range [${lo}, ${hi}]`,
    },
  };
}

/**
 * Runs days 0 to the end from the burn-in state: one `integrate` call per segment (segments end at titration
 * checks and at the series window's edges), outputs streamed into the reducers.
 */
export function runTreatment(
  scenario: Scenario,
  setup: Setup,
  timeline: Timeline,
  baseline: EndState,
  series: readonly string[],
  onProgress: (from: number, to: number) => ((fraction: number) => void) | undefined,
): TreatmentRun {
  const columns = columnsOf(setup.model, series);
  let current = scenario;
  let doses = expandRegimen(current);
  const candidates = burstCandidates([
    ...timeline.pulses.filter((p) => p.t_min >= 0).map((p) => p.t_min),
    ...timeline.changes.filter((c) => c.kind === 'exercise_start' && c.t_min >= 0).map((c) => c.t_min),
    ...doses.filter((d) => DRUGS[d.drug].drugClass !== 'growth_hormone').map((d) => d.t_min),
  ]);
  const run: TreatmentRun = {
    days: Array.from({ length: scenario.duration_days }, () => ({
      ghSum: 0,
      cortisolSum: 0,
      prolactinSum: 0,
      n: 0,
      gh: [],
    })),
    draws: new Map(),
    series: { t: [], values: series.map(() => []) },
    doses: [],
    titrations: [],
    bursts: new BurstCounter(candidates, setup.ghVolumeL, INTERNAL_STEP_MIN),
  };
  const reducer = new TreatmentReducer(run, columns, timeline.drawMin, setup.model.outputNames.length);
  const breaks = segmentBreaks(scenario, timeline);
  const checks = new Set(titrationTimes(scenario, timeline.drawMin));
  const [w0, w1] = scenario.output.window_days.map((d) => d * MIN_PER_DAY);
  let doseEventList = eventsOfDoses(setup, doses);
  let state = baseline;
  for (let i = 0; i + 1 < breaks.length; i++) {
    const [from, to] = [breaks[i], breaks[i + 1]];
    const last = i + 2 === breaks.length;
    const inWindow = from >= w0 && to <= w1;
    const step = inWindow ? gridStep(INTERNAL_STEP_MIN, scenario.output.sample_every_min) : INTERNAL_STEP_MIN;
    const segmentDoses = doses.filter((d) => d.t_min >= from && (d.t_min < to || (last && d.t_min === to)));
    run.doses.push(...segmentDoses);
    const events = mergeEvents(
      eventsIn(timeline.background, from, to, last),
      eventsIn(doseEventList, from, to, last),
    );
    const sink = segmentSink(scenario, reducer, step, to, last);
    const result = integrate({
      model: setup.model,
      t0: from,
      t1: to,
      p: setup.p,
      y0: state.y,
      u0: state.u,
      events,
      solver: SOLVER,
      options: solverOptions(setup.model),
      sink,
      sampleEvery: step,
      sampleStart: from,
      ...onProgressOf(onProgress, from, to),
    });
    state = result;
    if (checks.has(to)) {
      // The draw at `to` is the next segment's first sample; IGF-1 is a state, read it off the end state.
      const change = titrate(current, to, result.y[setup.model.stateIndex('igf1')]);
      if (change && scenario.titration) {
        run.titrations.push(change.event);
        current = withDose(current, scenario.titration.drug, change.mcg);
        doses = expandRegimen(current).filter((d) => d.t_min >= to);
        doseEventList = eventsOfDoses(setup, doses);
      }
    }
  }
  run.bursts.close();
  return run;
}

function onProgressOf(
  onProgress: (from: number, to: number) => ((fraction: number) => void) | undefined,
  from: number,
  to: number,
): { onProgress?: (fraction: number) => void } {
  const f = onProgress(from, to);
  return f ? { onProgress: f } : {};
}

// ---------------------------------------------------------------------------------------------------------------
// Stage 6: the result

/** A number rounded to 6 significant digits (results stay compact and diff-friendly). */
function round(x: number): number {
  return Number(x.toPrecision(6));
}

const NULL_FIELDS = {
  glucose_fasting_mg_dl: null,
  insulin_fasting_uU_ml: null,
  homa_ir: null,
  ffa_mean_mmol_l: null,
  lipolysis_mean_umol_kg_min: null,
  weight_kg: null,
  lean_mass_kg: null,
  fat_mass_kg: null,
  visceral_fat_cm2: null,
  lh_mean_iu_l: null,
  fsh_mean_iu_l: null,
  testosterone_mean_ng_dl: null,
} as const;

function dailyRows(scenario: Scenario, run: TreatmentRun, columns: Columns): DailyRow[] {
  const { age_years: age, sex } = scenario.patient;
  return run.days.map((d, day) => {
    const draw = run.draws.get(day);
    const igf1 = draw ? draw[columns.igf1] : null;
    return {
      day,
      gh_mean_ug_l: round(d.ghSum / d.n),
      gh_trough_ug_l: round(percentile(d.gh, 10)),
      gh_pulses: run.bursts.countOnDay(day),
      igf1_ng_ml: igf1 === null ? null : round(igf1),
      igf1_sds: igf1 === null ? null : round(igf1Sds(age, sex, igf1).sds),
      ...NULL_FIELDS,
      cortisol_mean_ug_dl: round(d.cortisolSum / d.n),
      prolactin_mean_ng_ml: round(d.prolactinSum / d.n),
    };
  });
}

/** The lab fields of each requested lab: model values where the model has them, null otherwise. */
function labFields(
  lab: LabName,
  draw: Float64Array,
  c: Columns,
  scenario: Scenario,
): Record<string, number | null> {
  switch (lab) {
    case 'igf1':
      return {
        igf1_ng_ml: round(draw[c.igf1]),
        igf1_sds: round(igf1Sds(scenario.patient.age_years, scenario.patient.sex, draw[c.igf1]).sds),
      };
    case 'cortisol':
      return { cortisol_ug_dl: round(draw[c.cortisol]) };
    case 'prolactin':
      return { prolactin_ng_ml: round(draw[c.prolactin]) };
    case 'glucose_fasting':
      return { glucose_fasting_mg_dl: null };
    case 'insulin_fasting':
      return { insulin_fasting_uU_ml: null };
    case 'homa_ir':
      return { homa_ir: null };
    case 'lh':
      return { lh_iu_l: null };
    case 'fsh':
      return { fsh_iu_l: null };
    case 'testosterone_total':
      return { testosterone_total_ng_dl: null };
  }
}

function labRows(scenario: Scenario, run: TreatmentRun, columns: Columns): LabRow[] {
  return scenario.monitoring.at_days.flatMap((day) => {
    const draw = run.draws.get(day);
    if (!draw) return [];
    const row: LabRow = { day, time: scenario.monitoring.draw_time };
    for (const lab of scenario.monitoring.labs) Object.assign(row, labFields(lab, draw, columns, scenario));
    return [row];
  });
}

/** SDS below which IGF-1 must fall before another above-range alert (hysteresis against day-to-day noise). */
const IGF1_ALERT_REARM_SDS = IGF1_ABOVE_RANGE_SDS - 0.5;

/**
 * IGF-1 above the age/sex range: an alert at the daily draw where the SDS first exceeds +1.96, and again only
 * after it has fallen below {@link IGF1_ALERT_REARM_SDS} in between.
 */
function igf1Alerts(rows: readonly DailyRow[], drawMin: number): ResultEvent[] {
  const alerts: ResultEvent[] = [];
  let armed = true;
  for (const row of rows) {
    if (row.igf1_sds === null || row.igf1_ng_ml === null) continue;
    if (armed && row.igf1_sds > IGF1_ABOVE_RANGE_SDS) {
      armed = false;
      alerts.push({
        t_min: row.day * MIN_PER_DAY + drawMin,
        kind: 'alert',
        code: 'IGF1_ABOVE_RANGE',
        message:
          `IGF-1 ${row.igf1_ng_ml} ng/mL (SDS ${row.igf1_sds.toFixed(2)}) is above the age- and sex-specific ` +
          `range (SDS > ${IGF1_ABOVE_RANGE_SDS}) on day ${row.day}`,
      });
    } else if (row.igf1_sds < IGF1_ALERT_REARM_SDS) armed = true;
  }
  return alerts;
}

function doseEventsOf(doses: readonly DoseRecord[]): ResultEvent[] {
  return doses.map((d) => ({
    t_min: d.t_min,
    kind: 'dose',
    drug: d.drug,
    amount_mcg: round(d.amount_mcg),
    route: d.route,
    ...(d.over_min > 0 ? { over_min: d.over_min } : {}),
  }));
}

const EVENT_ORDER: Readonly<Record<ResultEvent['kind'], number>> = { dose: 0, titration: 1, alert: 2 };

function changePct(last: number | null, first: number | null): number | null {
  if (last === null || first === null || first === 0) return null;
  return round((last / first - 1) * 100);
}

function endpointsOf(rows: readonly DailyRow[]): Endpoints {
  const first = rows[0];
  const last = rows[rows.length - 1];
  return {
    igf1_change_pct: changePct(last.igf1_ng_ml, first.igf1_ng_ml),
    gh_mean_change_pct: changePct(last.gh_mean_ug_l, first.gh_mean_ug_l),
    lean_mass_change_kg: null,
    fat_mass_change_kg: null,
    visceral_fat_change_pct: null,
    homa_ir_change_pct: null,
    glucose_fasting_change_mg_dl: null,
    testosterone_change_pct: null,
  };
}

function seriesOf(scenario: Scenario, run: TreatmentRun): Result['series'] {
  const out: Result['series'] = { t_min: run.series.t.map(round) };
  scenario.output.series.forEach((name, j) => {
    out[name] = run.series.values[j].map(round);
  });
  return out;
}

/** Puts the result document together. */
export function assembleResult(
  scenario: Scenario,
  screening: Screening,
  setup: Setup,
  timeline: Timeline,
  run: TreatmentRun,
): Result {
  const columns = columnsOf(setup.model, scenario.output.series);
  const daily = dailyRows(scenario, run, columns);
  const events = [...doseEventsOf(run.doses), ...run.titrations, ...igf1Alerts(daily, timeline.drawMin)].sort(
    (a, b) => a.t_min - b.t_min || EVENT_ORDER[a.kind] - EVENT_ORDER[b.kind],
  );
  return {
    schema: RESULT_SCHEMA_ID,
    engine: { version: ENGINE_VERSION, model: MODEL_NAME, solver: SOLVER, seed: scenario.seed },
    scenario,
    screening,
    daily,
    labs: labRows(scenario, run, columns),
    series: seriesOf(scenario, run),
    events,
    endpoints: endpointsOf(daily),
    optional_effects: [],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Progress

/** Splits one progress callback over the burn-in and treatment spans, by simulated time. */
function progressSplitter(
  onProgress: ((fraction: number) => void) | undefined,
  burnInDays: number,
  treatmentDays: number,
): {
  burnIn: (from: number, to: number) => ((fraction: number) => void) | undefined;
  treatment: (from: number, to: number) => ((fraction: number) => void) | undefined;
} {
  const start = -burnInDays * MIN_PER_DAY;
  const total = (burnInDays + treatmentDays) * MIN_PER_DAY;
  const part = (from: number, to: number): ((fraction: number) => void) | undefined =>
    onProgress
      ? (fraction) => onProgress(Math.min(1, (from - start + fraction * (to - from)) / total))
      : undefined;
  return { burnIn: part, treatment: part };
}
