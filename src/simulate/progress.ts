// SPDX-License-Identifier: MIT
/** One progress callback split over the burn-in and the treatment, by simulated time. */
import type { ProgressSpan } from './types.js';
import { MIN_PER_DAY } from './settings.js';

/** Splits one progress callback over the burn-in and treatment spans, by simulated time. */
export function progressSplitter(
  onProgress: ((fraction: number) => void) | undefined,
  burnInDays: number,
  treatmentDays: number,
): { burnIn: ProgressSpan; treatment: ProgressSpan } {
  const start = -burnInDays * MIN_PER_DAY;
  const total = (burnInDays + treatmentDays) * MIN_PER_DAY;
  const part = (from: number, to: number): ((fraction: number) => void) | undefined =>
    onProgress
      ? (fraction) => onProgress(Math.min(1, (from - start + fraction * (to - from)) / total))
      : undefined;
  return { burnIn: part, treatment: part };
}

/** The `onProgress` option of one `integrate` call, or nothing when nobody listens. */
export function onProgressOf(
  onProgress: ProgressSpan,
  from: number,
  to: number,
): { onProgress?: (fraction: number) => void } {
  const f = onProgress(from, to);
  return f ? { onProgress: f } : {};
}
