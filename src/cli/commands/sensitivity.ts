// SPDX-License-Identifier: MIT
/**
 * `endotwin sensitivity FILE --outputs A,B (--params X,Y | --all) [--method local|morris|sobol] [--json]
 * [--workers N] [--step H] [--spread S] [--trajectories R] [--samples N] [--seed N]`: how the scenario's outputs
 * respond to its parameters, every simulation on a pool of worker threads.
 */
import { availableParallelism } from 'node:os';
import type { Command } from 'commander';
import type { SensitivityEntry, SensitivityReport, SensitivityRequest } from '../../estimate/index.js';
import type { CommandContext } from '../context.js';
import { invalidInput } from '../errors.js';
import { formatNumber } from '../format.js';
import { parseChoiceOption, parseNumberOption } from '../options.js';
import { loadScenarioFile } from '../scenario-file.js';

const METHODS = ['local', 'morris', 'sobol'] as const;

interface SensitivityCliOptions {
  method?: string;
  outputs?: string;
  params?: string;
  all?: boolean;
  json?: boolean;
  workers?: string;
  step?: string;
  spread?: string;
  trajectories?: string;
  samples?: string;
  seed?: string;
}

const list = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** The entries as JSON (NaN, where an output is zero or not given, as null). */
function entriesJson(entries: readonly SensitivityEntry[]): string {
  const clean = entries.map((e) =>
    Object.fromEntries(
      Object.entries(e).map(([k, v]) => [k, typeof v === 'number' && !Number.isFinite(v) ? null : v]),
    ),
  );
  return `${JSON.stringify(clean, null, 2)}\n`;
}

/** One block per output, parameters by decreasing |value|. */
function entriesText(report: SensitivityReport): string {
  const width = Math.max(...report.parameters.map((p) => p.name.length));
  const blocks = report.outputs.map((output, o) => {
    const rows = report.entries
      .filter((e) => e.output === output)
      .sort((a, b) => Math.abs(b.value) - Math.abs(a.value) || a.parameter.localeCompare(b.parameter));
    const measure = rows[0]?.measure ?? '';
    const lines = rows.map((e) => {
      const extra =
        e.sigma === undefined
          ? e.first_order === undefined
            ? ''
            : `  first ${formatNumber(e.first_order, 3)}`
          : `  σ ${formatNumber(e.sigma, 3)}`;
      return `  ${e.parameter.padEnd(width)}  ${formatNumber(e.value, 4)}${extra}`;
    });
    return `${output} (at the parameters' values ${formatNumber(report.base[o], 4)}; ${measure})\n${lines.join('\n')}`;
  });
  return `${report.method}: ${report.runs} simulations\n${blocks.join('\n\n')}\n`;
}

function request(file: string, options: SensitivityCliOptions): Omit<SensitivityRequest, 'scenario'> {
  const method = parseChoiceOption('--method', options.method ?? 'local', METHODS);
  const outputs = list(options.outputs);
  if (outputs.length === 0) throw invalidInput('--outputs must name at least one output (e.g. igf1_ng_ml)');
  const params = list(options.params);
  if (params.length > 0 === (options.all === true)) {
    throw invalidInput(`${file}: give either --params NAME,… or --all`);
  }
  const number = (name: string, raw: string | undefined, min: number, max: number) =>
    raw === undefined ? undefined : parseNumberOption(name, raw, { min, max });
  const step = number('--step', options.step, 1e-6, 0.5);
  const spread = number('--spread', options.spread, 1e-3, 10);
  const trajectories = number('--trajectories', options.trajectories, 1, 1000);
  const samples = number('--samples', options.samples, 2, 100000);
  const seed = number('--seed', options.seed, 0, 4294967295);
  return {
    method,
    outputs,
    params: options.all === true ? 'all' : params,
    ...(step === undefined ? {} : { step }),
    ...(spread === undefined ? {} : { spread }),
    ...(trajectories === undefined ? {} : { trajectories: Math.round(trajectories) }),
    ...(samples === undefined ? {} : { samples: Math.round(samples) }),
    ...(seed === undefined ? {} : { seed: Math.round(seed) }),
  };
}

async function runSensitivity(
  file: string,
  options: SensitivityCliOptions,
  context: CommandContext,
): Promise<void> {
  const req = request(file, options);
  const workers = Math.round(
    parseNumberOption('--workers', options.workers ?? String(availableParallelism()), { min: 0, max: 256 }),
  );
  const { scenario } = await loadScenarioFile(file);
  const estimate = await import('../../estimate/index.js');
  for (const output of req.outputs) {
    try {
      estimate.parseOutputSpec(output, scenario.duration_days);
    } catch (error) {
      if (error instanceof estimate.OutputSpecError) throw invalidInput(`--outputs: ${error.message}`);
      throw error;
    }
  }
  const pool = estimate.createRunPool(workers);
  const progress = context.io.errIsTty
    ? (done: number, total: number) => context.io.err(`\rsensitivity: ${done}/${total} simulations`)
    : undefined;
  try {
    const report = await estimate.computeSensitivity({ ...req, scenario }, pool, progress);
    if (progress) context.io.err('\n');
    context.io.out(options.json === true ? entriesJson(report.entries) : entriesText(report));
  } finally {
    await pool.close();
  }
}

/** Adds the `sensitivity` command. */
export function registerSensitivity(program: Command, context: CommandContext): void {
  program
    .command('sensitivity')
    .description(
      'sensitivities of outputs (endpoints, daily fields as FIELD, FIELD@DAY or FIELD@FROM-TO) to named ' +
        'parameters: local elasticities, Morris μ* or Sobol indices',
    )
    .argument('<file>', 'scenario (YAML or JSON)')
    .requiredOption('--outputs <names>', 'comma-separated outputs, e.g. igf1_ng_ml,igf1_change_pct')
    .option('--params <names>', 'comma-separated parameter names (endotwin model params lists them)')
    .option('--all', 'every parameter that may vary in this scenario')
    .option('--method <method>', 'local, morris or sobol', 'local')
    .option('--json', 'print an array of { output, parameter, value, measure, … }')
    .option('--workers <n>', 'worker threads (0: in this thread; default: the number of cores)')
    .option('--step <h>', 'local: relative step of the central differences (default 0.01)')
    .option('--spread <s>', 'morris, sobol: each parameter within [p/(1+s), p·(1+s)] (default 0.2)')
    .option('--trajectories <r>', 'morris: trajectories (default 10)')
    .option('--samples <n>', 'sobol: base samples N, N·(k+2) simulations (default 64)')
    .option('--seed <n>', 'morris, sobol: seed of the sampling (default 1)')
    .action((file: string, options: SensitivityCliOptions) => runSensitivity(file, options, context));
}
