// SPDX-License-Identifier: MIT
/**
 * The streaming reducers of the treatment run: per-day sums of the internal samples, the morning draws, the burst
 * counter and the requested series. Nothing keeps the engine's sample arrays.
 */
import type { CompiledModel } from '../engine/types.js';
import type { BurstCounter } from '../physiology/gh-bursts.js';
import type { DoseRecord } from '../protocol/regimen.js';
import type { ResultEvent } from '../scenario/result.js';
import { INTERNAL_STEP_MIN, MIN_PER_DAY } from './settings.js';

/** Outputs averaged over each day (the daily `*_mean_*` fields), in the order of {@link DayStats.sums}. */
export const DAILY_MEAN_OUTPUTS = [
  'gh_ug_l',
  'cortisol_ug_dl',
  'prolactin_ng_ml',
  'ffa_mmol_l',
  'lipolysis_umol_kg_min',
  'lh_iu_l',
  'fsh_iu_l',
  'testosterone_ng_dl',
  'estradiol_pg_ml',
] as const;

/** One of {@link DAILY_MEAN_OUTPUTS}. */
export type DailyMeanOutput = (typeof DAILY_MEAN_OUTPUTS)[number];

/** Everything the reducers collect during the treatment run. */
export interface TreatmentRun {
  readonly days: DayStats[];
  readonly draws: Map<number, Float64Array>;
  /** The fasting draws (glucose, insulin, HOMA-IR, S_I): before breakfast when breakfast precedes the draw. */
  readonly fastingDraws: Map<number, Float64Array>;
  readonly series: { t: number[]; values: number[][] };
  readonly doses: DoseRecord[];
  readonly titrations: ResultEvent[];
  readonly bursts: BurstCounter;
}

/** Per-day accumulators of the internal samples. */
export interface DayStats {
  /** Sums of {@link DAILY_MEAN_OUTPUTS}, in that order. */
  readonly sums: Float64Array;
  n: number;
  /** The day's GH samples (for the trough percentile). */
  readonly gh: number[];
}

/** Fresh accumulators for one day. */
export function emptyDayStats(): DayStats {
  return { sums: new Float64Array(DAILY_MEAN_OUTPUTS.length), n: 0, gh: [] };
}

/** The day's mean of one output. */
export function dayMean(stats: DayStats, name: DailyMeanOutput): number {
  return stats.sums[DAILY_MEAN_OUTPUTS.indexOf(name)] / stats.n;
}

/** The output columns the reducers and the result read. */
export interface Columns {
  readonly secretion: number;
  /** Indices of {@link DAILY_MEAN_OUTPUTS}. */
  readonly means: readonly number[];
  readonly gh: number;
  /** Any output by name (for the draws). */
  readonly index: (name: string) => number;
  readonly series: readonly number[];
}

/** Output indices of the columns the reducers read, and of the requested series (−1: not in this model). */
export function columnsOf(model: CompiledModel, series: readonly string[]): Columns {
  const has = new Set(model.outputNames);
  return {
    secretion: model.outputIndex('gh_secretion_ug_min'),
    means: DAILY_MEAN_OUTPUTS.map((name) => model.outputIndex(name)),
    gh: model.outputIndex('gh_ug_l'),
    index: (name) => model.outputIndex(name),
    // A drug's concentration series exists only when the drug is in the model: −1 reads as 0.
    series: series.map((name) => (has.has(name) ? model.outputIndex(name) : -1)),
  };
}

/** True when `drawMin` (minute of the day) comes 0 < Δ ≤ two internal steps after `clock` (minute of the day). */
function minutesAhead(drawMin: number, clock: number): boolean {
  const ahead = (((drawMin - clock) % MIN_PER_DAY) + MIN_PER_DAY) % MIN_PER_DAY;
  return ahead > 0 && ahead <= 2 * INTERNAL_STEP_MIN;
}

/**
 * Streams the treatment run's samples into the daily sums, the morning draws (interpolated linearly between the
 * two internal samples around the draw time), the burst counter and the series. Keeps nothing of `values`.
 */
export class TreatmentReducer {
  private prevT = Number.NaN;
  private readonly prev: Float64Array;

  constructor(
    private readonly run: TreatmentRun,
    private readonly columns: Columns,
    private readonly drawMin: number,
    private readonly fastingDrawMin: number,
    outputs: number,
  ) {
    this.prev = new Float64Array(outputs);
  }

  /** An internal sample (every `INTERNAL_STEP_MIN` minutes). */
  internal(t: number, values: Float64Array): void {
    const { run, columns: c } = this;
    const day = Math.floor(t / MIN_PER_DAY);
    this.recordDraw(this.run.draws, t, day * MIN_PER_DAY + this.drawMin, day, values);
    this.recordDraw(this.run.fastingDraws, t, day * MIN_PER_DAY + this.fastingDrawMin, day, values);
    run.bursts.push(t, values[c.secretion]);
    const stats = run.days[day];
    if (stats !== undefined) {
      for (let i = 0; i < c.means.length; i++) stats.sums[i] += values[c.means[i]];
      stats.gh.push(values[c.gh]);
      stats.n++;
    }
    this.prevT = t;
    // Only the sample just before a draw is needed for interpolating it; copying every sample would be waste.
    if (this.drawFollows(t)) this.prev.set(values);
  }

  /** True when a draw (regular or fasting) falls within the next two internal steps after t. */
  private drawFollows(t: number): boolean {
    const clock = t - Math.floor(t / MIN_PER_DAY) * MIN_PER_DAY;
    return minutesAhead(this.drawMin, clock) || minutesAhead(this.fastingDrawMin, clock);
  }

  /** A series sample. */
  series(t: number, values: Float64Array): void {
    const { run, columns } = this;
    run.series.t.push(t);
    columns.series.forEach((c, j) => run.series.values[j].push(c < 0 ? 0 : values[c]));
  }

  private recordDraw(
    draws: Map<number, Float64Array>,
    t: number,
    drawT: number,
    day: number,
    values: Float64Array,
  ): void {
    if (t === drawT) draws.set(day, Float64Array.from(values));
    else if (this.prevT < drawT && drawT < t) {
      const w = (drawT - this.prevT) / (t - this.prevT);
      draws.set(
        day,
        values.map((v, i) => this.prev[i] + w * (v - this.prev[i])),
      );
    }
  }
}
