// SPDX-License-Identifier: MIT
/** Reading and fully checking a scenario file, as `simulate`, `check`, `demo` and `twin` do. */
import { prepareScenario, type PreparedScenario } from '../simulate/prepare.js';
import { readInputFile } from './io.js';

/**
 * Reads a YAML or JSON scenario and checks it with {@link prepareScenario} (the contract, the series names, the
 * regimen and lifestyle expansion, the screening), so that every invalid input is reported here, before a run.
 * @throws CliError (unreadable file) or ScenarioError (invalid scenario), both exit 2.
 */
export async function loadScenarioFile(path: string): Promise<PreparedScenario> {
  return prepareScenario({ text: await readInputFile(path) });
}
