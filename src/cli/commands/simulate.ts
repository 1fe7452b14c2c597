// SPDX-License-Identifier: MIT
/** `endotwin simulate FILE [--out F] [--format json|csv] [--research]`: one scenario, the result to stdout or F. */
import type { Command } from 'commander';
import { screenScenario } from '../../protocol/index.js';
import { dailyCsv } from '../../scenario/index.js';
import type { Result, Scenario } from '../../scenario/index.js';
import type { CommandContext } from '../context.js';
import { CliError, ExitCode } from '../errors.js';
import { formatFindings } from '../format.js';
import type { CliIo } from '../io.js';
import { writeFileAtomic } from '../io.js';
import { parseChoiceOption } from '../options.js';
import { loadScenarioFile } from '../scenario-file.js';
import { loadSimulate } from '../simulate-loader.js';
import type { SimulateOptions } from '../simulate-loader.js';

const FORMATS = ['json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

interface SimulateCliOptions {
  out?: string;
  format?: string;
  research?: boolean;
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
function enforceScreening(scenario: Scenario, research: boolean, io: CliIo): void {
  const screening = screenScenario(scenario);
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
  const scenario = await loadScenarioFile(file);
  enforceScreening(scenario, options.research === true, context.io);
  const simulate = await loadSimulate();
  const progress = progressReporter(context.io, scenario.name);
  let result: Result;
  try {
    result = simulate(scenario, progress.options);
  } finally {
    progress.finish();
  }
  const text = render(result, format);
  if (options.out === undefined) context.io.out(text);
  else await writeFileAtomic(options.out, text);
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
    .action((file: string, options: SimulateCliOptions) => runSimulate(file, options, context));
}
