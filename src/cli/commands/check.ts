// SPDX-License-Identifier: MIT
/** `endotwin check FILE [--json]`: validation and contraindication screening only. */
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { ExitCode } from '../errors.js';
import { formatFindings } from '../format.js';
import { readInputFile } from '../io.js';
import { loadScenarioFile } from '../scenario-file.js';
import { readDocument } from '../../scenario/parse.js';

/** A scenario with an `sbml` block runs on an imported model: its check reads the model and the mapping too. */
async function checkSbml(
  file: string,
  document: unknown,
  options: { json?: boolean },
  context: CommandContext,
) {
  const { checkSbmlScenarioFile } = await import('./sbml.js');
  const modelId = await checkSbmlScenarioFile(file, document);
  context.io.out(
    options.json === true
      ? `${JSON.stringify({ valid: true, sbml_model: modelId }, null, 2)}\n`
      : `${file}: valid scenario on SBML model ${modelId}\n`,
  );
}

async function runCheck(file: string, options: { json?: boolean }, context: CommandContext): Promise<void> {
  const document = readDocument(await readInputFile(file));
  if (typeof document === 'object' && document !== null && 'sbml' in document) {
    await checkSbml(file, document, options, context);
    return;
  }
  const { scenario, screening } = await loadScenarioFile(file);
  if (options.json === true) {
    context.io.out(`${JSON.stringify({ valid: true, screening }, null, 2)}\n`);
  } else {
    context.io.out(
      `${file}: valid scenario "${scenario.name}"\nscreening: ${screening.status}\n${formatFindings(screening)}`,
    );
  }
  if (screening.status === 'contraindicated') context.setExitCode(ExitCode.CONTRAINDICATED);
}

/** Adds the `check` command. */
export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command('check')
    .description(
      'validate a scenario and screen it for contraindications (exit 0 ok, 2 invalid, 3 contraindicated)',
    )
    .argument('<file>', 'scenario file, YAML or JSON')
    .option('--json', 'print { "valid": true, "screening": … } as JSON')
    .action((file: string, options: { json?: boolean }) => runCheck(file, options, context));
}
