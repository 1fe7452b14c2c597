// SPDX-License-Identifier: MIT
/** Stage 1: the requested series checked against the model's outputs, and the screening of the scenario. */
import { isModelledDrug, MODEL_NAME } from '../physiology/model.js';
import { screenScenario } from '../protocol/screening.js';
import { ScenarioError } from '../scenario/parse.js';
import type { Finding, Screening } from '../scenario/result.js';
import type { Scenario } from '../scenario/schema.js';
import { SERIES_NAMES } from '../scenario/vocabulary.js';

/**
 * Every series name a scenario may request: the outputs of the full model (all drugs), as the vocabulary lists
 * them (a test keeps the list equal to the compiled model's outputs, so checking needs no model).
 */
export function seriesNames(): readonly string[] {
  return allOutputs;
}
const allOutputs: readonly string[] = SERIES_NAMES;

/** The requested series, checked against the model's outputs. @throws ScenarioError naming the bad entry. */
export function checkSeriesNames(scenario: Scenario): readonly string[] {
  const issues = scenario.output.series.flatMap((name, i) =>
    allOutputs.includes(name)
      ? []
      : [
          {
            path: `output.series[${i}]`,
            message: `unknown series '${name}'; allowed: ${allOutputs.join(', ')}`,
          },
        ],
  );
  if (issues.length > 0) throw new ScenarioError(issues);
  return scenario.output.series;
}

/**
 * Screening of the protocol layer, plus information on drugs this model version would not act on (none at
 * present: every drug of the catalogue has a model, so the note guards future catalogue entries).
 */
export function screen(scenario: Scenario): Screening {
  const base = screenScenario(scenario);
  const notes: Finding[] = [];
  for (const drug of new Set(scenario.regimen.map((line) => line.drug))) {
    if (!isModelledDrug(drug)) {
      notes.push({
        code: 'INFO_DRUG_NOT_MODELLED',
        severity: 'info',
        message: `${drug} has no model in ${MODEL_NAME}; its doses are listed but act on nothing`,
      });
    }
  }
  return { status: base.status, findings: [...base.findings, ...notes] };
}
