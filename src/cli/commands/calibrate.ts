// SPDX-License-Identifier: MIT
/**
 * `endotwin calibrate [PROBLEM] [--workers N] [--params-out F] [--report F] [--checkpoint F] [--restart]
 * [--progress]`: the population calibration of `validation/calibration.yaml` (maximum a posteriori by
 * Levenberg–Marquardt, `validate/calibration.ts`). On success it writes the parameter file the model loads and
 * the report; an interrupted or failed run writes neither (the checkpoint lets the next run continue).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import type { CommandContext } from '../context.js';
import { invalidInput } from '../errors.js';
import { writeFileAtomic } from '../io.js';
import { parseNumberOption } from '../options.js';
import { progressLine, progressWanted } from '../progress.js';

/** Where everything goes by default, relative to the current directory (a clone's root). */
export const CALIBRATE_DEFAULTS = {
  problem: 'validation/calibration.yaml',
  paramsOut: 'src/physiology/calibrated-values.generated.ts',
  report: 'validation/CALIBRATION.md',
  checkpoint: '.calibration/checkpoint.json',
} as const;

interface CalibrateCliOptions {
  workers?: string;
  paramsOut?: string;
  report?: string;
  checkpoint?: string;
  restart?: boolean;
  progress?: boolean;
}

function outputPath(flag: string, path: string): string {
  const full = resolve(path);
  if (!existsSync(dirname(full))) {
    throw invalidInput(
      `${flag}: the folder of ${full} does not exist (run from the repository's root or give ${flag})`,
    );
  }
  return full;
}

async function runCalibrate(
  problemFile: string | undefined,
  options: CalibrateCliOptions,
  context: CommandContext,
): Promise<void> {
  const workers = Math.round(
    parseNumberOption('--workers', options.workers ?? String(Math.min(2, availableParallelism())), {
      min: 0,
      max: 256,
    }),
  );
  const problemPath = resolve(problemFile ?? CALIBRATE_DEFAULTS.problem);
  if (!existsSync(problemPath)) throw invalidInput(`cannot read ${problemPath}: no such file`);
  const paramsOut = outputPath('--params-out', options.paramsOut ?? CALIBRATE_DEFAULTS.paramsOut);
  const reportOut = outputPath('--report', options.report ?? CALIBRATE_DEFAULTS.report);
  const checkpoint = resolve(options.checkpoint ?? CALIBRATE_DEFAULTS.checkpoint);
  mkdirSync(dirname(checkpoint), { recursive: true });
  const { loadCalibrationProblem } = await import('../../validate/calibration-problem.js');
  const { calibrate, removeCheckpoint, modelFingerprint } = await import('../../validate/calibration.js');
  const { createCasePool } = await import('../../validate/calibration-tasks.js');
  const report = await import('../../validate/calibration-report.js');
  const problem = loadCalibrationProblem(problemPath);
  if (options.restart === true) removeCheckpoint(checkpoint);
  const progress = progressLine(context.io, progressWanted(context.io, options.progress));
  const pool = createCasePool(workers);
  const started = performance.now();
  try {
    const result = await calibrate(problem, {
      pool,
      checkpointFile: checkpoint,
      modelVersion: modelFingerprint(),
      onProgress: (message) => progress.update(`calibrate: ${message}`),
    });
    progress.finish();
    const seconds = (performance.now() - started) / 1000;
    const file = report.calibrationFile(problem, result);
    const command = `endotwin calibrate${problemFile === undefined ? '' : ` ${problemFile}`}`;
    await writeFileAtomic(
      reportOut,
      report.renderCalibrationReport(problem, result, { command, workers, seconds }),
    );
    await writeFileAtomic(paramsOut, report.calibrationModuleSource(file));
    removeCheckpoint(checkpoint);
    context.io.out(
      `calibrated ${problem.parameters.length} parameters on ${problem.targets.length} cases: objective ` +
        `${(result.before.data + result.before.prior).toFixed(4)} → ${(result.after.data + result.after.prior).toFixed(4)} ` +
        `(${result.iterations} iterations, ${result.converged ? 'converged' : 'not converged'}, ` +
        `${(seconds / 60).toFixed(1)} min)\nwrote ${paramsOut} and ${reportOut}; rebuild (npx tsc -p tsconfig.build.json) ` +
        'for the model to load the new values\n',
    );
  } finally {
    progress.finish();
    await pool.close();
  }
}

/** Adds the `calibrate` command. */
export function registerCalibrate(program: Command, context: CommandContext): void {
  program
    .command('calibrate')
    .description(
      'population calibration: maximum a posteriori of the free parameters of a problem file against the ' +
        'published validation cases it names (Levenberg–Marquardt, Laplace posterior); writes the parameter ' +
        'file the model loads and validation/CALIBRATION.md',
    )
    .argument('[problem]', `problem file (default ${CALIBRATE_DEFAULTS.problem})`)
    .option('--workers <n>', 'worker threads (0: in this thread; default: 2 or the number of cores if fewer)')
    .option('--params-out <file>', `the parameter file to write (default ${CALIBRATE_DEFAULTS.paramsOut})`)
    .option('--report <file>', `the report to write (default ${CALIBRATE_DEFAULTS.report})`)
    .option('--checkpoint <file>', `state after each iteration (default ${CALIBRATE_DEFAULTS.checkpoint})`)
    .option('--restart', 'ignore a checkpoint and start from the priors')
    .option('--progress', 'show progress on stderr even when it is not a terminal')
    .action((problem: string | undefined, options: CalibrateCliOptions) =>
      runCalibrate(problem, options, context),
    );
}
