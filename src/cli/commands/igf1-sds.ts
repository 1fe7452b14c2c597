// SPDX-License-Identifier: MIT
/** `endotwin igf1-sds --age Y --sex S --igf1 NG_ML [--json]`: IGF-1 SDS and percentile for age and sex. */
import type { Command } from 'commander';
import { igf1Sds } from '../../analysis/index.js';
import type { CommandContext } from '../context.js';
import { formatNumber, formatSds } from '../format.js';
import { parseChoiceOption, parseNumberOption } from '../options.js';

interface Igf1CliOptions {
  age?: string;
  sex?: string;
  igf1?: string;
  json?: boolean;
}

function runIgf1Sds(options: Igf1CliOptions, context: CommandContext): void {
  const age = parseNumberOption('--age', options.age, { min: 18, max: 100 });
  const sex = parseChoiceOption('--sex', options.sex, ['male', 'female'] as const);
  const igf1 = parseNumberOption('--igf1', options.igf1, { min: 1, max: 3000, unit: 'ng/mL' });
  const r = igf1Sds(age, sex, igf1);
  if (options.json === true) {
    const json = {
      age_years: age,
      sex,
      igf1_ng_ml: igf1,
      sds: r.sds,
      percentile: r.percentile,
      lower: r.lower,
      upper: r.upper,
      median: r.median,
      reference_age_years: r.referenceAgeYears,
    };
    context.io.out(`${JSON.stringify(json, null, 2)}\n`);
    return;
  }
  const clamped =
    r.referenceAgeYears === age
      ? ''
      : ` (reference read at ${r.referenceAgeYears} y: the table covers 20–75)`;
  context.io.out(
    `IGF-1 ${igf1} ng/mL, ${sex}, ${age} years${clamped}\n` +
      `SDS ${formatSds(r.sds)} (percentile ${formatNumber(r.percentile, 1)})\n` +
      `reference 2.5th–97.5th ${formatNumber(r.lower, 0)}–${formatNumber(r.upper, 0)} ng/mL, median ${formatNumber(r.median, 0)} ng/mL\n` +
      'the reference interval is assay-specific\n',
  );
}

/** Adds the `igf1-sds` command. */
export function registerIgf1Sds(program: Command, context: CommandContext): void {
  program
    .command('igf1-sds')
    .description('IGF-1 SDS and percentile for age and sex (reference ages 20–75, assay-specific)')
    .requiredOption('--age <years>', 'age in years, 18 to 100')
    .requiredOption('--sex <sex>', 'male or female')
    .requiredOption('--igf1 <ng_ml>', 'total IGF-1, ng/mL')
    .option('--json', 'print the result as JSON')
    .action((options: Igf1CliOptions) => runIgf1Sds(options, context));
}
