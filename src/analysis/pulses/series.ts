// SPDX-License-Identifier: MIT
/** The input of pulse detection: a sampled hormone series, and the checks it must pass. */

/** A sampled concentration series: times in minutes (any origin), concentrations in any one unit. */
export interface HormoneSeries {
  /** Sample times, min, strictly increasing; spacing may be uneven. */
  readonly t_min: readonly number[];
  /** Concentrations at those times (e.g. GH in µg/L), finite and ≥ 0. */
  readonly value: readonly number[];
}

/** The fewest samples pulse detection accepts. */
export const MIN_SAMPLES = 10;

/** Bad input to pulse detection; `row` is the 0-based sample index when one sample is at fault. */
export class SeriesInputError extends Error {
  override readonly name = 'SeriesInputError';
  constructor(
    message: string,
    readonly field: string,
    readonly row?: number,
  ) {
    super(message);
  }
}

/** How a sample is named in messages: the caller may map indices to file lines. */
export type RowLabel = (index: number) => string;

const defaultLabel: RowLabel = (i) => `row ${i + 1}`;

/**
 * The first problem in one sample, or null: time and value must be finite, the value ≥ 0, and the time later than
 * the previous sample's.
 */
export function sampleProblem(
  time: unknown,
  value: unknown,
  previousTime: number | undefined,
): { field: 't_min' | 'value'; message: string } | null {
  if (typeof time !== 'number' || !Number.isFinite(time)) {
    return { field: 't_min', message: `t_min must be a finite number, got ${String(time)}` };
  }
  if (previousTime !== undefined && !(time > previousTime)) {
    return {
      field: 't_min',
      message: `t_min must increase strictly, got ${time} after ${previousTime}`,
    };
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return { field: 'value', message: `value must be a finite number ≥ 0, got ${String(value)}` };
  }
  if (value < 0) return { field: 'value', message: `value must be ≥ 0, got ${value}` };
  return null;
}

/**
 * Checks a series and throws a {@link SeriesInputError} naming the first bad row: at least
 * {@link MIN_SAMPLES} samples, equal lengths, finite non-negative values, strictly increasing times.
 */
export function validateSeries(series: HormoneSeries, label: RowLabel = defaultLabel): void {
  if (!Array.isArray(series.t_min) || !Array.isArray(series.value)) {
    throw new SeriesInputError('series must have arrays t_min and value', 'series');
  }
  // Typed as unknown: the series may come straight from parsed JSON.
  const times: readonly unknown[] = series.t_min;
  const values: readonly unknown[] = series.value;
  if (times.length !== values.length) {
    throw new SeriesInputError(
      `t_min and value must have the same length, got ${times.length} and ${values.length}`,
      'value',
    );
  }
  if (times.length < MIN_SAMPLES) {
    throw new SeriesInputError(
      `pulse detection needs at least ${MIN_SAMPLES} samples, got ${times.length}`,
      't_min',
    );
  }
  for (let i = 0; i < times.length; i++) {
    const problem = sampleProblem(times[i], values[i], i > 0 ? (times[i - 1] as number) : undefined);
    if (problem) throw new SeriesInputError(`${label(i)}: ${problem.message}`, problem.field, i);
  }
}

/** The median spacing of the sample times (min): the nominal sampling interval of an uneven series. */
export function medianSpacingMin(times: readonly number[]): number {
  const gaps = times
    .slice(1)
    .map((t, i) => t - times[i])
    .sort((a, b) => a - b);
  const mid = gaps.length >> 1;
  return gaps.length % 2 === 1 ? gaps[mid] : 0.5 * (gaps[mid - 1] + gaps[mid]);
}
