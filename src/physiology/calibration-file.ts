// SPDX-License-Identifier: MIT
/** The shape of the population calibration's record (`calibrated-values.generated.ts`). */

/** What `endotwin calibrate` writes (the generated module's one export). */
export interface CalibrationFile {
  /** Format of this record. */
  readonly version: 1;
  /** SHA-256 of the problem file (`validation/calibration.yaml`) the values were fitted to. */
  readonly problem_sha256: string;
  /** SHA-256 of each included case file, by case id. */
  readonly cases_sha256: Readonly<Record<string, string>>;
  /** The fitted value of each free parameter, in its declared unit. */
  readonly values: Readonly<Record<string, number>>;
  /** The Laplace posterior on the natural-log scale: the mode (ln of `values`) and covariance, in `names` order. */
  readonly posterior: {
    readonly names: readonly string[];
    readonly mean_log: readonly number[];
    readonly covariance_log: readonly (readonly number[])[];
  };
}
