// SPDX-License-Identifier: MIT
/**
 * The one scenario check every caller uses (CLI, API, cohort, twin and `simulate` itself): parse, check the
 * requested series against the model, expand the regimen and the lifestyle, screen. What it returns feeds
 * `simulate`, so a checked scenario is not expanded again.
 */
import { clockToMinutes } from '../protocol/clock.js';
import { expandLifestyle, type LifestyleRecord } from '../protocol/lifestyle.js';
import { expandRegimen, type DoseRecord } from '../protocol/regimen.js';
import { parseScenario, parseScenarioText } from '../protocol/parse-scenario.js';
import type { Screening } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import { checkSeriesNames, screen } from './screening.js';
import { BURN_IN_DAYS, MIN_PER_DAY } from './settings.js';

/** A scenario as a caller holds it: a document object, YAML or JSON text, or a scenario already normalised. */
export type ScenarioSource =
  { readonly document: unknown } | { readonly text: string } | { readonly scenario: Scenario };

/** A scenario that passed every check, with what the checks computed. */
export interface PreparedScenario {
  /** The normalised scenario. */
  readonly scenario: Scenario;
  /** The requested series, all known to the model. */
  readonly series: readonly string[];
  /** Every dose of the regimen, sorted by time. */
  readonly doses: readonly DoseRecord[];
  /** The lifestyle over the whole run, burn-in included (days `[-BURN_IN_DAYS, last day + 2)`). */
  readonly lifestyle: readonly LifestyleRecord[];
  /** Contraindication screening. A contraindicated scenario is still prepared: refusing it is the caller's call. */
  readonly screening: Screening;
}

/** The last minute a run must reach: the end of the last day, or a later monitoring draw. */
export function runEndMin(scenario: Scenario): number {
  const drawMin = clockToMinutes(scenario.monitoring.draw_time);
  const lastLabDay = Math.max(0, ...scenario.monitoring.at_days);
  return Math.max(scenario.duration_days * MIN_PER_DAY, lastLabDay * MIN_PER_DAY + drawMin);
}

function normalised(source: ScenarioSource): Scenario {
  if ('scenario' in source) return source.scenario;
  if ('text' in source) return parseScenarioText(source.text);
  return parseScenario(source.document);
}

/**
 * Checks a scenario completely. The checks that depend on the patient (a listed dose time equal to the bedtime, an
 * infusion overlapping the next dose) are reported here as invalid input rather than halfway through a run.
 * @throws ScenarioError naming the field path (a schema or cross-field error, an unknown series, a regimen line
 *   that cannot be expanded).
 * @example prepareScenario({ text: yaml }).screening.status
 */
export function prepareScenario(source: ScenarioSource): PreparedScenario {
  const scenario = normalised(source);
  const series = checkSeriesNames(scenario);
  const doses = expandRegimen(scenario);
  const lifestyle = expandLifestyle(scenario, {
    fromDay: -BURN_IN_DAYS,
    toDay: Math.ceil(runEndMin(scenario) / MIN_PER_DAY) + 1,
  });
  return { scenario, series, doses, lifestyle, screening: screen(scenario) };
}

/** `true` for a prepared scenario, `false` for a bare normalised one. */
export function isPrepared(input: Scenario | PreparedScenario): input is PreparedScenario {
  return 'screening' in input && 'doses' in input;
}
