// SPDX-License-Identifier: MIT
/**
 * Counting the model's own GH secretory bursts (not a detection on the sampled concentration): every event that
 * can start a burst — a GHRH pulse, an exercise bout, a bolus of a secretagogue — opens a window that lasts until
 * the next such event or {@link BURST_WINDOW_MIN}, whichever comes first. The GH secreted in the window above the
 * secretion rate at its start, per litre of distribution volume, is the burst mass; a burst counts when its mass
 * reaches {@link BURST_THRESHOLD_UG_PER_LV}.
 */

/** Longest window over which a burst's secretion is summed (minutes): a burst lasts well under 90 min. */
export const BURST_WINDOW_MIN = 90;

/**
 * Smallest mass (µg per litre of distribution volume) of a counted burst. Hartman 1992 reports 6.3 µg/Lv per burst
 * in young fed men; 0.3 µg/Lv (≈ 5 % of that) is a burst that lifts plasma GH by ≈ 0.2 µg/L, about what sensitive
 * assays separate from interpulse GH (nadirs 0.03–0.1 µg/L; Winer 1990). The choice is ours (weak evidence).
 */
export const BURST_THRESHOLD_UG_PER_LV = 0.3;

/** Candidates closer than this to the previous one are merged into its burst (minutes). */
export const BURST_MERGE_MIN = 10;

/** Sorted, merged candidate burst onsets (minutes) from unsorted times. */
export function burstCandidates(times: readonly number[]): number[] {
  const sorted = [...times].sort((a, b) => a - b);
  const merged: number[] = [];
  for (const t of sorted) {
    const last = merged[merged.length - 1];
    if (last === undefined || t - last >= BURST_MERGE_MIN) merged.push(t);
  }
  return merged;
}

/**
 * A streaming burst counter fed with secretion-rate samples (µg/min) on a uniform grid. Allocation-free per sample;
 * counts per day are read with {@link BurstCounter.countOnDay} once the day is over.
 */
export class BurstCounter {
  private next = 0;
  private current = -1;
  private windowEnd = -Infinity;
  private basal = 0;
  private mass = 0;
  private lastRate = 0;
  private readonly counts = new Map<number, number>();

  /**
   * @param candidates sorted candidate onsets (minutes), see {@link burstCandidates}.
   * @param volumeL GH distribution volume (L).
   * @param stepMin sample spacing (minutes).
   */
  constructor(
    private readonly candidates: readonly number[],
    private readonly volumeL: number,
    private readonly stepMin: number,
  ) {}

  /** Adds the sample at time t (secretion rate, µg/min); the interval [t, t + step) is credited to the open burst. */
  push(t: number, rate: number): void {
    while (this.next < this.candidates.length && this.candidates[this.next] <= t) {
      this.close();
      this.current = this.next++;
      this.windowEnd = Math.min(
        this.candidates[this.current] + BURST_WINDOW_MIN,
        this.candidates[this.next] ?? Infinity,
      );
      this.basal = this.lastRate;
      this.mass = 0;
    }
    if (this.current >= 0 && t < this.windowEnd) this.mass += (rate - this.basal) * this.stepMin;
    else this.close();
    this.lastRate = rate;
  }

  /** Closes the open burst (if any), counting it when its mass reaches the threshold. */
  close(): void {
    if (this.current < 0) return;
    if (this.mass / this.volumeL >= BURST_THRESHOLD_UG_PER_LV) {
      const day = Math.floor(this.candidates[this.current] / 1440);
      this.counts.set(day, (this.counts.get(day) ?? 0) + 1);
    }
    this.current = -1;
  }

  /** Number of counted bursts that started on day `day`. */
  countOnDay(day: number): number {
    return this.counts.get(day) ?? 0;
  }
}
