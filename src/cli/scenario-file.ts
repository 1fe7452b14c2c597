// SPDX-License-Identifier: MIT
/** Reading and fully validating a scenario file, as `simulate`, `check` and `demo` do. */
import { expandLifestyle, expandRegimen } from '../protocol/index.js';
import { parseScenarioText } from '../scenario/index.js';
import type { Scenario } from '../scenario/index.js';
import { readInputFile } from './io.js';

/**
 * Reads a YAML or JSON scenario, validates it against the contract and expands its regimen and lifestyle once, so
 * that the checks that depend on the patient (a listed time equal to the bedtime, an infusion overlapping the next
 * dose) are reported here as invalid input rather than halfway through a run.
 * @throws CliError (unreadable file) or ScenarioError (invalid scenario), both exit 2.
 */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  const scenario = parseScenarioText(await readInputFile(path));
  expandRegimen(scenario);
  expandLifestyle(scenario);
  return scenario;
}
