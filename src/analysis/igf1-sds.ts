// SPDX-License-Identifier: MIT
/**
 * IGF-1 standard deviation scores (SDS) and percentiles for age and sex, from a published table of the 2.5th and
 * 97.5th percentiles of serum total IGF-1 in adults aged 20–75 (see {@link IGF1_REFERENCE_SOURCE}).
 *
 * Caveat: IGF-1 reference intervals are specific to the assay that produced them (RIA, IDS-iSYS, Immulite and
 * others differ by up to 2×; physiology.md, "Assay dependence"). An SDS computed here is only meaningful for values
 * measured with a comparable assay. The table itself is of medium-to-low confidence (its assay is not stated).
 */
import { normalCdf } from './normal.js';

/** Sex of the reference population. */
export type Sex = 'male' | 'female';

/** One row of the table: ages in years, bounds in ng/mL. */
export interface Igf1ReferenceRow {
  readonly ageYears: number;
  readonly female: readonly [lower: number, upper: number];
  readonly male: readonly [lower: number, upper: number];
}

/**
 * Where the table comes from: physiology.md §3, "IGF-1 2.5th–97.5th percentile table by age".
 */
export const IGF1_REFERENCE_SOURCE =
  'IGF-1 2.5th–97.5th percentiles by age and sex, ages 20–75 (ng/mL), from the Wikipedia article "IGF-1 – use as ' +
  'a diagnostic test" (liquisearch mirror); the underlying assay is not stated (probably Brabant et al., Horm Res ' +
  '2003;60:53, Nichols Advantage). Assay-specific: do not compare values from other assays without recalibration.';

/** The 2.5th and 97.5th percentiles of total IGF-1 (ng/mL) by age; source: {@link IGF1_REFERENCE_SOURCE}. */
export const IGF1_REFERENCE: readonly Igf1ReferenceRow[] = [
  { ageYears: 20, female: [111, 423], male: [156, 385] },
  { ageYears: 25, female: [102, 360], male: [119, 343] },
  { ageYears: 30, female: [94, 309], male: [97, 306] },
  { ageYears: 35, female: [86, 271], male: [84, 275] },
  { ageYears: 40, female: [79, 246], male: [76, 251] },
  { ageYears: 45, female: [73, 232], male: [71, 233] },
  { ageYears: 50, female: [68, 228], male: [66, 221] },
  { ageYears: 55, female: [64, 231], male: [61, 214] },
  { ageYears: 60, female: [61, 237], male: [55, 211] },
  { ageYears: 65, female: [59, 241], male: [49, 209] },
  { ageYears: 70, female: [57, 237], male: [46, 207] },
  { ageYears: 75, female: [55, 219], male: [48, 202] },
];

/** The 2.5th–97.5th interval spans ±1.96 SD of a normal distribution: 3.92 SD in all. */
const INTERVAL_WIDTH_SD = 3.92;

/** The reference interval at one age, on the log scale the SDS uses. */
export interface Igf1Reference {
  /** 2.5th percentile, ng/mL. */
  readonly lower: number;
  /** 97.5th percentile, ng/mL. */
  readonly upper: number;
  /** Median, ng/mL: the geometric mean of the bounds. */
  readonly median: number;
  /** SD of ln(IGF-1): ln(upper/lower) / 3.92. */
  readonly sdLn: number;
  /** The age the table was read at: the requested age clamped to 20–75 years. */
  readonly referenceAgeYears: number;
}

/** An IGF-1 value placed in its age- and sex-specific reference distribution. */
export interface Igf1Sds {
  /** (ln x − ln median) / SD_ln. */
  readonly sds: number;
  /** 100 · Φ(sds), from 0 to 100. */
  readonly percentile: number;
  /** 2.5th percentile at this age and sex, ng/mL. */
  readonly lower: number;
  /** 97.5th percentile at this age and sex, ng/mL. */
  readonly upper: number;
  /** Median at this age and sex, ng/mL. */
  readonly median: number;
  /** The age the table was read at (the requested age clamped to 20–75 years). */
  readonly referenceAgeYears: number;
}

function checkSex(sex: string): asserts sex is Sex {
  if (sex !== 'male' && sex !== 'female')
    throw new RangeError(`sex must be male or female, got ${JSON.stringify(sex)}`);
}

function checkAge(ageYears: number): void {
  if (!Number.isFinite(ageYears) || ageYears < 0) {
    throw new RangeError(`age must be a finite number of years ≥ 0, got ${ageYears}`);
  }
}

/** exp((1 − w)·ln x₀ + w·ln x₁), exact at the table rows (w = 0 or 1). */
function interpolateLog(x0: number, x1: number, w: number): number {
  if (w === 0) return x0;
  if (w === 1) return x1;
  return Math.exp((1 - w) * Math.log(x0) + w * Math.log(x1));
}

/**
 * The reference interval at `ageYears` for `sex`, interpolated log-normally: ln(lower) and ln(upper) are
 * interpolated linearly in age between the two nearest table rows. Ages below 20 use the age-20 row and ages above
 * 75 the age-75 row (the table has no data outside 20–75; `referenceAgeYears` says which age was used).
 * @throws RangeError for a negative or non-finite age or an unknown sex.
 */
export function igf1Reference(ageYears: number, sex: Sex): Igf1Reference {
  checkAge(ageYears);
  checkSex(sex);
  const first = IGF1_REFERENCE[0];
  const last = IGF1_REFERENCE[IGF1_REFERENCE.length - 1];
  const age = Math.min(Math.max(ageYears, first.ageYears), last.ageYears);
  let i = 0;
  while (i < IGF1_REFERENCE.length - 2 && IGF1_REFERENCE[i + 1].ageYears <= age) i++;
  const [a, b] = [IGF1_REFERENCE[i], IGF1_REFERENCE[i + 1]];
  const w = (age - a.ageYears) / (b.ageYears - a.ageYears);
  const lower = interpolateLog(a[sex][0], b[sex][0], w);
  const upper = interpolateLog(a[sex][1], b[sex][1], w);
  return {
    lower,
    upper,
    median: Math.sqrt(lower * upper),
    sdLn: Math.log(upper / lower) / INTERVAL_WIDTH_SD,
    referenceAgeYears: age,
  };
}

/**
 * IGF-1 SDS and percentile for age and sex: SDS = (ln x − ln median) / SD_ln with median = √(lower·upper) and
 * SD_ln = ln(upper/lower) / 3.92, from the table interpolated as in {@link igf1Reference}. An SDS above +1.96 is
 * above the 97.5th percentile. Ages outside 20–75 are clamped to the nearest row.
 *
 * @param ageYears age in years
 * @param sex male or female
 * @param igf1NgMl total serum IGF-1 in ng/mL (= µg/L)
 * @example igf1Sds(50, 'male', 221).sds // 1.96 (the 97.5th percentile at 50 years)
 * @throws RangeError for a non-positive IGF-1, a negative age or an unknown sex.
 */
export function igf1Sds(ageYears: number, sex: Sex, igf1NgMl: number): Igf1Sds {
  if (!(Number.isFinite(igf1NgMl) && igf1NgMl > 0)) {
    throw new RangeError(`IGF-1 must be a positive number of ng/mL, got ${igf1NgMl}`);
  }
  const ref = igf1Reference(ageYears, sex);
  const sds = Math.log(igf1NgMl / ref.median) / ref.sdLn;
  return {
    sds,
    percentile: 100 * normalCdf(sds),
    lower: ref.lower,
    upper: ref.upper,
    median: ref.median,
    referenceAgeYears: ref.referenceAgeYears,
  };
}
