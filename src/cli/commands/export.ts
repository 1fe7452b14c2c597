// SPDX-License-Identifier: MIT
/**
 * `endotwin export sbml [SCENARIO] [--out FILE]`: the model as SBML Level 3 Version 2. Without a scenario, the
 * untreated model with its declared values; with one, its treatment run (calibrated parameters, the state at day 0
 * and every timed input as an event). To stdout, or atomically to FILE.
 *
 * `endotwin export nonmem SCENARIO --out FILE.csv`: the scenario simulated, its doses and monitoring labs as a
 * NONMEM-style dataset, with its dictionary beside it (`FILE.dictionary.json`).
 */
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import { formatFindings } from '../format.js';
import { writeFileAtomic } from '../io.js';
import { loadScenarioFile } from '../scenario-file.js';
import { loadSimulate } from '../simulate-loader.js';

interface ExportSbmlOptions {
  out?: string;
}

async function runExportSbml(
  file: string | undefined,
  options: ExportSbmlOptions,
  context: CommandContext,
): Promise<void> {
  const scenario = file === undefined ? undefined : (await loadScenarioFile(file)).scenario;
  // The exporter loads the model's modules: only when this command runs.
  const { scenarioSbml, untreatedModelSbml } = await import('../../exchange/sbml/export/index.js');
  const xml = scenario === undefined ? untreatedModelSbml() : scenarioSbml(scenario);
  if (options.out === undefined) context.io.out(xml);
  else {
    await writeFileAtomic(options.out, xml);
    context.io.err(`wrote ${options.out}\n`);
  }
}

interface ExportNonmemOptions {
  out: string;
  research?: boolean;
}

async function runExportNonmem(
  file: string,
  options: ExportNonmemOptions,
  context: CommandContext,
): Promise<void> {
  const { scenario, screening } = await loadScenarioFile(file);
  if (screening.status === 'contraindicated' && options.research !== true) {
    throw new CliError(
      `screening: contraindicated; not simulated (add --research to run it anyway for research)\n${formatFindings(screening)}`.trimEnd(),
      ExitCode.CONTRAINDICATED,
    );
  }
  const simulate = await loadSimulate();
  const { dictionaryPathFor, nonmemCsv, nonmemDictionary, scenarioNonmemDataset } =
    await import('../../exchange/nonmem/index.js');
  const dataset = scenarioNonmemDataset(simulate(scenario));
  const dictionaryPath = dictionaryPathFor(options.out);
  await writeFileAtomic(options.out, nonmemCsv(dataset));
  await writeFileAtomic(dictionaryPath, `${JSON.stringify(nonmemDictionary(dataset), null, 2)}\n`);
  context.io.err(`wrote ${options.out} (${dataset.rows.length} rows) and its dictionary ${dictionaryPath}\n`);
}

/** Adds the `export` command and its `sbml` and `nonmem` subcommands. */
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
  command
    .command('nonmem')
    .description(
      'a scenario simulated: its doses and monitoring labs as a NONMEM-style dataset and dictionary',
    )
    .argument('<scenario>', 'scenario file, YAML or JSON')
    .requiredOption('--out <file>', 'the CSV to write; the dictionary goes to <file>.dictionary.json')
    .option('--research', 'simulate even when the scenario is contraindicated')
    .action((file: string, options: ExportNonmemOptions) => runExportNonmem(file, options, context));
}
