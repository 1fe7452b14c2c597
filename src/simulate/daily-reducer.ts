// SPDX-License-Identifier: MIT
/**
 * The streaming reducers of the treatment run: per-day sums of the internal samples, the morning draws, the burst
 * counter and the requested series. Nothing keeps the engine's sample arrays.
 */
import type { CompiledModel } from '../engine/types.js';
import type { BurstCounter } from '../physiology/gh-bursts.js';
import type { DoseRecord } from '../protocol/regimen.js';
import type { ResultEvent } from '../scenario/result.js';
import { MIN_PER_DAY } from './settings.js';

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

/** Fresh accumulators for one day. */
export function emptyDayStats(): DayStats {
  return { ghSum: 0, cortisolSum: 0, prolactinSum: 0, n: 0, gh: [] };
}

/** The output columns the reducers read. */
export interface Columns {
  readonly gh: number;
  readonly secretion: number;
  readonly igf1: number;
  readonly cortisol: number;
  readonly prolactin: number;
  readonly series: readonly number[];
}

/** Output indices of the columns the reducers read, and of the requested series (−1: not in this model). */
export function columnsOf(model: CompiledModel, series: readonly string[]): Columns {
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
    outputs: number,
  ) {
    this.prev = new Float64Array(outputs);
  }

  /** An internal sample (every `INTERNAL_STEP_MIN` minutes). */
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
