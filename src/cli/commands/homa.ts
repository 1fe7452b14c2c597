// SPDX-License-Identifier: MIT
/** `endotwin homa --glucose G --insulin I [--units mg_dl|mmol_l] [--json]`: fasting insulin-resistance indices. */
import type { Command } from 'commander';
import { fastingIndices, glucoseMmolLToMgDl } from '../../analysis/index.js';
import type { FastingIndices } from '../../analysis/index.js';
import type { CommandContext } from '../context.js';
import { formatNumber } from '../format.js';
import { parseChoiceOption, parseNumberOption } from '../options.js';

const GLUCOSE_UNITS = ['mg_dl', 'mmol_l'] as const;

interface HomaCliOptions {
  glucose?: string;
  insulin?: string;
  units?: string;
  json?: boolean;
}

/** Reads --glucose in its unit and returns mg/dL. */
function glucoseMgDl(options: HomaCliOptions): number {
  const units = parseChoiceOption('--units', options.units ?? 'mg_dl', GLUCOSE_UNITS);
  return units === 'mg_dl'
    ? parseNumberOption('--glucose', options.glucose, { min: 20, max: 600, unit: 'mg/dL' })
    : glucoseMmolLToMgDl(
        parseNumberOption('--glucose', options.glucose, { min: 1.1, max: 33.3, unit: 'mmol/L' }),
      );
}

function formatIndices(r: FastingIndices): string {
  return (
    `fasting glucose ${formatNumber(r.glucose_mg_dl, 1)} mg/dL (${formatNumber(r.glucose_mmol_l, 2)} mmol/L), ` +
    `insulin ${formatNumber(r.insulin_uU_ml, 1)} µU/mL\n` +
    `HOMA1-IR  ${formatNumber(r.homa1_ir, 2)}\n` +
    `HOMA1-%B  ${r.homa1_b_pct === null ? 'n/a (glucose ≤ 3.5 mmol/L)' : `${formatNumber(r.homa1_b_pct, 1)} %`}\n` +
    `QUICKI    ${formatNumber(r.quicki, 3)}\n` +
    'HOMA2     not implemented (Levy 1998 computer model)\n'
  );
}

function runHoma(options: HomaCliOptions, context: CommandContext): void {
  const glucose = glucoseMgDl(options);
  const insulin = parseNumberOption('--insulin', options.insulin, { min: 0.1, max: 1000, unit: 'µU/mL' });
  const indices = fastingIndices(glucose, insulin);
  context.io.out(options.json === true ? `${JSON.stringify(indices, null, 2)}\n` : formatIndices(indices));
}

/** Adds the `homa` command. */
export function registerHoma(program: Command, context: CommandContext): void {
  program
    .command('homa')
    .description('HOMA1-IR, HOMA1-%B and QUICKI from fasting glucose and insulin (HOMA2 is not implemented)')
    .requiredOption('--glucose <value>', 'fasting glucose, in --units')
    .requiredOption('--insulin <uU_ml>', 'fasting insulin, µU/mL')
    .option('--units <units>', 'glucose units: mg_dl or mmol_l', 'mg_dl')
    .option('--json', 'print the indices as JSON')
    .action((options: HomaCliOptions) => runHoma(options, context));
}
