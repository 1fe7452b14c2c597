// SPDX-License-Identifier: MIT
/**
 * A real patient's twin: the few parameters that matter fitted to their follow-up labs (`fitTwin`), and the
 * fitted twin's prediction of the coming months under a chosen course with a prediction interval (`predictTwin`).
 * Research and education software, not a clinical tool.
 */
export { DEFAULT_FUTURE_DAYS, MAX_FUTURE_DAYS, continuedHistory } from './continue.js';
export { TWIN_FIT_SCHEMA_ID, fitTwin } from './fit.js';
export type { FitTwinInput, FittedParameter, IgnoredLab, TwinFit, TwinResidual } from './fit.js';
export {
  DEFAULT_MEASUREMENT_SD_LOG,
  FITTABLE_LABS,
  TwinInputError,
  isFittableLab,
  observationsFromLabs,
} from './observations.js';
export type { FittableLab, TwinLabValue } from './observations.js';
export { IGF1_PRODUCTION, defaultTwinParameters, drugResponseParameter } from './parameters.js';
export type { TwinParameterSpec } from './parameters.js';
export { PREDICTION_LEVEL, TWIN_PREDICTION_SCHEMA_ID, predictTwin } from './predict.js';
export type { IntervalKind, PredictTwinOptions, TwinPrediction, TwinPredictionRow } from './predict.js';
