// SPDX-License-Identifier: MIT
/**
 * `endotwin sbml simulate MODEL.xml --settings SETTINGS.txt`: simulates an SBML Level 3 model and prints CSV in the
 * SBML Test Suite's layout. Exit 2 for invalid SBML or settings (naming the element and the reason), 5 for a valid
 * model that uses a feature the importer does not support (naming it).
 */
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import {
  checkSbmlScenario,
  endotwinRunOptionsOf,
  formatSbmlCsv,
  importSbml,
  parseSettings,
  readSbmlScenario,
  runSbmlScenario,
  SbmlError,
  simulateWithSettings,
  type SbmlScenarioResult,
} from '../../exchange/sbml/import/index.js';
import { readDocument } from '../../scenario/parse.js';
import type { CommandContext } from '../context.js';
import { CliError, ExitCode, invalidInput } from '../errors.js';
import { readInputFile, writeFileAtomic } from '../io.js';
import { parseChoiceOption } from '../options.js';

interface SbmlSimulateOptions {
  settings: string;
  endotwinSolver?: boolean;
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
    const rows = simulateWithSettings(
      model,
      settings,
      options.endotwinSolver === true ? endotwinRunOptionsOf(xml) : {},
    );
    context.io.out(formatSbmlCsv(settings.variables, rows));
  } catch (error) {
    if (error instanceof SbmlError) {
      throw cliErrorOf(error, error.element === 'settings' ? options.settings : file);
    }
    throw error;
  }
}

/** An SbmlError as a CLI error: exit 5 for an unsupported feature, 2 otherwise, naming the file. */
function cliErrorOf(error: SbmlError, file: string): CliError {
  const code = error.kind === 'unsupported' ? ExitCode.UNSUPPORTED : ExitCode.INVALID_INPUT;
  return new CliError(`${file}: ${error.message}`, code);
}

const RUN_FORMATS = ['csv', 'json'] as const;

/** Options of a scenario run on an SBML model. */
export interface SbmlRunCliOptions {
  out?: string;
  format?: string;
}

function renderRun(result: SbmlScenarioResult, format: (typeof RUN_FORMATS)[number], model: string): string {
  if (format === 'json') {
    return `${JSON.stringify({ schema: 'endotwin/sbml-run/v1', model, ...result })}\n`;
  }
  const names = Object.keys(result.series);
  const lines = [['t_min', ...names].join(',')];
  result.t_min.forEach((t, k) => lines.push([t, ...names.map((n) => result.series[n][k])].join(',')));
  return `${lines.join('\n')}\n`;
}

/**
 * Runs a scenario document with an `sbml` block on an SBML model: `model` given, or the block's `model` (relative
 * to the scenario file). Used by `sbml run` and by `simulate` for such documents.
 */
/** The scenario of a document with an `sbml` block, and the model file it names (or the one given). */
async function loadSbmlScenario(
  scenarioFile: string,
  document: unknown,
  modelFile: string | undefined,
): Promise<{ input: ReturnType<typeof readSbmlScenario>; file: string; xml: string }> {
  const input = readSbmlScenario(document);
  const named = input.mapping.model;
  const file = modelFile ?? (named === undefined ? undefined : resolve(dirname(scenarioFile), named));
  if (file === undefined) {
    throw invalidInput(
      `${scenarioFile}: sbml.model: required when no model file is given on the command line`,
    );
  }
  return { input, file, xml: await readInputFile(file) };
}

/** Imports a model, turning its SBML errors into the CLI's (exit 2 invalid, 5 unsupported), naming the file. */
function withModel<T>(file: string, xml: string, use: (model: ReturnType<typeof importSbml>) => T): T {
  try {
    return use(importSbml(xml));
  } catch (error) {
    if (error instanceof SbmlError) throw cliErrorOf(error, file);
    throw error;
  }
}

/** Runs a scenario document that carries an `sbml` block on the model it names (or `modelFile`). */
export async function runSbmlScenarioFile(
  scenarioFile: string,
  document: unknown,
  modelFile: string | undefined,
  options: SbmlRunCliOptions,
  context: CommandContext,
  defaultFormat: (typeof RUN_FORMATS)[number],
): Promise<void> {
  const format = parseChoiceOption('--format', options.format ?? defaultFormat, RUN_FORMATS);
  const { input, file, xml } = await loadSbmlScenario(scenarioFile, document, modelFile);
  const text = withModel(file, xml, (model) =>
    renderRun(runSbmlScenario(model, input), format, model.modelId),
  );
  if (options.out === undefined) context.io.out(text);
  else await writeFileAtomic(options.out, text);
}

/**
 * Checks a scenario document with an `sbml` block without running it: the scenario, the block, the model file and
 * every id the block names. Returns the model's id.
 */
export async function checkSbmlScenarioFile(scenarioFile: string, document: unknown): Promise<string> {
  const { input, file, xml } = await loadSbmlScenario(scenarioFile, document, undefined);
  return withModel(file, xml, (model) => {
    checkSbmlScenario(model, input);
    return model.modelId;
  });
}

/** Adds the `sbml` command group (`sbml simulate`, `sbml run`). */
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
    .option(
      '--endotwin-solver',
      "integrate as endotwin simulate does (DOPRI5, its tolerances, restarts from an exported scenario's annotation)",
    )
    .action((model: string, options: SbmlSimulateOptions) => runSbmlSimulate(model, options, context));
  sbml
    .command('run')
    .description(
      "run a scenario with an 'sbml' block (doses into species, parameters, series) on an SBML model; exit 2 bad input",
    )
    .argument('<model>', 'SBML Level 3 file (.xml)')
    .argument('<scenario>', "scenario file (YAML or JSON) with an 'sbml' block")
    .option('--format <format>', 'csv (t_min, then the series) or json', 'csv')
    .option('--out <file>', 'write the result here instead of stdout')
    .action(async (model: string, scenario: string, options: SbmlRunCliOptions) => {
      const document = readDocument(await readInputFile(scenario));
      await runSbmlScenarioFile(scenario, document, model, options, context, 'csv');
    });
}
