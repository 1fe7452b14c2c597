// SPDX-License-Identifier: MIT
/**
 * `endotwin export sbml [SCENARIO] [--out FILE]`: the model as SBML Level 3 Version 2. Without a scenario, the
 * untreated model with its declared values; with one, its treatment run (calibrated parameters, the state at day 0
 * and every timed input as an event). To stdout, or atomically to FILE.
 */
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { writeFileAtomic } from '../io.js';
import { loadScenarioFile } from '../scenario-file.js';

interface ExportSbmlOptions {
  out?: string;
}

async function runExportSbml(
  file: string | undefined,
  options: ExportSbmlOptions,
  context: CommandContext,
): Promise<void> {
  const scenario = file === undefined ? undefined : await loadScenarioFile(file);
  // The exporter loads the model's modules: only when this command runs.
  const { scenarioSbml, untreatedModelSbml } = await import('../../exchange/sbml/export/index.js');
  const xml = scenario === undefined ? untreatedModelSbml() : scenarioSbml(scenario);
  if (options.out === undefined) context.io.out(xml);
  else {
    await writeFileAtomic(options.out, xml);
    context.io.err(`wrote ${options.out}\n`);
  }
}

/** Adds the `export` command and its `sbml` subcommand. */
export function registerExport(program: Command, context: CommandContext): void {
  const command = program.command('export').description('export the model in a standard format');
  command
    .command('sbml')
    .description(
      'the model as SBML Level 3 Version 2: untreated, or a scenario’s run from day 0 with its inputs as events',
    )
    .argument('[scenario]', 'scenario file, YAML or JSON (default: the untreated model)')
    .option('--out <file>', 'write the SBML to this file instead of stdout')
    .action((file: string | undefined, options: ExportSbmlOptions) => runExportSbml(file, options, context));
}
