// SPDX-License-Identifier: MIT
/** `endotwin model params [--format table|csv|json]`: every model parameter and patient coefficient. */
import type { Command } from 'commander';
import type { ParamRow } from '../../estimate/index.js';
import type { CommandContext } from '../context.js';
import { parseChoiceOption } from '../options.js';

const FORMATS = ['table', 'csv', 'json'] as const;
const COLUMNS = ['name', 'value', 'unit', 'source', 'evidence', 'role'] as const;

interface ParamsCliOptions {
  format?: string;
}

/** One CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break. */
function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV with a header line (`\r\n` line ends). */
export function parameterCsv(rows: readonly ParamRow[]): string {
  const lines = [COLUMNS.join(','), ...rows.map((row) => COLUMNS.map((c) => csvCell(row[c])).join(','))];
  return `${lines.join('\r\n')}\r\n`;
}

/** An aligned plain-text table without the sources (they are long; csv and json carry them). */
function parameterText(rows: readonly ParamRow[]): string {
  const width = Math.max(...rows.map((r) => r.name.length));
  const lines = rows.map(
    (r) =>
      `${r.name.padEnd(width)}  ${String(r.value).padEnd(12)} ${r.unit.padEnd(14)} ${r.evidence.padEnd(8)} ${r.role}`,
  );
  return `${lines.join('\n')}\n`;
}

async function runParams(options: ParamsCliOptions, context: CommandContext): Promise<void> {
  const format = parseChoiceOption('--format', options.format ?? 'table', FORMATS);
  const { parameterTable } = await import('../../estimate/index.js');
  const rows = parameterTable();
  if (format === 'json') context.io.out(`${JSON.stringify(rows, null, 2)}\n`);
  else context.io.out(format === 'csv' ? parameterCsv(rows) : parameterText(rows));
}

/** Adds the `model` command group (`model params`). */
export function registerModel(program: Command, context: CommandContext): void {
  const model = program.command('model').description('the model itself: its parameters');
  model
    .command('params')
    .description(
      'every model parameter and patient coefficient: name, value, unit, source, evidence and role ' +
        '(fixed, calibrated, set_by_run, patient)',
    )
    .option('--format <format>', 'table, csv or json', 'table')
    .action((options: ParamsCliOptions) => runParams(options, context));
}
