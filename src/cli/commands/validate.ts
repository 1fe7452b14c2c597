// SPDX-License-Identifier: MIT
/**
 * `endotwin validate [--report F] [--update-baseline] [--only ID…] [--json]`: runs every published validation case
 * and the published trials of `validation/trials/` (the report's "Virtual trials" section; skipped with `--only`),
 * and writes the Markdown report. Exits 1 when a case that passed in the recorded baseline fails now.
 * `--record-predictions` instead records the prediction of every case that lacks one (`record-predictions.ts`).
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ThreadEngine } from '../../cohort/engines/threads.js';
import { loadCases } from '../../validate/cases.js';
import { loadValidationTrials, renderTrialsSection, runValidationTrials } from '../../validate/trials.js';
import { readBaseline, regressions, renderReport, runCase, VALIDATION_DIR } from '../../validate/run.js';
import type { CaseOutcome } from '../../validate/run.js';
import type { CommandContext } from '../context.js';
import { runRecordPredictions } from './record-predictions.js';
import { ExitCode } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { progressLine, progressWanted } from '../progress.js';

/** Where the report goes, relative to the current directory. */
const DEFAULT_REPORT = join('validation', 'REPORT.md');

interface ValidateOptions {
  report?: string;
  updateBaseline?: boolean;
  only?: string[];
  json?: boolean;
  recordPredictions?: boolean;
  progress?: boolean;
}

function summaryLine(o: CaseOutcome): string {
  const value =
    o.simulated === null ? `error: ${o.error ?? ''}` : `${o.simulated.toPrecision(3)} ${o.expected.unit}`;
  return `${o.passed ? 'pass' : 'FAIL'}  ${o.id}: ${value} (expected ${o.expected.min}–${o.expected.max})\n`;
}

async function runValidate(options: ValidateOptions, context: CommandContext): Promise<void> {
  if (options.recordPredictions === true) {
    runRecordPredictions(options.only, context);
    return;
  }
  const all = loadCases(join(VALIDATION_DIR, 'cases'));
  const cases = options.only ? all.filter((c) => options.only?.includes(c.id)) : all;
  const outcomes: CaseOutcome[] = [];
  const progress = progressLine(context.io, progressWanted(context.io, options.progress));
  for (const [i, c] of cases.entries()) {
    progress.update(`validating: case ${i + 1} of ${cases.length} (${c.id})`);
    const outcome = runCase(c);
    outcomes.push(outcome);
    if (options.json !== true) context.io.out(summaryLine(outcome));
  }
  progress.finish();
  // Under the current directory, never inside the installed package (in a clone of the repository, run from its
  // root, that is the tracked validation/REPORT.md).
  const reportPath = resolve(options.report ?? DEFAULT_REPORT);
  if (!options.only) {
    const trials = await runValidationTrials(loadValidationTrials(), new ThreadEngine(), (file, p) =>
      progress.update(`validating: trial ${file}, ${p.done} of ${p.total} simulations`),
    );
    progress.finish();
    const cases = renderReport(outcomes, new Date().toISOString().slice(0, 10));
    const report = `${cases}\n${renderTrialsSection(trials)}`;
    await mkdir(dirname(reportPath), { recursive: true });
    await writeFileAtomic(reportPath, report);
  }
  const baselinePath = join(VALIDATION_DIR, 'baseline.json');
  if (options.updateBaseline === true) {
    const passing = outcomes.filter((o) => o.passed).map((o) => o.id);
    await writeFileAtomic(baselinePath, `${JSON.stringify({ passing }, null, 2)}\n`);
  }
  const broken = regressions(outcomes, readBaseline(baselinePath));
  if (options.json === true) context.io.out(`${JSON.stringify(outcomes, null, 2)}\n`);
  const passed = outcomes.filter((o) => o.passed).length;
  context.io.err(
    `${passed} of ${outcomes.length} cases pass` +
      (options.only ? '' : `; report written to ${reportPath}`) +
      (broken.length > 0 ? `; ${broken.length} regressed: ${broken.map((o) => o.id).join(', ')}` : '') +
      '\n',
  );
  if (broken.length > 0) context.setExitCode(ExitCode.FAILURE);
}

/** Adds the `validate` command. */
export function registerValidate(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('run every published validation case and write the report to validation/REPORT.md here')
    .option('--report <file>', 'where to write the Markdown report (default ./validation/REPORT.md)')
    .option('--update-baseline', 'record the cases that pass now as the regression baseline')
    .option('--only <ids...>', 'run only these case ids (no report is written)')
    .option('--json', 'print every outcome as JSON')
    .option(
      '--record-predictions',
      'record the current prediction of every case without one (never rewrites a recorded prediction)',
    )
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .action((options: ValidateOptions) => runValidate(options, context));
}
