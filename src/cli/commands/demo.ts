// SPDX-License-Identifier: MIT
/** `endotwin demo [DIR]`: simulates every example scenario and prints a short readable summary of each. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { Regimen } from '../../protocol/index.js';
import type { DailyRow, Result, Scenario, Screening } from '../../scenario/index.js';
import type { CommandContext } from '../context.js';
import { CliError, ExitCode, describeError } from '../errors.js';
import { formatNumber, formatSds } from '../format.js';
import { loadScenarioFile } from '../scenario-file.js';
import { loadSimulate } from '../simulate-loader.js';
import type { SimulateFunction } from '../simulate-loader.js';

/** `examples/` of the package: three folders up from both src/cli/commands and dist/cli/commands. */
const DEFAULT_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

const DISCLAIMER =
  'endotwin is research and education software, not a medical device. These are simulations of virtual patients; ' +
  'nothing here is medical or dosing advice.';

function describePatient(s: Scenario): string {
  const p = s.patient;
  const bmi = p.weight_kg / (p.height_cm / 100) ** 2;
  const conditions = p.conditions.length > 0 ? `; ${p.conditions.join(', ')}` : '';
  return `${p.sex}, ${p.age_years} y, ${p.weight_kg} kg, ${p.height_cm} cm (BMI ${bmi.toFixed(1)})${conditions}`;
}

function describeRegimen(s: Scenario): string {
  return s.regimen.length === 0 ? 'none (untreated)' : Regimen.fromScenario(s).toString();
}

function igf1Line(row: DailyRow): string {
  return `${formatNumber(row.igf1_ng_ml, 0)} ng/mL (SDS ${formatSds(row.igf1_sds)})`;
}

function outcomeLines(result: Result): string[] {
  const first = result.daily[0];
  const last = result.daily[result.daily.length - 1];
  if (first === undefined || last === undefined) return ['result     no daily rows'];
  return [
    `IGF-1      day ${first.day}: ${igf1Line(first)} → day ${last.day}: ${igf1Line(last)}`,
    `mean GH    day ${first.day}: ${formatNumber(first.gh_mean_ug_l, 2)} µg/L → day ${last.day}: ${formatNumber(last.gh_mean_ug_l, 2)} µg/L`,
  ];
}

function screeningLine(screening: Screening): string {
  const codes = screening.findings.filter((f) => f.severity !== 'info').map((f) => f.code);
  return `screening  ${screening.status}${codes.length > 0 ? ` (${codes.join(', ')})` : ''}`;
}

/** Summarises one example; returns false when it failed. */
async function demoOne(
  path: string,
  file: string,
  simulate: SimulateFunction,
  context: CommandContext,
): Promise<boolean> {
  const lines: string[] = [];
  let ok = true;
  try {
    const prepared = await loadScenarioFile(path);
    const { scenario, screening } = prepared;
    lines.push(
      `── ${file}: ${scenario.name}`,
      `patient    ${describePatient(scenario)}`,
      `regimen    ${describeRegimen(scenario)}`,
    );
    if (screening.status === 'contraindicated') {
      lines.push(
        screeningLine(screening),
        'not simulated: contraindicated (endotwin simulate --research runs it)',
      );
    } else {
      const start = performance.now();
      const result = simulate(prepared);
      const seconds = (performance.now() - start) / 1000;
      lines.push(
        ...outcomeLines(result),
        screeningLine(result.screening),
        `run time   ${seconds.toFixed(2)} s for ${scenario.duration_days} days`,
      );
    }
  } catch (error) {
    if (lines.length === 0) lines.push(`── ${file}`);
    lines.push(`failed: ${describeError(error).message}`);
    ok = false;
  }
  context.io.out(`${lines.join('\n')}\n\n`);
  return ok;
}

async function exampleFiles(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((f) => /\.(ya?ml|json)$/.test(f)).sort();
  } catch {
    throw new CliError(`cannot read the examples folder ${dir}`, ExitCode.INVALID_INPUT);
  }
}

async function runDemo(dir: string | undefined, context: CommandContext): Promise<void> {
  const folder = dir ?? DEFAULT_DIR;
  const files = await exampleFiles(folder);
  context.io.out(`${DISCLAIMER}\n\n`);
  const simulate = await loadSimulate();
  let failures = 0;
  for (const file of files) {
    if (!(await demoOne(join(folder, file), file, simulate, context))) failures++;
  }
  if (failures > 0) context.setExitCode(ExitCode.FAILURE);
}

/** Adds the `demo` command (what `npm start` runs). */
export function registerDemo(program: Command, context: CommandContext): void {
  program
    .command('demo')
    .description('simulate every example scenario and print a short summary of each')
    .argument('[dir]', 'folder of scenario files (default: the examples/ of the package)')
    .action((dir: string | undefined) => runDemo(dir, context));
}
