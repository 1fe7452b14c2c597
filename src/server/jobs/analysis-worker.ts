// SPDX-License-Identifier: MIT
/** The worker-thread side of pulse detection (loaded by piscina): deconvolution is CPU-heavy, seconds for long series. */
import { detectPulses } from '../../analysis/pulses/detect.js';
import type { PulseAnalysis, PulseDetectionOptions } from '../../analysis/pulses/detect.js';
import type { HormoneSeries } from '../../analysis/pulses/series.js';

/** A pulse-detection task: a series already checked with `validateSeries`, and the detection options. */
export interface PulseTask {
  series: HormoneSeries;
  options: PulseDetectionOptions;
}

/** Runs pulse detection on one series. */
export default function runPulseDetection(task: PulseTask): PulseAnalysis {
  return detectPulses(task.series, task.options);
}
