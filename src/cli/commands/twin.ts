// SPDX-License-Identifier: MIT
/**
 * `endotwin twin fit --scenario S.yaml --labs labs.csv|bundle.json [--day0 DATE] [--json]` and
 * `endotwin twin predict --scenario S.yaml --labs … [--future F.yaml | --future-days N [--future-regimen TEXT]]
 * [--draws N] [--seed N] [--out F] [--format json|csv]`: a real patient's twin, fitted to their labs (CSV or a FHIR R4 Bundle), and its prediction of a chosen course with
 * a 90 % prediction interval. Research and education software, not a clinical tool.
 */
import { progressLine, progressWanted } from '../progress.js';
import type { ProgressLine } from '../progress.js';
import { writeCsv } from '../../scenario/index.js';
import type { Command } from 'commander';
import { labsFromFhirBundle } from '../../analysis/fhir.js';
import { LabImportError, parseLabsCsv } from '../../analysis/labs-import.js';
import type { LabValue } from '../../analysis/labs-import.js';
import { Regimen, parseScenario } from '../../protocol/index.js';
import { MAX_DURATION_DAYS, ScenarioError } from '../../scenario/index.js';
import type { Scenario } from '../../scenario/index.js';
import type * as TwinModule from '../../twin/index.js';
import type { TwinFit, TwinLabValue, TwinPrediction } from '../../twin/index.js';
import type { CommandContext } from '../context.js';
import { invalidInput } from '../errors.js';
import { readInputFile, writeFileAtomic } from '../io.js';
import { parseChoiceOption, parseNumberOption } from '../options.js';
import { loadScenarioFile } from '../scenario-file.js';

const NOT_CLINICAL =
  'Research and education software: not a clinical tool; do not base treatment decisions on it.\n';

interface FitCliOptions {
  scenario: string;
  labs: string;
  day0?: string;
  json?: boolean;
  progress?: boolean;
}

interface PredictCliOptions extends FitCliOptions {
  future?: string;
  futureDays?: string;
  futureRegimen?: string;
  draws?: string;
  seed?: string;
  out?: string;
  format?: string;
}

/** The twin module, loaded when a twin command runs (it needs the model; other commands do not). */
async function loadTwin(): Promise<typeof TwinModule> {
  return import('../../twin/index.js');
}

/** Lab values of a CSV file or a FHIR R4 Bundle (JSON: the text starts with `{`). Exit 2 on any problem. */
export function readLabs(file: string, text: string): LabValue[] {
  try {
    if (!text.trimStart().startsWith('{')) return parseLabsCsv(text);
    let bundle: unknown;
    try {
      bundle = JSON.parse(text);
    } catch (error) {
      throw invalidInput(
        `${file}: not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return labsFromFhirBundle(bundle);
  } catch (error) {
    if (error instanceof LabImportError) throw invalidInput(`${file}: ${error.message}`);
    throw error;
  }
}

/** Reads the history scenario and the labs, on scenario days. */
async function readFitInput(
  options: FitCliOptions,
): Promise<{ scenario: Scenario; labs: TwinLabValue[]; twin: typeof TwinModule }> {
  const { scenario } = await loadScenarioFile(options.scenario);
  const values = readLabs(options.labs, await readInputFile(options.labs));
  if (values.length === 0) throw invalidInput(`${options.labs}: no lab values`);
  const twin = await loadTwin();
  return { scenario, labs: twin.observationsFromLabs(values, options.day0), twin };
}

function signed(x: number, digits: number): string {
  return `${x >= 0 ? '+' : ''}${x.toFixed(digits)}`;
}

/** The fit for people: parameters with intervals, residual SDs, each lab with its fitted value, notes. */
export function formatTwinFit(fit: TwinFit): string {
  const days = fit.residuals.map((r) => r.day);
  const lines = [
    `twin of "${fit.scenario.name}": ${fit.residuals.length} labs over days ${Math.min(...days)}–${Math.max(...days)}; ` +
      `${fit.converged ? 'converged' : 'NOT converged'} in ${fit.iterations} iterations (${fit.simulations} simulations)`,
    '',
    `${'parameter'.padEnd(26)}${'population'.padStart(12)}${'estimate'.padStart(12)}   95 % interval          SE (log)`,
    ...fit.parameters.map(
      (p) =>
        `${p.name.padEnd(26)}${p.population.toPrecision(4).padStart(12)}${p.estimate.toPrecision(4).padStart(12)}   ` +
        `${`${p.ci95[0].toPrecision(3)} – ${p.ci95[1].toPrecision(3)}`.padEnd(23)}${p.log_se.toFixed(3)}`,
    ),
    '',
    `residual SD (log scale, per draw): ${Object.entries(fit.residual_sd_log)
      .map(([lab, sd]) => `${lab} ${sd.toFixed(3)}`)
      .join(', ')} (assumed SDs × √${fit.variance_factor.toFixed(2)})`,
    '',
    `${'day'.padStart(4)}  ${'lab'.padEnd(20)}${'observed'.padStart(10)}${'fitted'.padStart(10)}  log residual`,
    ...fit.residuals.map(
      (r) =>
        `${String(r.day).padStart(4)}  ${r.lab.padEnd(20)}${r.observed.toPrecision(4).padStart(10)}` +
        `${r.fitted.toPrecision(4).padStart(10)}  ${signed(r.log_residual, 3)}`,
    ),
    ...fit.ignored.map((l) => `ignored: ${l.lab} on day ${l.day} (${l.value}): ${l.reason}`),
    ...fit.notes.map((n) => `note: ${n}`),
  ];
  return `${lines.join('\n')}\n\n${NOT_CLINICAL}`;
}

/** The prediction's daily table as CSV (`day`, then `<field>_median`, `_p05`, `_p95` per field). */
export function predictionCsv(prediction: TwinPrediction): string {
  const columns = prediction.daily.length > 0 ? Object.keys(prediction.daily[0]) : ['day'];
  return writeCsv(
    columns,
    prediction.daily.map((row) => columns.map((c) => row[c])),
  );
}

/** The fit, with a progress line counting its simulations. */
function fitWithProgress(
  twin: typeof TwinModule,
  input: Parameters<typeof TwinModule.fitTwin>[0],
  progress: ProgressLine,
): TwinFit {
  const fit = twin.fitTwin({
    ...input,
    onSimulation: (n) => progress.update(`fitting the twin: simulation ${n}`),
  });
  progress.finish();
  return fit;
}

async function runFit(options: FitCliOptions, context: CommandContext): Promise<void> {
  const { scenario, labs, twin } = await readFitInput(options);
  const progress = progressLine(context.io, progressWanted(context.io, options.progress));
  const fit = fitWithProgress(twin, { scenario, labs }, progress);
  context.io.out(options.json === true ? `${JSON.stringify(fit)}\n` : formatTwinFit(fit));
}

/** `--future-regimen`: the text form, its days counted from the history's end; `none` stops treatment. */
function nextRegimen(text: string, history: Scenario, days: number): Regimen {
  if (text.trim() === 'none') return Regimen.empty();
  try {
    return Regimen.fromScenario(
      parseScenario({ name: history.name, patient: history.patient, duration_days: days, regimen: [text] }),
    );
  } catch (error) {
    if (error instanceof ScenarioError) {
      throw invalidInput(`--future-regimen: ${error.issues.map((i) => i.message).join('; ')}`);
    }
    throw error;
  }
}

/**
 * The course to predict: the `--future` file, or the history continued by `--future-days` (default
 * {@link TwinModule.DEFAULT_FUTURE_DAYS}) with its regimen carried on or `--future-regimen` after it, as the API's
 * `future` and `future_days`/`regimen`.
 */
async function futureCourse(
  options: PredictCliOptions,
  history: Scenario,
  twin: typeof TwinModule,
): Promise<Scenario> {
  if (options.future !== undefined) {
    if (options.futureDays !== undefined || options.futureRegimen !== undefined) {
      throw invalidInput('give either --future or --future-days/--future-regimen, not both');
    }
    return (await loadScenarioFile(options.future)).scenario;
  }
  const days = parseNumberOption('--future-days', options.futureDays ?? String(twin.DEFAULT_FUTURE_DAYS), {
    min: 1,
    max: twin.MAX_FUTURE_DAYS,
    unit: 'days',
  });
  if (!Number.isInteger(days)) throw invalidInput(`--future-days must be a whole number, got ${days}`);
  if (history.duration_days + days > MAX_DURATION_DAYS) {
    throw invalidInput(
      `history (${history.duration_days} d) plus --future-days (${days} d) must be at most ${MAX_DURATION_DAYS} days`,
    );
  }
  const next =
    options.futureRegimen === undefined ? undefined : nextRegimen(options.futureRegimen, history, days);
  return twin.continuedHistory(history, days, next);
}

async function runPredict(options: PredictCliOptions, context: CommandContext): Promise<void> {
  const format = parseChoiceOption('--format', options.format ?? 'json', ['json', 'csv'] as const);
  const draws = parseNumberOption('--draws', options.draws ?? '50', { min: 1, max: 2000 });
  const seed = parseNumberOption('--seed', options.seed ?? '1', { min: 0, max: 4294967295 });
  if (!Number.isInteger(draws) || !Number.isInteger(seed)) {
    throw invalidInput(
      `--draws and --seed must be whole numbers, got ${options.draws ?? 50} and ${options.seed ?? 1}`,
    );
  }
  const { scenario, labs, twin } = await readFitInput(options);
  const future = await futureCourse(options, scenario, twin);
  const progress = progressLine(context.io, progressWanted(context.io, options.progress));
  const fit = fitWithProgress(twin, { scenario, labs }, progress);
  const prediction = twin.predictTwin(fit, future, {
    draws,
    seed,
    onDraw: (done, total) => progress.update(`predicting: draw ${done} of ${total}`),
  });
  progress.finish();
  const text = format === 'csv' ? predictionCsv(prediction) : `${JSON.stringify({ fit, prediction })}\n`;
  if (options.out === undefined) context.io.out(text);
  else await writeFileAtomic(options.out, text);
  if (options.out !== undefined || format === 'csv') context.io.err(formatTwinFit(fit));
}

/** Adds `twin fit` and `twin predict`. */
export function registerTwin(program: Command, context: CommandContext): void {
  const twin = program
    .command('twin')
    .description(
      "a real patient's twin: fit to their follow-up labs, then predict a chosen course (not a clinical tool)",
    );
  const common = (command: Command): Command =>
    command
      .requiredOption(
        '--scenario <file>',
        "the patient's treated history so far: patient and regimen taken, from day 0",
      )
      .requiredOption(
        '--labs <file>',
        'lab values: CSV (date,lab,value,unit) or a FHIR R4 Bundle of Observations (JSON)',
      )
      .option('--day0 <date>', 'calendar date of day 0 of the history (default: the date of the first lab)')
      .option('--progress', 'show progress on stderr even when it is not a terminal');
  common(twin.command('fit'))
    .description(
      'fit the IGF-1 production scale and the drug response to the labs; prints estimates with 95 % intervals',
    )
    .option('--json', 'print the fit as JSON')
    .action((options: FitCliOptions) => runFit(options, context));
  common(twin.command('predict'))
    .description(
      'fit, then predict the course after the history for the same patient: daily medians and 90 % prediction intervals',
    )
    .option(
      '--future <file>',
      'the course to predict, from day 0 (history then the chosen regimen), same patient and seed',
    )
    .option(
      '--future-days <n>',
      'instead of --future: predict this many days after the history (default 90), its regimen carried on',
    )
    .option(
      '--future-regimen <text>',
      "with --future-days: the regimen of those days in the text form, days counted from the history's end; none: no treatment",
    )
    .option('--draws <n>', 'parameter draws, one simulation each', '50')
    .option('--seed <n>', 'seed of the draws', '1')
    .option('--format <format>', 'json: { fit, prediction }; csv: the daily prediction table', 'json')
    .option('--out <file>', 'write the output to this file (atomically) instead of stdout')
    .action((options: PredictCliOptions) => runPredict(options, context));
}
