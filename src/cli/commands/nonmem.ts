// SPDX-License-Identifier: MIT
/**
 * `endotwin nonmem regimen FILE.csv [--id N] [--json]`: a patient's dosing history from a NONMEM-style dataset
 * (its EVID = 1 rows) as scenario regimen lines, printed as a YAML `regimen:` block (or JSON) to paste into a
 * scenario.
 */
import type { Command } from 'commander';
import { stringify } from 'yaml';
import type { CommandContext } from '../context.js';
import { invalidInput } from '../errors.js';
import { readInputFile } from '../io.js';
import { parseNumberOption } from '../options.js';

interface NonmemRegimenOptions {
  id?: string;
  json?: boolean;
}

async function runNonmemRegimen(
  file: string,
  options: NonmemRegimenOptions,
  context: CommandContext,
): Promise<void> {
  let id: number | undefined;
  if (options.id !== undefined) {
    id = parseNumberOption('--id', options.id, { min: 0, max: Number.MAX_SAFE_INTEGER });
    if (!Number.isInteger(id)) throw invalidInput(`--id must be a whole number, got ${options.id}`);
  }
  const text = await readInputFile(file);
  const { dosingFromNonmem } = await import('../../exchange/nonmem/index.js');
  const history = dosingFromNonmem(text, id === undefined ? {} : { id });
  const document = { regimen: history.regimen };
  context.io.out(options.json === true ? `${JSON.stringify(document, null, 2)}\n` : stringify(document));
  context.io.err(
    `ID ${history.id}: ${history.doses.length} doses as ${history.regimen.length} regimen line(s)\n`,
  );
}

/** Adds the `nonmem` command and its `regimen` subcommand. */
export function registerNonmem(program: Command, context: CommandContext): void {
  const command = program.command('nonmem').description('read NONMEM-style datasets');
  command
    .command('regimen')
    .description('a patient’s dosing history (EVID=1 rows) as scenario regimen lines')
    .argument('<file>', 'NONMEM-style CSV (ID, TIME in h, EVID, AMT in mcg, CMT as in the dictionary, RATE)')
    .option('--id <n>', 'the subject (ID) to read; needed when the file has several')
    .option('--json', 'print JSON instead of YAML')
    .action((file: string, options: NonmemRegimenOptions) => runNonmemRegimen(file, options, context));
}
