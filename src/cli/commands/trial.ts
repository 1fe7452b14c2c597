// SPDX-License-Identifier: MIT
/**
 * `endotwin trial FILE [--out F] [--workers N] [--queue redis://…] [--json] [--patients-csv F] [--nonmem F]
 * [--research]`: a virtual trial (`endotwin/trial/v1`) on a worker-thread pool or a BullMQ queue, with a progress
 * bar and an ETA on stderr. The table of per-arm endpoints (with published figures when the document has them) goes
 * to stdout, the JSON result to `--out` (or to stdout with `--json`), a NONMEM-style dataset to `--nonmem`.
 */
import { availableParallelism } from 'node:os';
import { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import {
  contraindicatedArms,
  formatTrialTable,
  parseTrialText,
  patientsCsv,
  runTrial,
  ThreadEngine,
} from '../../cohort/index.js';
import type { TrialEngine, TrialPlan, TrialResult, Trial } from '../../cohort/index.js';
import type { CommandContext } from '../context.js';
import { CliError, ExitCode, invalidInput } from '../errors.js';
import { formatFindings } from '../format.js';
import type { CliIo } from '../io.js';
import { readInputFile, writeFileAtomic } from '../io.js';
import { parseNumberOption } from '../options.js';

interface TrialCliOptions {
  out?: string;
  workers?: string;
  queue?: string;
  json?: boolean;
  patientsCsv?: string;
  nonmem?: string;
  research?: boolean;
}

/** An engine and what to do with it when the trial is over. */
interface EngineChoice {
  readonly engine: TrialEngine;
  readonly label: string;
  close(): Promise<void>;
}

/** `redis://` or `rediss://` URLs only. */
export function parseQueueUrl(raw: string): string {
  if (!/^rediss?:\/\/\S+$/.test(raw)) {
    throw invalidInput(`--queue must be a Redis URL such as redis://127.0.0.1:6379, got ${raw}`);
  }
  return raw;
}

async function chooseEngine(options: TrialCliOptions, io: CliIo): Promise<EngineChoice> {
  if (options.queue !== undefined) {
    if (options.workers !== undefined) throw invalidInput('--workers and --queue exclude each other');
    const url = parseQueueUrl(options.queue);
    // bullmq and ioredis load only when a queue is asked for.
    const { QueueEngine } = await import('../../cohort/engines/queue.js');
    const engine = new QueueEngine({ url, onLog: (message) => io.err(`${message}\n`) });
    return { engine, label: `queue ${url}`, close: () => engine.close() };
  }
  const workers =
    options.workers === undefined
      ? availableParallelism()
      : parseNumberOption('--workers', options.workers, { min: 1, max: 1024 });
  if (!Number.isInteger(workers))
    throw invalidInput(`--workers must be a whole number, got ${options.workers}`);
  return {
    engine: new ThreadEngine({ workers }),
    label: `${workers} worker thread(s)`,
    close: () => Promise.resolve(),
  };
}

/** Stops with exit 3 when an arm is contraindicated for the population, unless `research`. */
function enforceScreening(trial: Trial, research: boolean, io: CliIo): void {
  const arms = contraindicatedArms(trial);
  if (arms.length === 0) return;
  const text = arms.map((a) => `arm ${a.arm}:\n${formatFindings(a.screening, '    ')}`).join('');
  if (!research) {
    throw new CliError(
      `screening: contraindicated; not simulated (add --research to run it anyway for research)\n${text}`.trimEnd(),
      ExitCode.CONTRAINDICATED,
    );
  }
  io.err(`screening: contraindicated (run for research)\n${text}`);
}

/** A cli-progress bar on the CLI's stderr: live on a terminal, a line every few seconds otherwise. */
function progressBar(io: CliIo): { start(plan: TrialPlan): void; update(done: number): void; stop(): void } {
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      io.err(chunk.toString());
      callback();
    },
  });
  Object.assign(stream, { isTTY: io.errIsTty, columns: process.stderr.columns ?? 100 });
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format:
        'trial [{bar}] {percentage}% | {value}/{total} simulations | {duration_formatted} | ETA {eta_formatted}',
      noTTYOutput: !io.errIsTty,
      notTTYSchedule: 5000,
      etaBuffer: 40,
      hideCursor: io.errIsTty,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    start: (plan) => {
      started = true;
      bar.start(plan.units, 0);
    },
    update: (done) => bar.update(done),
    stop: () => {
      if (started) bar.stop();
    },
  };
}

function rateLine(result: TrialResult, plan: TrialPlan | undefined, seconds: number, label: string): string {
  const units = plan?.units ?? 0;
  const patientDays = units * result.trial.duration_days;
  return (
    `${units} simulations (${patientDays} patient-days) in ${seconds.toFixed(1)} s on ${label}: ` +
    `${(patientDays / seconds).toFixed(0)} patient-days/s\n`
  );
}

/** The NONMEM-style dataset to `path` and its dictionary beside it (`out.csv` → `out.dictionary.json`). */
async function writeNonmem(result: TrialResult, path: string, io: CliIo): Promise<void> {
  const { dictionaryPathFor, nonmemCsv, nonmemDictionary, trialNonmemDataset } =
    await import('../../exchange/nonmem/index.js');
  const { trialDosing } = await import('../../cohort/index.js');
  const dataset = trialNonmemDataset(result, trialDosing);
  const dictionaryPath = dictionaryPathFor(path);
  await writeFileAtomic(path, nonmemCsv(dataset));
  await writeFileAtomic(dictionaryPath, `${JSON.stringify(nonmemDictionary(dataset), null, 2)}\n`);
  io.err(`wrote ${path} (${dataset.rows.length} rows) and its dictionary ${dictionaryPath}\n`);
}

async function writeOutputs(result: TrialResult, options: TrialCliOptions, io: CliIo): Promise<void> {
  const json = `${JSON.stringify(result)}\n`;
  if (options.out !== undefined) await writeFileAtomic(options.out, json);
  if (options.patientsCsv !== undefined) await writeFileAtomic(options.patientsCsv, patientsCsv(result));
  if (options.nonmem !== undefined) await writeNonmem(result, options.nonmem, io);
  io.out(options.json === true ? json : formatTrialTable(result));
}

async function runTrialCommand(
  file: string,
  options: TrialCliOptions,
  context: CommandContext,
): Promise<void> {
  const { io } = context;
  const trial = parseTrialText(await readInputFile(file));
  if (options.patientsCsv !== undefined && !trial.output.patients) {
    throw invalidInput('--patients-csv needs output.patients: true in the trial document');
  }
  if (options.nonmem !== undefined) {
    (await import('../../exchange/nonmem/index.js')).checkNonmemExportable(trial);
  }
  enforceScreening(trial, options.research === true, io);
  const choice = await chooseEngine(options, io);
  const bar = progressBar(io);
  let plan: TrialPlan | undefined;
  const started = performance.now();
  let result: TrialResult;
  try {
    result = await runTrial(trial, choice.engine, {
      onPlan: (p) => {
        plan = p;
        bar.start(p);
      },
      onProgress: (p) => bar.update(p.done),
    });
  } finally {
    bar.stop();
    await choice.close();
  }
  io.err(rateLine(result, plan, (performance.now() - started) / 1000, choice.label));
  await writeOutputs(result, options, io);
}

/** Adds the `trial` command. */
export function registerTrial(program: Command, context: CommandContext): void {
  program
    .command('trial')
    .description('run a virtual trial (endotwin/trial/v1): per-arm endpoints with 95% CIs and differences')
    .argument('<file>', 'trial file, YAML or JSON (endotwin/trial/v1)')
    .option('--out <file>', 'write the JSON result (endotwin/trial-result/v1) to this file')
    .option('--workers <n>', 'worker threads (default: the number of cores)')
    .option('--queue <url>', 'run the shards on a BullMQ queue at this Redis URL (start `endotwin worker`s)')
    .option('--json', 'print the JSON result on stdout instead of the table')
    .option('--patients-csv <file>', "write every patient's covariates and endpoints (needs output.patients)")
    .option(
      '--nonmem <file>',
      'write a NONMEM-style dataset (CSV) and its dictionary (<file>.dictionary.json); needs output.patients',
    )
    .option('--research', 'run even when an arm is contraindicated for the population')
    .action((file: string, options: TrialCliOptions) => runTrialCommand(file, options, context));
}
