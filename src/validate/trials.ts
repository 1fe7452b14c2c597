// SPDX-License-Identifier: MIT
/**
 * Published trials as virtual trials: the trial documents under `validation/trials/` are run (on a worker-thread
 * pool) and reported in the "Virtual trials" section of the validation report, each arm's endpoints with their
 * 95 % CIs next to the published figures. The case runner (`run.ts`) is not involved: a trial is a population,
 * not one typical patient, and it is judged by whether the published figure falls in its estimate, not by a
 * single number.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { agreement, endpointUnit, formatValue } from '../cohort/format.js';
import type { Agreement } from '../cohort/format.js';
import { parseTrialText } from '../cohort/parse.js';
import { runTrial } from '../cohort/run.js';
import type { TrialEngine, TrialProgress } from '../cohort/run.js';
import type { TrialResult } from '../cohort/analyse.js';
import type { PublishedFigure, Trial } from '../cohort/schema.js';
import { ScenarioError } from '../scenario/parse.js';
import { VALIDATION_DIR } from './run.js';

/** Where the trial documents live. */
export const TRIALS_DIR = join(VALIDATION_DIR, 'trials');

/** A trial document as loaded from its file. */
export interface ValidationTrial {
  readonly file: string;
  readonly trial: Trial;
}

/** The outcome of one validation trial: its result, or why it could not be run. */
export interface TrialOutcome {
  readonly file: string;
  readonly trial: Trial;
  readonly result: TrialResult | null;
  readonly error?: string;
  readonly seconds: number;
}

/**
 * Reads and checks every `*.yaml` trial in a folder, sorted by file name.
 * @throws ScenarioError naming the file and the field path of the first invalid document.
 */
export function loadValidationTrials(dir: string = TRIALS_DIR): ValidationTrial[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((file) => {
      try {
        return { file, trial: parseTrialText(readFileSync(join(dir, file), 'utf8')) };
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error;
        throw new ScenarioError(error.issues.map((i) => ({ ...i, path: `${file}: ${i.path}` })));
      }
    });
}

/**
 * Runs each trial on `engine`, one after the other; a trial that fails is reported with its reason, not thrown.
 * `onProgress` receives the file name with each progress report.
 */
export async function runValidationTrials(
  trials: readonly ValidationTrial[],
  engine: TrialEngine,
  onProgress?: (file: string, progress: TrialProgress) => void,
): Promise<TrialOutcome[]> {
  const outcomes: TrialOutcome[] = [];
  for (const { file, trial } of trials) {
    const started = performance.now();
    try {
      const result = await runTrial(trial, engine, { onProgress: (p) => onProgress?.(file, p) });
      outcomes.push({ file, trial, result, seconds: (performance.now() - started) / 1000 });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      outcomes.push({
        file,
        trial,
        result: null,
        error: message,
        seconds: (performance.now() - started) / 1000,
      });
    }
  }
  return outcomes;
}

function estimateCell(estimate: { mean: number | null; ci95: readonly [number, number] | null }, n: number) {
  if (estimate.mean === null) return 'not modelled yet';
  const ci = estimate.ci95 ? ` (${formatValue(estimate.ci95[0])} to ${formatValue(estimate.ci95[1])})` : '';
  return `${formatValue(estimate.mean)}${ci}, n ${n}`;
}

function verdictCell(verdict: Agreement): string {
  return verdict === 'outside' ? '**outside**' : verdict;
}

function figureRow(result: TrialResult, figure: PublishedFigure): string {
  const arm = result.arms.find((a) => a.name === figure.arm);
  const unit = endpointUnit(figure.endpoint);
  const label = figure.compare === 'arm' ? figure.arm : `${figure.arm} − ${result.arms[0].name}`;
  const estimate =
    figure.compare === 'arm'
      ? arm?.endpoints[figure.endpoint]
      : (arm?.difference?.[figure.endpoint] ?? undefined);
  const modelled = estimate !== undefined && !result.not_modelled.includes(figure.endpoint);
  const simulated = modelled ? estimateCell(estimate, estimate.n) : 'not modelled yet';
  const range = figure.range ? `${formatValue(figure.range[0])} to ${formatValue(figure.range[1])}` : '—';
  const verdict = modelled ? agreement(estimate, figure) : 'not modelled yet';
  return (
    `| ${figure.endpoint} (${unit}) | ${label} | ${simulated} | ${figure.text} | ${range} | ` +
    `${figure.provenance} | ${verdictCell(verdict)} |`
  );
}

function trialSection(outcome: TrialOutcome): string[] {
  const t = outcome.trial;
  const lines = [`### ${t.name}`, ''];
  if (t.source) lines.push(`Source: ${t.source}.`, '');
  if (t.published) lines.push(`Published design: ${t.published.design}`, '');
  if (outcome.result === null) {
    lines.push(`**Could not be run**: ${outcome.error ?? 'unknown error'}.`, '');
    return lines;
  }
  const r = outcome.result;
  const perArm = r.arms.map((a) => `${a.name} ${a.patients}`).join(', ');
  lines.push(
    `Virtual trial (\`validation/trials/${outcome.file}\`): ${t.design}, ${perArm} patients, ${t.duration_days} ` +
      `days, seed ${t.seed}; screened ${r.screening.screened} candidates for ${r.screening.enrolled} places.`,
    '',
    '| endpoint | arm | simulated mean (95 % CI) | published | published range | provenance | verdict |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...(t.published?.figures ?? []).map((f) => figureRow(r, f)),
    '',
  );
  if (r.not_modelled.length > 0) lines.push(`Not modelled yet: ${r.not_modelled.join(', ')}.`, '');
  if (r.failures.length > 0)
    lines.push(`${r.failures.length} simulation(s) failed and count as missing.`, '');
  if (t.published?.notes) lines.push(`Notes: ${t.published.notes.trim()}`, '');
  return lines;
}

/**
 * The "Virtual trials" section of the validation report (Markdown): per trial, each published figure next to the
 * simulated mean and 95 % CI of the same arm (or the same difference from the first arm), with a verdict:
 * `within` (the mean lies in the published range), `CI overlaps`, `outside`, `no range` (the figure cannot be put
 * on the endpoint's scale) or `not modelled yet`.
 */
export function renderTrialsSection(outcomes: readonly TrialOutcome[]): string {
  const lines = [
    '## Virtual trials',
    '',
    'Published trials re-run as virtual trials (`endotwin trial validation/trials/<file>`): a sampled population, ',
    'the same patients in every arm unless the design is parallel, per-arm means with t-based 95 % CIs. The CIs ',
    'describe the virtual sample (usually larger than the paper’s), not the paper’s uncertainty. Verdict: ',
    '**within**, the simulated mean lies in the published range; **CI overlaps**, only its CI does; **no range**, ',
    'the figure cannot be put on the endpoint’s scale; **not modelled yet**, the model cannot produce the endpoint.',
    '',
    ...outcomes.flatMap(trialSection),
  ];
  return `${lines.join('\n').replace(/ \n/g, '\n')}\n`;
}
