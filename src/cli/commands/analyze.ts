// SPDX-License-Identifier: MIT
/**
 * `endotwin analyze pulses FILE.csv [--json] [--interval-min N] [--cv X] [--sd-floor Y]`: secretory-burst detection
 * by deconvolution on a real or simulated series (CSV `time_min,value` with a header).
 */
import type { Command } from 'commander';
import { SeriesInputError, detectPulses, parseSeriesCsv } from '../../analysis/pulses/index.js';
import type { PulseAnalysis, PulseDetectionOptions } from '../../analysis/pulses/index.js';
import type { CommandContext } from '../context.js';
import { invalidInput } from '../errors.js';
import { formatNumber } from '../format.js';
import { readInputFile } from '../io.js';
import { parseNumberOption } from '../options.js';

interface PulsesCliOptions {
  json?: boolean;
  intervalMin?: string;
  cv?: string;
  sdFloor?: string;
}

/** The JSON of SCENARIO.md (`pulses`, `basal`, `half_life_min`) plus the fit's other estimates. */
export function pulsesJson(analysis: PulseAnalysis): Record<string, unknown> {
  return {
    pulses: analysis.pulses.map((p) => ({
      t_min: p.tMin,
      mass: p.mass,
      amplitude: p.amplitude,
      t_min_se: p.tMinSe,
      mass_se: p.massSe,
    })),
    basal: analysis.basalSecretion,
    half_life_min: analysis.slowHalfLifeMin,
    half_life_se_min: analysis.slowHalfLifeSe,
    fast_half_life_min: analysis.fastHalfLifeMin,
    fast_fraction: analysis.fastFraction,
    burst_fwhm_min: analysis.burstFwhmMin,
    basal_concentration: analysis.basalConcentration,
    residual_sd: analysis.residualSd,
    noise_scale: analysis.noiseScale,
    sampling_interval_min: analysis.samplingIntervalMin,
  };
}

/** A table for people: the fit's summary, then one line per burst. */
export function formatPulses(file: string, samples: number, analysis: PulseAnalysis): string {
  const a = analysis;
  const header =
    `${file}: ${samples} samples, nominal interval ${formatNumber(a.samplingIntervalMin, 1)} min\n` +
    `${a.pulses.length} secretory burst${a.pulses.length === 1 ? '' : 's'} ` +
    '(mass in the series unit; amplitude = peak secretion rate, unit/min)\n' +
    `basal secretion  ${a.basalSecretion.toPrecision(3)} /min (holds ${a.basalConcentration.toPrecision(3)})\n` +
    `slow half-life   ${formatNumber(a.slowHalfLifeMin, 1)} ± ${formatNumber(a.slowHalfLifeSe, 1)} min ` +
    `(fast ${a.fastHalfLifeMin} min, ${Math.round(100 * a.fastFraction)} % of the kernel, held fixed)\n` +
    `burst FWHM       ${formatNumber(a.burstFwhmMin, 1)} ± ${formatNumber(a.burstFwhmSe, 1)} min\n` +
    `residual SD      ${a.residualSd.toPrecision(3)} (weighted RMS ${formatNumber(a.noiseScale, 2)})\n`;
  if (a.pulses.length === 0) return header;
  const rows = a.pulses.map(
    (p, i) =>
      `${String(i + 1).padStart(3)}  ${formatNumber(p.tMin, 1).padStart(8)} ± ${formatNumber(p.tMinSe, 1).padEnd(5)}` +
      `${p.mass.toPrecision(3).padStart(9)} ± ${p.massSe.toPrecision(2).padEnd(8)}${p.amplitude.toPrecision(3).padStart(10)}`,
  );
  return `${header}\n  #     t (min)            mass ± SE        amplitude\n${rows.join('\n')}\n`;
}

function detectionOptions(options: PulsesCliOptions): PulseDetectionOptions {
  const noise: { cv?: number; sdFloor?: number } = {};
  if (options.cv !== undefined) noise.cv = parseNumberOption('--cv', options.cv, { min: 0, max: 0.99 });
  if (options.sdFloor !== undefined) {
    noise.sdFloor = parseNumberOption('--sd-floor', options.sdFloor, { min: 0, max: 1e9 });
  }
  if (noise.cv === 0 && noise.sdFloor === 0) throw invalidInput('--cv and --sd-floor cannot both be 0');
  const result: { noise: typeof noise; samplingIntervalMin?: number } = { noise };
  if (options.intervalMin !== undefined) {
    result.samplingIntervalMin = parseNumberOption('--interval-min', options.intervalMin, {
      min: 0.1,
      max: 1440,
      unit: 'min',
    });
  }
  return result;
}

async function runPulses(file: string, options: PulsesCliOptions, context: CommandContext): Promise<void> {
  const detection = detectionOptions(options);
  const text = await readInputFile(file);
  let analysis: PulseAnalysis;
  let samples: number;
  try {
    const series = parseSeriesCsv(text);
    samples = series.t_min.length;
    analysis = detectPulses(series, detection);
  } catch (error) {
    if (error instanceof SeriesInputError) throw invalidInput(`${file}: ${error.message}`);
    throw error;
  }
  context.io.out(
    options.json === true
      ? `${JSON.stringify(pulsesJson(analysis), null, 2)}\n`
      : formatPulses(file, samples, analysis),
  );
}

/** Adds `analyze` and its `pulses` subcommand. */
export function registerAnalyze(program: Command, context: CommandContext): void {
  const analyze = program.command('analyze').description('analyses of a real or simulated series');
  analyze
    .command('pulses')
    .description(
      'GH secretory bursts by deconvolution (basal + Gaussian bursts, biexponential elimination) of a CSV ' +
        "'time_min,value' series; prints times, masses, amplitudes, basal secretion and half-life",
    )
    .argument('<file>', "CSV file with a header 'time_min,value'")
    .option('--json', 'print { pulses: [{ t_min, mass, amplitude }], basal, half_life_min, … } as JSON')
    .option('--interval-min <minutes>', 'nominal sampling interval, min (default: the median spacing)')
    .option('--cv <fraction>', 'assay coefficient of variation (default 0.07)')
    .option('--sd-floor <value>', 'assay SD floor in the series unit (default 0.02, for GH in µg/L)')
    .action((file: string, options: PulsesCliOptions) => runPulses(file, options, context));
}
