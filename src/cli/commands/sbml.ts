// SPDX-License-Identifier: MIT
/**
 * `endotwin sbml simulate MODEL.xml --settings SETTINGS.txt`: simulates an SBML Level 3 model and prints CSV in the
 * SBML Test Suite's layout. Exit 2 for invalid SBML or settings (naming the element and the reason), 5 for a valid
 * model that uses a feature the importer does not support (naming it).
 */
import type { Command } from 'commander';
import {
  formatSbmlCsv,
  importSbml,
  parseSettings,
  SbmlError,
  simulateWithSettings,
} from '../../exchange/sbml/import/index.js';
import type { CommandContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import { readInputFile } from '../io.js';

interface SbmlSimulateOptions {
  settings: string;
}

async function runSbmlSimulate(
  file: string,
  options: SbmlSimulateOptions,
  context: CommandContext,
): Promise<void> {
  const [xml, settingsText] = await Promise.all([readInputFile(file), readInputFile(options.settings)]);
  try {
    const settings = parseSettings(settingsText);
    const model = importSbml(xml);
    const rows = simulateWithSettings(model, settings);
    context.io.out(formatSbmlCsv(settings.variables, rows));
  } catch (error) {
    if (error instanceof SbmlError) {
      const code = error.kind === 'unsupported' ? ExitCode.UNSUPPORTED : ExitCode.INVALID_INPUT;
      const where = error.element === 'settings' ? options.settings : file;
      throw new CliError(`${where}: ${error.message}`, code);
    }
    throw error;
  }
}

/** Adds the `sbml` command group (`sbml simulate`). */
export function registerSbml(program: Command, context: CommandContext): void {
  const sbml = program.command('sbml').description('SBML Level 3 models: import and simulate');
  sbml
    .command('simulate')
    .description(
      'simulate an SBML model and print CSV (time, then the settings variables); exit 2 invalid SBML, 5 unsupported feature',
    )
    .argument('<model>', 'SBML Level 3 file (.xml)')
    .requiredOption(
      '--settings <file>',
      'SBML Test Suite settings file: start, duration, steps, variables, amount, concentration',
    )
    .action((model: string, options: SbmlSimulateOptions) => runSbmlSimulate(model, options, context));
}
