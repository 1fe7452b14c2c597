// SPDX-License-Identifier: MIT
/**
 * What a calibration writes: the parameter file the model loads (`src/physiology/calibrated-values.generated.ts`)
 * and the Markdown report (`validation/CALIBRATION.md`) with the objective before and after, each parameter's
 * prior and posterior, the strong correlations and the directions the data do not identify.
 */
import { symmetricEigen } from '../estimate/numeric.js';
import type { CalibrationFile } from '../physiology/calibration-file.js';
import type { CalibrationProblem } from './calibration-problem.js';
import type { CalibrationResult } from './calibration.js';
import { targetResidual } from './calibration-targets.js';

/** Correlations at least this large (in absolute value) are listed. */
const STRONG_CORRELATION = 0.9;
/**
 * A direction is not identified when the data add less than this to the prior's information along it (an
 * eigenvalue of τ·JᵀJ·τ below 0.1: the posterior SD there is above 95 % of the prior SD).
 */
const IDENTIFIED_INFORMATION = 0.1;

const Z95 = 1.959964;

/** Significant digits kept in the parameter file: far below the posterior SDs, stable across platforms. */
const DIGITS = 8;

const round = (x: number): number => Number(x.toPrecision(DIGITS));

/** The parameter file's record of a finished calibration. */
export function calibrationFile(problem: CalibrationProblem, result: CalibrationResult): CalibrationFile {
  const names = problem.parameters.map((q) => q.name);
  const theta = result.after.theta;
  return {
    version: 1,
    problem_sha256: problem.sha256,
    cases_sha256: problem.cases_sha256,
    values: Object.fromEntries(names.map((name, j) => [name, round(Math.exp(theta[j]))])),
    posterior: {
      names,
      mean_log: theta.map(round),
      covariance_log: result.covariance.map((row) => row.map(round)),
    },
  };
}

/** The text of the generated module holding a calibration record. */
export function calibrationModuleSource(file: CalibrationFile): string {
  return [
    '// SPDX-License-Identifier: MIT',
    '// Written by `endotwin calibrate` from validation/calibration.yaml; do not edit by hand (validation/CALIBRATION.md).',
    "import type { CalibrationFile } from './calibration-file.js';",
    '',
    `export const CALIBRATION: CalibrationFile = ${JSON.stringify(file, null, 2)};`,
    '',
  ].join('\n');
}

const fmt = (x: number): string => {
  const abs = Math.abs(x);
  return abs !== 0 && (abs < 0.001 || abs >= 1e5) ? x.toExponential(3) : x.toPrecision(4);
};

/** What the report says about the run itself (times are measured, so they differ between runs). */
export interface RunFacts {
  readonly command: string;
  readonly workers: number;
  readonly seconds: number;
}

function parameterTable(problem: CalibrationProblem, result: CalibrationResult): string[] {
  return [
    '| parameter | unit | evidence | source value (prior median) | prior SD (ln) | bounds | posterior (MAP) | posterior SD (ln) | 95 % interval | SD ratio |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...problem.parameters.map((q, j) => {
      const t = result.after.theta[j];
      const sd = Math.sqrt(result.covariance[j][j]);
      return (
        `| \`${q.name}\` | ${q.unit} | ${q.evidence} | ${fmt(q.source_value)} | ${fmt(q.prior_sd_log)} | ` +
        `${fmt(q.bounds[0])}–${fmt(q.bounds[1])} | ${fmt(Math.exp(t))} | ${fmt(sd)} | ` +
        `${fmt(Math.exp(t - Z95 * sd))}–${fmt(Math.exp(t + Z95 * sd))} | ${fmt(sd / q.prior_sd_log)} |`
      );
    }),
  ];
}

function caseTable(problem: CalibrationProblem, result: CalibrationResult): string[] {
  return [
    '| case | study | weight | published centre ± σ (σ from) | before | after | residual before → after | s per run |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...problem.targets.map((t, k) => {
      const before = result.before.values[k];
      const after = result.after.values[k];
      const seconds = result.caseSeconds[t.case.id];
      return (
        `| \`${t.case.id}\` | ${t.study} | ${fmt(t.weight)} | ${fmt(t.centre)} ± ${fmt(t.sigma)} ` +
        `${t.case.expected.unit} (${t.spread}) | ${fmt(before)} | ${fmt(after)} | ` +
        `${fmt(targetResidual(t, before))} → ${fmt(targetResidual(t, after))} | ` +
        `${seconds === undefined ? '—' : seconds.toFixed(1)} |`
      );
    }),
  ];
}

function correlations(problem: CalibrationProblem, result: CalibrationResult): string[] {
  const c = result.covariance;
  const lines: string[] = [];
  for (let i = 0; i < c.length; i++) {
    for (let j = i + 1; j < c.length; j++) {
      const r = c[i][j] / Math.sqrt(c[i][i] * c[j][j]);
      if (Math.abs(r) >= STRONG_CORRELATION)
        lines.push(`- \`${problem.parameters[i].name}\` and \`${problem.parameters[j].name}\`: ${fmt(r)}`);
    }
  }
  return lines.length > 0
    ? lines
    : ['None: no pair of posterior correlations reaches 0.9 in absolute value.'];
}

function identifiability(problem: CalibrationProblem, result: CalibrationResult): string[] {
  const tau = problem.parameters.map((q) => q.prior_sd_log);
  const p = tau.length;
  const info = Array.from({ length: p }, (_, a) =>
    Array.from(
      { length: p },
      (_, b) => result.jacobian.reduce((s, row) => s + row[a] * row[b], 0) * tau[a] * tau[b],
    ),
  );
  const { values, vectors } = symmetricEigen(info);
  const lines = [
    'Eigenvalues of τ·JᵀJ·τ (J the Jacobian of the weighted case residuals in ln p at the optimum, τ the prior',
    'SDs): the information the cases add to the prior along each direction, in units of the prior’s own',
    `information. Below ${IDENTIFIED_INFORMATION} the cases barely move the posterior from the prior there.`,
    '',
    '| eigenvalue | direction (largest components, ln p scaled by τ) | identified |',
    '| --- | --- | --- |',
  ];
  values.forEach((value, k) => {
    const components = vectors[k]
      .map((x, j) => ({ x, name: problem.parameters[j].name }))
      .filter((e) => Math.abs(e.x) >= 0.3)
      .sort((a, b) => Math.abs(b.x) - Math.abs(a.x))
      .map((e) => `${e.x >= 0 ? '+' : '−'}${fmt(Math.abs(e.x))}·${e.name}`)
      .join(' ');
    lines.push(`| ${fmt(value)} | ${components} | ${value < IDENTIFIED_INFORMATION ? '**no**' : 'yes'} |`);
  });
  return lines;
}

/** The Markdown report of a finished calibration. */
export function renderCalibrationReport(
  problem: CalibrationProblem,
  result: CalibrationResult,
  facts: RunFacts,
): string {
  const notes = problem.notes === undefined ? [] : [problem.notes.trim()];
  const { before, after } = result;
  const total = (x: { data: number; prior: number }) => fmt(x.data + x.prior);
  const studies = new Set(problem.targets.map((t) => t.study)).size;
  return [
    '# Population calibration',
    '',
    `Written by \`${facts.command}\` from \`validation/calibration.yaml\` (SHA-256 ${problem.sha256.slice(0, 16)}…);`,
    'the fitted values are in `src/physiology/calibrated-values.generated.ts`, which the model loads. Method:',
    '`docs/estimation.md` ("Population calibration"). Do not edit by hand: re-run the command.',
    '',
    `${problem.parameters.length} free parameters, ${problem.targets.length} cases from ${studies} studies. ` +
      `${result.iterations} Levenberg–Marquardt iterations, ${result.converged ? 'converged' : '**not converged** (the best point found is used)'}; ` +
      `${result.simulations} case simulations in ${(facts.seconds / 60).toFixed(1)} min on ${facts.workers} worker threads` +
      `${result.resumedAfter === undefined ? '' : ` (resumed after iteration ${result.resumedAfter}; the count is this process's)`}.`,
    '',
    '## Objective',
    '',
    '| | cases Σ r² | prior Σ r² | total |',
    '| --- | --- | --- | --- |',
    `| before (source values) | ${fmt(before.data)} | ${fmt(before.prior)} | ${total(before)} |`,
    `| after (MAP) | ${fmt(after.data)} | ${fmt(after.prior)} | ${total(after)} |`,
    '',
    '## Parameters',
    '',
    'Prior: ln p ~ N(ln p₀, τ²) with p₀ the source value. Posterior: the MAP with its Laplace SD on the natural-log',
    'scale (≈ relative SD); SD ratio = posterior SD / prior SD (1: the cases say nothing about it).',
    '',
    ...parameterTable(problem, result),
    '',
    '## Cases',
    '',
    'Residual = weight·(simulated − centre)/σ; each study weighs once (weight 1/√k for k cases). Seconds per run:',
    'the mean over the first Jacobian’s runs on this machine (as many at a time as there are worker threads).',
    '',
    ...caseTable(problem, result),
    '',
    '## Correlations above 0.9',
    '',
    ...correlations(problem, result),
    '',
    '## What the cases do not identify',
    '',
    ...identifiability(problem, result),
    '',
    ...(notes.length > 0 ? ['## Notes', '', ...notes, ''] : []),
  ].join('\n');
}
