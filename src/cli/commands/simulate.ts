// SPDX-License-Identifier: MIT
/** `endotwin simulate FILE [--out F] [--format json|csv] [--research]`: one scenario, the result to stdout or F. */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import { dailyCsv } from '../../scenario/index.js';
import type { Result, Scenario, Screening } from '../../scenario/index.js';
import type { CommandContext } from '../context.js';
import { CliError, ExitCode, invalidInput } from '../errors.js';
import { formatFindings } from '../format.js';
import type { CliIo } from '../io.js';
import { readInputFile, writeFileAtomic } from '../io.js';
import { readDocument } from '../../scenario/parse.js';
import { parseChoiceOption, parseNumberOption } from '../options.js';
import { loadScenarioFile } from '../scenario-file.js';
import { loadSimulate } from '../simulate-loader.js';
import type { SimulateOptions } from '../simulate-loader.js';

const FORMATS = ['json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

interface SimulateCliOptions {
  out?: string;
  format?: string;
  research?: boolean;
  uncertainty?: string;
}

/** Progress on stderr, only when stderr is a terminal; `finish` ends the progress line. */
function progressReporter(io: CliIo, name: string): { options: SimulateOptions; finish(): void } {
  if (!io.errIsTty) return { options: {}, finish: () => undefined };
  let shown = -1;
  return {
    options: {
      onProgress(fraction) {
        const percent = Math.floor(Math.min(Math.max(fraction, 0), 1) * 100);
        if (percent === shown) return;
        shown = percent;
        io.err(`\rsimulating ${name}: ${percent}%`);
      },
    },
    finish: () => {
      if (shown >= 0) io.err('\n');
    },
  };
}

/** Screens the scenario; stops with exit 3 on a contraindication unless `research`. Other findings are shown. */
function enforceScreening(screening: Screening, research: boolean, io: CliIo): void {
  if (screening.findings.length === 0) return;
  if (screening.status === 'contraindicated' && !research) {
    throw new CliError(
      `screening: contraindicated; not simulated (add --research to run it anyway for research)\n${formatFindings(screening)}`.trimEnd(),
      ExitCode.CONTRAINDICATED,
    );
  }
  io.err(
    `screening: ${screening.status}${screening.status === 'contraindicated' ? ' (run for research)' : ''}\n${formatFindings(screening)}`,
  );
}

function render(result: Result, format: Format): string {
  return format === 'csv' ? dailyCsv(result.daily) : `${JSON.stringify(result)}\n`;
}

async function runSimulate(
  file: string,
  options: SimulateCliOptions,
  context: CommandContext,
): Promise<void> {
  const format = parseChoiceOption('--format', options.format ?? 'json', FORMATS);
  const document = readDocument(await readInputFile(file));
  if (typeof document === 'object' && document !== null && 'sbml' in document) {
    // A scenario naming an SBML model (its `sbml` block) runs on that model instead of endotwin's.
    if (options.uncertainty !== undefined) {
      throw invalidInput(
        '--uncertainty: the bands draw endotwin’s patient effects, which an imported SBML model does not have',
      );
    }
    const { runSbmlScenarioFile } = await import('./sbml.js');
    await runSbmlScenarioFile(file, document, undefined, options, context, 'json');
    return;
  }
  const prepared = await loadScenarioFile(file);
  const draws =
    options.uncertainty === undefined
      ? undefined
      : await uncertaintyDraws(options.uncertainty, prepared.scenario);
  enforceScreening(prepared.screening, options.research === true, context.io);
  const simulate = await loadSimulate();
  const progress = progressReporter(context.io, prepared.scenario.name);
  let result: Result;
  try {
    result = simulate(prepared, progress.options);
  } finally {
    progress.finish();
  }
  if (draws !== undefined) result = await withBands(result, prepared.scenario, draws, context);
  const text = render(result, format);
  if (options.out === undefined) context.io.out(text);
  else await writeFileAtomic(options.out, text);
}

/** The draws of `--uncertainty N`, checked (something to draw) before anything is simulated. */
async function uncertaintyDraws(raw: string, scenario: Scenario): Promise<number> {
  const draws = Math.round(parseNumberOption('--uncertainty', raw, { min: 2, max: 1000 }));
  const estimate = await import('../../estimate/index.js');
  try {
    estimate.drawParameterSets(scenario, 1);
  } catch (error) {
    if (error instanceof RangeError) throw invalidInput(`--uncertainty: ${error.message}`);
    throw error;
  }
  return draws;
}

/** The result with the uncertainty bands of N draws, simulated on a worker-thread pool. */
async function withBands(
  result: Result,
  scenario: Scenario,
  draws: number,
  context: CommandContext,
): Promise<Result> {
  const estimate = await import('../../estimate/index.js');
  const pool = estimate.createRunPool(availableParallelism());
  const progress = context.io.errIsTty
    ? (done: number, total: number) => context.io.err(`\rdraws: ${done}/${total}`)
    : undefined;
  try {
    const { bands, endpoint_bands } = await estimate.uncertaintyBands(scenario, draws, pool, progress);
    if (progress) context.io.err('\n');
    return { ...result, bands, endpoint_bands };
  } finally {
    await pool.close();
  }
}

/** Adds the `simulate` command. */
export function registerSimulate(program: Command, context: CommandContext): void {
  program
    .command('simulate')
    .description('simulate one scenario; the JSON result (or the daily table as CSV) goes to stdout or --out')
    .argument('<file>', 'scenario file, YAML or JSON (endotwin/scenario/v1)')
    .option('--out <file>', 'write the result to this file (atomically) instead of stdout')
    .option('--format <format>', 'json: the whole result; csv: the daily table', 'json')
    .option(
      '--research',
      'run even when the screening finds a contraindication; the findings stay in the result',
    )
    .option(
      '--uncertainty <n>',
      'add bands and endpoint_bands: 5/50/95 % over n draws of the calibrated parameters from their posterior, ' +
        'and of the patient when patient.variability is typical',
    )
    .action((file: string, options: SimulateCliOptions) => runSimulate(file, options, context));
}
