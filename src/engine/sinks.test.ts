// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from './errors.js';
import { ArraySink, CallbackSink, DecimatingSink, ReducingSink, type WindowSummary } from './sinks.js';

const values = (...v: number[]): Float64Array => Float64Array.from(v);

describe('ArraySink', () => {
  it('grows by doubling and keeps every sample, copying the pushed values', () => {
    const sink = new ArraySink(['a', 'b'], 2);
    const buffer = new Float64Array(2);
    for (let k = 0; k < 1000; k++) {
      buffer[0] = k;
      buffer[1] = -k;
      sink.push(k * 0.5, buffer); // the driver reuses its buffer: the sink must copy
    }
    expect(sink.length).toBe(1000);
    expect(sink.time()[999]).toBe(499.5);
    expect(sink.column('a')[123]).toBe(123);
    expect(sink.column(1)[123]).toBe(-123);
    expect(sink.toColumns().b.length).toBe(1000);
  });

  it('names the unknown column and the allowed ones', () => {
    const sink = new ArraySink(['gh', 'igf1']);
    expect(() => sink.column('insulin')).toThrow(InvalidOptionError);
    expect(() => sink.column('insulin')).toThrow(
      'column must be one of gh, igf1 (or an index below 2), got "insulin"',
    );
    expect(() => new ArraySink(['x'], 0)).toThrow('initialCapacity must be an integer >= 1, got 0');
  });
});

describe('CallbackSink and DecimatingSink', () => {
  it('forward samples; decimation keeps the 1st, (k+1)-th, …', () => {
    const seen: number[] = [];
    const sink = new DecimatingSink(new CallbackSink((t) => seen.push(t)), 3);
    for (let k = 0; k < 10; k++) sink.push(k, values(k));
    expect(seen).toEqual([0, 3, 6, 9]);
    expect(() => new DecimatingSink(sink, 1.5)).toThrow('every must be an integer >= 1, got 1.5');
  });
});

describe('ReducingSink', () => {
  it('summarises each [start, end) window: count, mean, min, max, first, last', () => {
    const windows: {
      start: number;
      end: number;
      count: number;
      mean: number;
      min: number;
      max: number;
      first: number;
      last: number;
    }[] = [];
    const copy = (w: WindowSummary) =>
      windows.push({
        start: w.start,
        end: w.end,
        count: w.count,
        mean: w.mean[0],
        min: w.min[0],
        max: w.max[0],
        first: w.first[0],
        last: w.last[0],
      });
    const sink = new ReducingSink(1, 1440, copy);
    // Hourly samples of f(t) = t over two days and the first instant of the third.
    for (let t = 0; t <= 2880; t += 60) sink.push(t, values(t));
    expect(windows.length).toBe(2); // the window opened by t = 2880 is still open
    sink.flush();
    expect(windows).toEqual([
      { start: 0, end: 1440, count: 24, mean: 690, min: 0, max: 1380, first: 0, last: 1380 },
      { start: 1440, end: 2880, count: 24, mean: 2130, min: 1440, max: 2820, first: 1440, last: 2820 },
      { start: 2880, end: 4320, count: 1, mean: 2880, min: 2880, max: 2880, first: 2880, last: 2880 },
    ]);
  });

  it('skips empty windows and honours the origin', () => {
    const starts: number[] = [];
    const sink = new ReducingSink(1, 100, (w) => starts.push(w.start), 50);
    sink.push(60, values(1));
    sink.push(420, values(2));
    sink.flush();
    sink.flush(); // a second flush emits nothing
    expect(starts).toEqual([50, 350]);
  });

  it('rejects a non-positive width', () => {
    expect(() => new ReducingSink(1, 0, () => undefined)).toThrow('width must be a finite number > 0, got 0');
  });
});
