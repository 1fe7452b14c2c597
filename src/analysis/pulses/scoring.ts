// SPDX-License-Identifier: MIT
/**
 * Scoring detected bursts against known ones: one-to-one matching within a time tolerance, then sensitivity
 * (matched true bursts / true bursts) and false-positive rate (unmatched detections / detections).
 */

/** Counts from one or more scored series; add them up before taking ratios. */
export interface DetectionCounts {
  /** True bursts in the scoring window. */
  readonly truePulses: number;
  /** Detected bursts in the scoring window. */
  readonly detected: number;
  /** True bursts in the window matched to a detection. */
  readonly matchedTrue: number;
  /** Detections in the window matched to a true burst. */
  readonly matchedDetected: number;
}

/** Where and how to score. */
export interface ScoringRule {
  /** A detection matches a true burst when their centres differ by at most this, min. */
  readonly toleranceMin: number;
  /** Only true bursts and detections with centres in [from, to] count (min); matches may cross the edges. */
  readonly windowMin: readonly [number, number];
}

/**
 * Matches detections to true bursts one to one: every pair within the tolerance, closest pairs first, each burst
 * and each detection used at most once. Then counts inside the window. Matching uses every burst, so a detection
 * just inside the window matched to a true burst just outside it is not a false positive.
 * @example scoreDetections([100, 300], [104, 200], { toleranceMin: 10, windowMin: [0, 1440] })
 * // { truePulses: 2, detected: 2, matchedTrue: 1, matchedDetected: 1 }
 */
export function scoreDetections(
  trueTimes: readonly number[],
  detectedTimes: readonly number[],
  rule: ScoringRule,
): DetectionCounts {
  const pairs: { i: number; j: number; distance: number }[] = [];
  trueTimes.forEach((t, i) =>
    detectedTimes.forEach((d, j) => {
      const distance = Math.abs(t - d);
      if (distance <= rule.toleranceMin) pairs.push({ i, j, distance });
    }),
  );
  pairs.sort((a, b) => a.distance - b.distance);
  const trueMatched = new Set<number>();
  const detectedMatched = new Set<number>();
  for (const { i, j } of pairs) {
    if (trueMatched.has(i) || detectedMatched.has(j)) continue;
    trueMatched.add(i);
    detectedMatched.add(j);
  }
  const [from, to] = rule.windowMin;
  const inside = (t: number): boolean => t >= from && t <= to;
  const trueInside = trueTimes.map((t, i) => ({ t, i })).filter(({ t }) => inside(t));
  const detectedInside = detectedTimes.map((t, j) => ({ t, j })).filter(({ t }) => inside(t));
  return {
    truePulses: trueInside.length,
    detected: detectedInside.length,
    matchedTrue: trueInside.filter(({ i }) => trueMatched.has(i)).length,
    matchedDetected: detectedInside.filter(({ j }) => detectedMatched.has(j)).length,
  };
}

/** Adds up counts over series. */
export function addCounts(a: DetectionCounts, b: DetectionCounts): DetectionCounts {
  return {
    truePulses: a.truePulses + b.truePulses,
    detected: a.detected + b.detected,
    matchedTrue: a.matchedTrue + b.matchedTrue,
    matchedDetected: a.matchedDetected + b.matchedDetected,
  };
}

/** Sensitivity: matched true bursts / true bursts (NaN with no true bursts). */
export function sensitivity(counts: DetectionCounts): number {
  return counts.matchedTrue / counts.truePulses;
}

/** False-positive rate: unmatched detections / detections (0 with no detections). */
export function falsePositiveRate(counts: DetectionCounts): number {
  return counts.detected === 0 ? 0 : (counts.detected - counts.matchedDetected) / counts.detected;
}
