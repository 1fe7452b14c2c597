// SPDX-License-Identifier: MIT
/**
 * Sample sinks: where the integration driver sends outputs. {@link ArraySink} keeps everything in growable column
 * arrays; {@link CallbackSink} forwards; {@link DecimatingSink} thins; {@link ReducingSink} summarises fixed windows
 * (e.g. one per day) and keeps no samples, for year-long runs.
 */
import { InvalidOptionError } from './errors.js';
import type { SampleSink } from './types.js';

/** Checks a sink's constructor argument: a finite number > 0 (or an integer ≥ 1 when `integer`). */
function requirePositive(field: string, x: number, integer = false): void {
  if (!Number.isFinite(x) || x <= 0 || (integer && !Number.isInteger(x))) {
    throw new InvalidOptionError(field, x, integer ? 'an integer >= 1' : 'a finite number > 0');
  }
}

/**
 * Stores every sample in column arrays that double when full (amortised O(1) per sample, no per-sample objects).
 * @example
 * const sink = new ArraySink(model.outputNames);
 * integrate({ model, t0: 0, t1: 1440, sink, sampleEvery: 5 });
 * sink.column('gh_ug_l'); // Float64Array of 289 values
 */
export class ArraySink implements SampleSink {
  /** Column names, in the order of the pushed `values`. */
  readonly names: readonly string[];
  private times: Float64Array;
  private columns: Float64Array[];
  private count = 0;

  /**
   * @param names one name per output column (e.g. `model.outputNames`).
   * @param initialCapacity samples to reserve before the first doubling.
   */
  constructor(names: readonly string[], initialCapacity = 1024) {
    requirePositive('initialCapacity', initialCapacity, true);
    this.names = [...names];
    this.times = new Float64Array(initialCapacity);
    this.columns = this.names.map(() => new Float64Array(initialCapacity));
  }

  /** Number of samples stored. */
  get length(): number {
    return this.count;
  }

  push(t: number, values: Float64Array): void {
    if (this.count === this.times.length) this.grow();
    const k = this.count;
    this.times[k] = t;
    const columns = this.columns;
    for (let j = 0; j < columns.length; j++) columns[j][k] = values[j];
    this.count = k + 1;
  }

  /** Sample times (minutes): a view, valid until the next push. */
  time(): Float64Array {
    return this.times.subarray(0, this.count);
  }

  /**
   * One column by name or index: a view, valid until the next push (copy it with `.slice()` to keep it).
   * @throws InvalidOptionError for an unknown name or index.
   */
  column(which: string | number): Float64Array {
    const j = typeof which === 'number' ? which : this.names.indexOf(which);
    if (!Number.isInteger(j) || j < 0 || j >= this.columns.length) {
      throw new InvalidOptionError(
        'column',
        which,
        `one of ${this.names.join(', ')} (or an index below ${this.names.length})`,
      );
    }
    return this.columns[j].subarray(0, this.count);
  }

  /** Copies of all columns keyed by name, plus `t`. */
  toColumns(): Record<string, Float64Array> {
    const out: Record<string, Float64Array> = { t: this.time().slice() };
    this.names.forEach((name, j) => {
      out[name] = this.column(j).slice();
    });
    return out;
  }

  private grow(): void {
    const capacity = this.times.length * 2;
    this.times = copyInto(this.times, capacity);
    this.columns = this.columns.map((c) => copyInto(c, capacity));
  }
}

function copyInto(source: Float64Array, capacity: number): Float64Array {
  const target = new Float64Array(capacity);
  target.set(source);
  return target;
}

/** Forwards every sample to a function (which must copy `values` if it keeps them). */
export class CallbackSink implements SampleSink {
  constructor(private readonly callback: (t: number, values: Float64Array) => void) {}

  push(t: number, values: Float64Array): void {
    this.callback(t, values);
  }
}

/** Forwards every `every`-th sample (the 1st, the `every+1`-th, …) to another sink. */
export class DecimatingSink implements SampleSink {
  private seen = 0;

  constructor(
    private readonly inner: SampleSink,
    private readonly every: number,
  ) {
    requirePositive('every', every, true);
  }

  push(t: number, values: Float64Array): void {
    if (this.seen++ % this.every === 0) this.inner.push(t, values);
  }
}

/**
 * Per-column statistics of the samples in one window [start, end). The arrays are reused for the next window:
 * copy what you keep.
 */
export interface WindowSummary {
  /** Window start (minutes, inclusive). */
  readonly start: number;
  /** Window end (minutes, exclusive). */
  readonly end: number;
  /** Index of the window: floor((t − origin) / width). */
  readonly index: number;
  /** Number of samples in the window. */
  readonly count: number;
  readonly mean: Float64Array;
  readonly min: Float64Array;
  readonly max: Float64Array;
  /** Value of the first sample in the window. */
  readonly first: Float64Array;
  /** Value of the last sample in the window. */
  readonly last: Float64Array;
}

/**
 * Reduces samples to one {@link WindowSummary} per fixed window (e.g. width 1440 for days) and calls `onWindow` when
 * a window is complete, i.e. when the first sample of a later window arrives, or on {@link ReducingSink.flush}.
 * Windows without samples are skipped. Memory is O(columns) whatever the run length. On a uniform sample grid the
 * mean is the time average over the window.
 */
export class ReducingSink implements SampleSink {
  private readonly sum: Float64Array;
  private readonly summary: {
    start: number;
    end: number;
    index: number;
    count: number;
    mean: Float64Array;
    min: Float64Array;
    max: Float64Array;
    first: Float64Array;
    last: Float64Array;
  };

  /**
   * @param columns number of values per sample.
   * @param width window length (minutes), > 0.
   * @param onWindow receives each completed window.
   * @param origin start of window 0 (minutes).
   */
  constructor(
    private readonly columns: number,
    private readonly width: number,
    private readonly onWindow: (summary: WindowSummary) => void,
    private readonly origin = 0,
  ) {
    requirePositive('columns', columns, true);
    requirePositive('width', width);
    if (!Number.isFinite(origin)) throw new InvalidOptionError('origin', origin, 'a finite time (min)');
    this.sum = new Float64Array(columns);
    const vector = (): Float64Array => new Float64Array(columns);
    this.summary = {
      start: 0,
      end: 0,
      index: 0,
      count: 0,
      mean: vector(),
      min: vector(),
      max: vector(),
      first: vector(),
      last: vector(),
    };
  }

  push(t: number, values: Float64Array): void {
    const index = Math.floor((t - this.origin) / this.width);
    const s = this.summary;
    if (s.count > 0 && index !== s.index) this.flush();
    if (s.count === 0) this.open(index, values);
    for (let j = 0; j < this.columns; j++) {
      const v = values[j];
      this.sum[j] += v;
      if (v < s.min[j]) s.min[j] = v;
      if (v > s.max[j]) s.max[j] = v;
      s.last[j] = v;
    }
    s.count++;
  }

  /** Emits the current partial window, if it holds samples. Call it once after the run. */
  flush(): void {
    const s = this.summary;
    if (s.count === 0) return;
    for (let j = 0; j < this.columns; j++) s.mean[j] = this.sum[j] / s.count;
    this.onWindow(s);
    s.count = 0;
  }

  private open(index: number, values: Float64Array): void {
    const s = this.summary;
    s.index = index;
    s.start = this.origin + index * this.width;
    s.end = this.origin + (index + 1) * this.width;
    this.sum.fill(0);
    s.min.fill(Infinity);
    s.max.fill(-Infinity);
    for (let j = 0; j < this.columns; j++) s.first[j] = values[j];
  }
}
