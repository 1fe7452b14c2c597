// SPDX-License-Identifier: MIT
/**
 * endotwin's public library API: parse a scenario, simulate it, read the result. Everything else is internal and
 * may change between minor versions.
 * @example
 * import { parseScenarioText, simulate } from 'endotwin';
 * const result = simulate(parseScenarioText(yamlText));
 * console.log(result.daily.at(-1)?.igf1_ng_ml);
 */
export {
  simulate,
  seriesNames,
  ENGINE_VERSION,
  BURN_IN_DAYS,
  type SimulateOptions,
} from './simulate/index.js';
export { parseScenario, parseScenarioText } from './protocol/parse-scenario.js';
export { readDocument, ScenarioError, type ScenarioIssue } from './scenario/parse.js';
export { SCENARIO_SCHEMA_ID, type Scenario, type ScenarioInput } from './scenario/schema.js';
export {
  RESULT_SCHEMA_ID,
  DAILY_FIELDS,
  ENDPOINT_NAMES,
  type DailyRow,
  type EndpointWindows,
  type Endpoints,
  type Finding,
  type LabRow,
  type Maybe,
  type Result,
  type ResultEvent,
  type Screening,
  type Severity,
} from './scenario/result.js';
export { MODEL_NAME } from './physiology/model.js';
export { DRUG_NAMES, DRUGS, ROUTES, type DrugName, type Route } from './physiology/drug-catalog.js';
