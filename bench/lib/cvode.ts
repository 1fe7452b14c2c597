// SPDX-License-Identifier: MIT
/**
 * The SUNDIALS CVODE peer: builds `bench/peers/cvode-harness.c` around a model emitted by `emitC`, runs it on the
 * same events and grid as ours and reads back its timings, counters and samples.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { TimedEvent } from '../../src/engine/types.js';
import type { SampledSeries } from './accuracy.js';
import type { RepetitionRule } from './timing.js';

/** Folder of generated files and binaries (gitignored). */
export const BENCH_OUT_DIR = fileURLToPath(new URL('../out/', import.meta.url));
/** The C harness source. */
export const HARNESS_SOURCE = fileURLToPath(new URL('../peers/cvode-harness.c', import.meta.url));
/** Debian package that provides CVODE's headers and libraries. */
export const SUNDIALS_PACKAGE = 'libsundials-dev';

const LIBRARIES = [
  '-lsundials_cvode',
  '-lsundials_nvecserial',
  '-lsundials_sunlinsoldense',
  '-lsundials_sunmatrixdense',
  '-lsundials_sunnonlinsolfixedpoint',
  '-lm',
];

/** The CVODE configurations the benchmarks compare against. */
export type CvodePeer = 'cvode-adams' | 'cvode-bdf';

/** CVODE method for each peer name (see the harness header for the nonlinear and linear solvers used). */
export const PEER_METHOD: Readonly<Record<CvodePeer, 'ADAMS' | 'BDF'>> = {
  'cvode-adams': 'ADAMS',
  'cvode-bdf': 'BDF',
};

/** What one harness run should do. */
export interface CvodeRunSpec {
  readonly t0: number;
  readonly t1: number;
  /** Sample interval (minutes). */
  readonly dt: number;
  readonly rtol: number;
  readonly atol: number;
  /** Absolute tolerances of single states, by index, overriding `atol` for them (CVodeSVtolerances). */
  readonly atolStates?: ReadonlyMap<number, number>;
  readonly peer: CvodePeer;
  readonly repetitions: RepetitionRule;
  /** Whether a sample that falls exactly on an event time sees the state after the event (as integrate() does). */
  readonly sampleAfterEvent: boolean;
  /** Parameter values overriding the model defaults, by index. */
  readonly parameters?: ReadonlyMap<number, number>;
  /** Initial state values overriding the model's, by index. */
  readonly initialState?: ReadonlyMap<number, number>;
  /** Initial input values overriding the model's, by index. */
  readonly initialInputs?: ReadonlyMap<number, number>;
}

/** What the harness reports (times in milliseconds, counters summed over the restarts of one run). */
export interface CvodeRunResult {
  readonly medianMs: number;
  /** Median CPU time of the harness process over the same runs. */
  readonly cpuMedianMs: number;
  readonly timesMs: readonly number[];
  readonly steps: number;
  /** Right-hand-side evaluations by the integrator plus those of the difference-quotient Jacobian. */
  readonly rhsEvals: number;
  readonly jacobianEvals: number;
  readonly restarts: number;
  readonly samples: number;
  /** Sum of every sampled output. */
  readonly checksum: number;
  /** The samples of the last timed run, when asked for. */
  readonly series?: SampledSeries;
}

/** The harness's JSON line, as printed by main() in cvode-harness.c. */
interface HarnessReport {
  readonly times_ms: number[];
  readonly ms: number;
  readonly cpu_ms: number;
  readonly steps: number;
  readonly rhs_evals: number;
  readonly rhs_evals_jac: number;
  readonly jac_evals: number;
  readonly restarts: number;
  readonly samples: number;
  readonly checksum: number;
}

/** Whether the peer can be built here; `reason` says why not. */
export type PeerAvailability = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/** Checks for gcc and for CVODE's headers and libraries by compiling and linking a two-line program. */
export function checkCvodeToolchain(): PeerAvailability {
  mkdirSync(BENCH_OUT_DIR, { recursive: true });
  // One probe per process, so that a test and a bench running at once do not overwrite each other's files.
  const probe = join(BENCH_OUT_DIR, `probe-cvode-${process.pid}`);
  writeFileSync(
    `${probe}.c`,
    '#include <cvode/cvode.h>\n#include <sunlinsol/sunlinsol_dense.h>\n' +
      'int main(void) { SUNContext c; return SUNContext_Create(NULL, &c) != 0; }\n',
  );
  try {
    execFileSync('gcc', ['-std=c99', `${probe}.c`, '-o', probe, ...LIBRARIES], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: describeBuildFailure(err) };
  } finally {
    rmSync(`${probe}.c`, { force: true });
    rmSync(probe, { force: true });
  }
}

function describeBuildFailure(err: unknown): string {
  const e = err as { code?: string; stderr?: Buffer };
  if (e.code === 'ENOENT')
    return `gcc is not installed (Debian packages gcc and ${SUNDIALS_PACKAGE} are needed)`;
  const firstLine =
    e.stderr
      ?.toString()
      .split('\n')
      .find((l) => l.trim() !== '') ?? String(err);
  return `cannot compile against SUNDIALS CVODE (install the Debian package ${SUNDIALS_PACKAGE}): ${firstLine}`;
}

/**
 * Compiles the harness around `modelC` (a file emitted by `emitC`) with gcc -O2 into bench/out/, reusing a
 * binary built from the same sources. Returns the binary's path. Throws with gcc's message on failure.
 */
export function buildHarness(modelC: string, name: string): string {
  const harness = readFileSync(HARNESS_SOURCE, 'utf8');
  const hash = createHash('sha256').update(harness).update('\0').update(modelC).digest('hex').slice(0, 12);
  const dir = join(BENCH_OUT_DIR, name);
  mkdirSync(dir, { recursive: true });
  const modelPath = join(dir, `model-${hash}.c`);
  const binary = join(dir, `cvode-${hash}`);
  if (existsSync(binary)) return binary;
  writeFileSync(modelPath, modelC);
  try {
    execFileSync(
      'gcc',
      ['-O2', '-std=c99', `-DMODEL_FILE="${modelPath}"`, HARNESS_SOURCE, '-o', binary, ...LIBRARIES],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString() ?? String(err);
    throw new Error(`building the CVODE harness for ${name} failed:\n${stderr}`);
  }
  return binary;
}

/** The run spec in the harness's `key value` format. Numbers are written so that strtod reads them back exactly. */
export function formatSpec(spec: CvodeRunSpec): string {
  const r = spec.repetitions;
  const lines = [
    `t0 ${spec.t0}`,
    `t1 ${spec.t1}`,
    `dt ${spec.dt}`,
    `rtol ${spec.rtol}`,
    `atol ${spec.atol}`,
    `method ${PEER_METHOD[spec.peer]}`,
    `nls ${spec.peer === 'cvode-adams' ? 'FIXEDPOINT' : 'NEWTON'}`,
    `warmup ${r.warmup}`,
    `min_reps ${r.minReps}`,
    `min_seconds ${r.minSeconds}`,
    `max_reps ${r.maxReps}`,
    `sample_at_event ${spec.sampleAfterEvent ? 'AFTER' : 'BEFORE'}`,
  ];
  for (const [i, v] of spec.atolStates ?? []) lines.push(`atol_state ${i} ${v}`);
  for (const [i, v] of spec.parameters ?? []) lines.push(`param ${i} ${v}`);
  for (const [i, v] of spec.initialState ?? []) lines.push(`state ${i} ${v}`);
  for (const [i, v] of spec.initialInputs ?? []) lines.push(`input ${i} ${v}`);
  return lines.join('\n') + '\n';
}

/** Events in the harness's text format: `t target index op value`, one per line. */
export function formatEvents(events: readonly TimedEvent[]): string {
  const op = { set: 0, add: 1, mul: 2 } as const;
  return events
    .map((e) => `${e.t} ${e.target === 'state' ? 0 : 1} ${e.index} ${op[e.op]} ${e.value}\n`)
    .join('');
}

/**
 * Runs a built harness. With `nOutputs` given, also reads back the samples of the last timed run. Files go to the
 * binary's folder; `tag` keeps concurrent runs of one case apart.
 */
export function runHarness(
  binary: string,
  spec: CvodeRunSpec,
  events: readonly TimedEvent[],
  tag: string,
  nOutputs?: number,
): CvodeRunResult {
  const dir = join(binary, '..');
  const specPath = join(dir, `${tag}.spec`);
  const eventsPath = join(dir, `${tag}.events`);
  const samplesPath = join(dir, `${tag}.samples`);
  writeFileSync(specPath, formatSpec(spec));
  writeFileSync(eventsPath, formatEvents(events));
  const args = nOutputs === undefined ? [specPath, eventsPath] : [specPath, eventsPath, samplesPath];
  const stdout = execFileSync(binary, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const report = JSON.parse(stdout) as HarnessReport;
  const result: CvodeRunResult = {
    medianMs: report.ms,
    cpuMedianMs: report.cpu_ms,
    timesMs: report.times_ms,
    steps: report.steps,
    rhsEvals: report.rhs_evals + report.rhs_evals_jac,
    jacobianEvals: report.jac_evals,
    restarts: report.restarts,
    samples: report.samples,
    checksum: report.checksum,
  };
  return nOutputs === undefined ? result : { ...result, series: readSamples(samplesPath, nOutputs) };
}

/** Reads the harness's binary samples: rows of `t, out[0..nOutputs-1]` as little-endian doubles. */
export function readSamples(path: string, nOutputs: number): SampledSeries {
  const bytes = readFileSync(path);
  const all = new Float64Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const width = 1 + nOutputs;
  if (all.length % width !== 0) {
    throw new RangeError(`${path}: ${all.length} doubles is not a whole number of rows of ${width}`);
  }
  const rows = all.length / width;
  const times = new Float64Array(rows);
  const values = new Float64Array(rows * nOutputs);
  for (let i = 0; i < rows; i++) {
    times[i] = all[i * width]!;
    values.set(all.subarray(i * width + 1, (i + 1) * width), i * nOutputs);
  }
  return { nOutputs, times, values };
}
