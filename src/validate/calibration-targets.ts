// SPDX-License-Identifier: MIT
/**
 * A validation case as a term of the calibration objective: its published central value, the SD σ that value is
 * known to, and its study's weight. The residual of a simulated value y is w·(y − centre)/σ.
 *
 * σ from the case's `published_stats`: an SE as given; an SD divided by √n when n is given (the SE of the mean),
 * else the SD itself; a 95 % CI's width / 3.92; an IQR / 1.349 (the SD of a normal), times 1.253/√n with n (the
 * SE of a median); a range's width / 4 (a 2.5th–97.5th percentile range of individuals, as the reference ranges
 * are). σ is at least `floor`·|centre|, because one typical patient stands for a group and the model is not that
 * precise. Each study weighs once: w = 1/√k for a study giving k cases, so its squared residuals add to one
 * case's worth.
 */
import type { ValidationCase } from './cases.js';

/** One term of the objective. */
export interface CaseTarget {
  readonly case: ValidationCase;
  readonly study: string;
  readonly centre: number;
  readonly sigma: number;
  readonly weight: number;
  /** How σ was derived, for the report. */
  readonly spread: string;
}

type Stats = NonNullable<ValidationCase['published_stats']>;

function rawSigma(s: Stats): { sigma: number; spread: string } | undefined {
  const rootN = s.n === undefined ? undefined : Math.sqrt(s.n);
  if (s.se !== undefined) return { sigma: s.se, spread: 'SE' };
  if (s.sd !== undefined)
    return rootN === undefined ? { sigma: s.sd, spread: 'SD' } : { sigma: s.sd / rootN, spread: 'SD/√n' };
  if (s.ci95 !== undefined) return { sigma: (s.ci95[1] - s.ci95[0]) / 3.92, spread: '95 % CI/3.92' };
  if (s.iqr !== undefined) {
    const sd = (s.iqr[1] - s.iqr[0]) / 1.349;
    return rootN === undefined
      ? { sigma: sd, spread: 'IQR/1.349' }
      : { sigma: (1.253 * sd) / rootN, spread: '1.253·IQR/1.349/√n' };
  }
  if (s.range !== undefined) return { sigma: (s.range[1] - s.range[0]) / 4, spread: 'range/4' };
  return undefined;
}

/**
 * The target of a case in a study of `casesInStudy` cases, or why it cannot be one (no published spread).
 */
export function caseTarget(
  c: ValidationCase,
  study: string,
  casesInStudy: number,
  floor: number,
): CaseTarget | string {
  const stats = c.published_stats;
  if (stats === undefined) {
    return `case '${c.id}' has no published_stats (a central value with its spread); add them from its published text`;
  }
  const centre = stats.mean ?? stats.median ?? Number.NaN;
  const raw = rawSigma(stats);
  if (raw === undefined || !(raw.sigma > 0)) return `case '${c.id}': published_stats give no positive spread`;
  const minimum = floor * Math.abs(centre);
  const floored = raw.sigma < minimum;
  return {
    case: c,
    study,
    centre,
    sigma: floored ? minimum : raw.sigma,
    weight: 1 / Math.sqrt(casesInStudy),
    spread: floored ? `${raw.spread}, raised to ${Math.round(floor * 100)} % of the centre` : raw.spread,
  };
}

/** The weighted residual of a simulated value (NaN when the model gives none). */
export function targetResidual(target: CaseTarget, simulated: number): number {
  return (target.weight * (simulated - target.centre)) / target.sigma;
}
