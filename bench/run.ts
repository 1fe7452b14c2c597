// SPDX-License-Identifier: MIT
/**
 * `npm run bench`: benchmarks by stage (compile, then solve each case) against SUNDIALS CVODE running the C
 * right-hand side that `emitC` generates for the same model. Prints a table, or with `--json` only a JSON array of
 * rows on stdout; progress goes to stderr. See bench/README.md for what is measured and how errors are computed.
 *
 * Options: `--json`, `--case <substring>` (repeatable; runs only matching cases), `--quick` (3 timed runs, no
 * 1-second minimum: for trying things out, not for reporting).
 */
import { compileModel } from '../src/engine/compile.js';
import { emitC } from '../src/engine/emit-c.js';
import type { IntegrateResult } from '../src/engine/integrate.js';
import { BENCH_CASES } from './cases/index.js';
import { ENGINE_GOALS } from './engine-goals.js';
import type { BenchCase, BenchStage, Tolerances } from './cases/types.js';
import { scaledMaxError, type SampledSeries } from './lib/accuracy.js';
import {
  buildHarness,
  checkCvodeToolchain,
  runHarness,
  type CvodePeer,
  type CvodeRunResult,
} from './lib/cvode.js';
import { prepareProblem, runOurs, scaleTolerances, sinkFor, type PreparedProblem } from './lib/ours.js';
import { formatCount, formatTable, type BenchRow, type RowDetails } from './lib/report.js';
import { DEFAULT_REPETITIONS, measure, type RepetitionRule } from './lib/timing.js';

interface CliOptions {
  readonly json: boolean;
  readonly quick: boolean;
  readonly caseFilters: readonly string[];
}

/** Rows and their human-only details, kept in step. */
interface Results {
  readonly rows: BenchRow[];
  readonly details: RowDetails[];
  readonly notes: string[];
  /** Median CPU time (ms) of each stage row, by row name, for the stages' time goals. */
  readonly stageCpuMs: Map<string, number>;
}

type PeerState = { readonly available: true } | { readonly available: false; readonly reason: string };

const QUICK_REPETITIONS: RepetitionRule = { warmup: 1, minReps: 3, minSeconds: 0, maxReps: 3 };
/** One untimed-for-reporting run, used to measure an error while searching for matched tolerances. */
const SINGLE_RUN: RepetitionRule = { warmup: 0, minReps: 1, minSeconds: 0, maxReps: 1 };
const TOLERANCE_STEP = Math.sqrt(10);
/** Most tolerance steps tried in each direction when matching a peer's accuracy to ours. */
const MAX_TOLERANCE_STEPS = 6;

const log = (message: string): void => {
  process.stderr.write(`bench: ${message}\n`);
};

function parseCli(argv: readonly string[]): CliOptions {
  const caseFilters: string[] = [];
  let json = false;
  let quick = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') json = true;
    else if (arg === '--quick') quick = true;
    else if (arg === '--case' && i + 1 < argv.length) caseFilters.push(argv[++i]);
    else
      throw new Error(`unknown argument ${JSON.stringify(arg)}: expected --json, --quick or --case <name>`);
  }
  return { json, quick, caseFilters };
}

/** Whether CVODE can be built; under CI=true a missing toolchain is an error, elsewhere only a note. */
function preparePeer(): PeerState {
  const toolchain = checkCvodeToolchain();
  if (toolchain.ok) return { available: true };
  if (process.env['CI'] === 'true') {
    // The reason names the Debian package to install (libsundials-dev, and gcc when it is missing).
    throw new Error(`the CVODE peer is required under CI=true: ${toolchain.reason}`);
  }
  log(`CVODE peer unavailable, peer fields will be null: ${toolchain.reason}`);
  return { available: false, reason: toolchain.reason };
}

/** Overrides of the model's defaults, by index, for the C harness (which starts from the emitted defaults). */
function overrides(values: Float64Array, defaults: Float64Array): Map<number, number> {
  const changed = new Map<number, number>();
  values.forEach((v, i) => {
    if (v !== defaults[i]) changed.set(i, v);
  });
  return changed;
}

/** `1e-6`, `3.2e-7`: two significant digits, no trailing `.0`. */
const fmtNum = (x: number): string => x.toExponential(1).replace('.0e', 'e');
const fmtTol = (t: Tolerances): string => {
  const own = Object.entries(t.atolStates ?? {}).map(([name, v]) => `${name} ${fmtNum(v)}`);
  return `rtol=${fmtNum(t.rtol)} atol=${fmtNum(t.atol)}${own.length > 0 ? ` (${own.join(', ')})` : ''}`;
};

/** Per-state absolute tolerances by state index, for the C harness. */
function atolStatesByIndex(problem: PreparedProblem, t: Tolerances): Map<number, number> {
  return new Map(Object.entries(t.atolStates ?? {}).map(([name, v]) => [problem.model.stateIndex(name), v]));
}

/** A row with no peer: our median time only. */
function pushUnpeeredRow(results: Results, name: string, label: string, medianMs: number): void {
  results.rows.push({
    case: name,
    ours_ms: medianMs,
    peer: null,
    peer_ms: null,
    ratio: null,
    error_ours: null,
    error_peer: null,
  });
  results.details.push({ ours: label, peerSetting: '', steps: '', cpuRatio: null });
}

/** Stage 1: compileModel of each case's model (no peer). */
function benchCompile(cases: readonly BenchCase[], rule: RepetitionRule, results: Results): void {
  for (const c of cases) {
    const timing = measure(() => void compileModel(c.model), rule);
    log(
      `compile ${c.model.name}: median ${timing.medianMs.toFixed(3)} ms over ${timing.timesMs.length} runs`,
    );
    pushUnpeeredRow(results, `compile:${c.name}`, 'compileModel', timing.medianMs);
  }
}

/** Stage 1b: the engine's own speed goals (no peer), judged on median CPU time. */
function benchEngineGoals(rule: RepetitionRule, results: Results): string[] {
  return ENGINE_GOALS.map((goal) => {
    const timing = measure(goal.prepare(), rule);
    const name = `goal:${goal.name}`;
    log(`${name}: median ${timing.medianMs.toFixed(2)} ms (cpu ${timing.cpuMedianMs.toFixed(2)} ms)`);
    pushUnpeeredRow(results, name, goal.label, timing.medianMs);
    const met = timing.cpuMedianMs <= goal.goalCpuMs;
    return (
      `${goal.name}: goal (${goal.label} ≤ ${goal.goalCpuMs} ms) ${met ? 'MET' : 'NOT MET'}: median CPU ` +
      `${timing.cpuMedianMs.toFixed(1)} ms (wall ${timing.medianMs.toFixed(1)} ms)`
    );
  });
}

/** Everything about one case that the peer rows share. */
interface CaseContext {
  readonly c: BenchCase;
  readonly problem: PreparedProblem;
  readonly reference: SampledSeries;
  readonly rule: RepetitionRule;
}

/** Our run of a case: its median time, error and counters. */
interface OursMeasurement {
  readonly medianMs: number;
  readonly cpuMedianMs: number;
  readonly error: number;
  readonly result: IntegrateResult;
}

function computeReference(c: BenchCase, problem: PreparedProblem): SampledSeries {
  const sink = sinkFor(problem);
  const start = performance.now();
  runOurs(problem, c.reference.solver, c.reference, sink);
  log(
    `${c.name}: reference ${c.reference.solver} ${fmtTol(c.reference)} in ${(performance.now() - start).toFixed(0)} ms`,
  );
  return sink.series();
}

function measureOurs(ctx: CaseContext): OursMeasurement {
  const { c, problem } = ctx;
  const sink = sinkFor(problem);
  let result: IntegrateResult | undefined;
  const timing = measure(() => {
    result = runOurs(problem, c.ours.solver, c.ours, sink);
  }, ctx.rule);
  const error = scaledMaxError(sink.series(), ctx.reference);
  const stats = result!.stats;
  log(
    `${c.name}: ours ${c.ours.solver} ${fmtTol(c.ours)}: median ${timing.medianMs.toFixed(1)} ms ` +
      `(${timing.timesMs.length} runs), error ${error.toExponential(2)}, ${stats.steps} steps, ` +
      `${stats.rhsEvals} rhs evals`,
  );
  return { medianMs: timing.medianMs, cpuMedianMs: timing.cpuMedianMs, error, result: result! };
}

/** Runs the C harness for one peer at the given tolerances and measures its error against the reference. */
function runPeer(
  ctx: CaseContext,
  binary: string,
  peer: CvodePeer,
  tolerances: Tolerances,
  rule: RepetitionRule,
): { run: CvodeRunResult; error: number } {
  const { problem } = ctx;
  const run = runHarness(
    binary,
    {
      t0: problem.t0,
      t1: problem.t1,
      dt: problem.dt,
      rtol: tolerances.rtol,
      atol: tolerances.atol,
      atolStates: atolStatesByIndex(problem, tolerances),
      peer,
      repetitions: rule,
      sampleAfterEvent: true,
      parameters: overrides(problem.p, problem.model.defaultParameters()),
      initialState: overrides(problem.y0, problem.model.initialState()),
      initialInputs: overrides(problem.u0, problem.model.defaultInputs()),
    },
    problem.events,
    peer,
    problem.model.outputNames.length,
  );
  return { run, error: scaledMaxError(run.series!, ctx.reference) };
}

/**
 * Equal accuracy: walks the peer's tolerances (rtol and atol together) by factors of √10 from ours, towards the
 * error of ours, until the error crosses ours; returns the tried tolerance whose error is closest to ours in log.
 */
function matchPeerTolerances(
  ctx: CaseContext,
  binary: string,
  peer: CvodePeer,
  targetError: number,
): Tolerances {
  const tried: { tol: Tolerances; error: number }[] = [];
  const tryFactor = (f: number): number => {
    const tol = scaleTolerances(ctx.c.ours, f);
    const { error } = runPeer(ctx, binary, peer, tol, SINGLE_RUN);
    tried.push({ tol, error });
    log(
      `${ctx.c.name}: ${peer} ${fmtTol(tol)}: error ${error.toExponential(2)} (target ${targetError.toExponential(2)})`,
    );
    return error;
  };
  const first = tryFactor(1);
  const tighten = first > targetError;
  let f = 1;
  for (let k = 0; k < MAX_TOLERANCE_STEPS; k++) {
    f = tighten ? f / TOLERANCE_STEP : f * TOLERANCE_STEP;
    if (ctx.c.ours.rtol * f > 1e-2) break;
    const e = tryFactor(f);
    if (tighten ? e <= targetError : e > targetError) break;
  }
  const distance = (e: number): number =>
    Math.abs(Math.log(Math.max(e, 1e-300) / Math.max(targetError, 1e-300)));
  return tried.reduce((best, x) => (distance(x.error) < distance(best.error) ? x : best)).tol;
}

/** A sanity check of the reference: the first peer at the reference's tolerance should agree with it closely. */
function checkReference(ctx: CaseContext, binary: string, peer: CvodePeer, results: Results): void {
  const { error } = runPeer(ctx, binary, peer, ctx.c.reference, SINGLE_RUN);
  const note = `${ctx.c.name}: ${peer} at the reference tolerance (${fmtTol(ctx.c.reference)}) differs from the reference by ${error.toExponential(2)}`;
  log(note);
  results.notes.push(note);
}

/** Stage 2 for one case: reference, ours timed, then every peer timed at the chosen tolerances. */
function benchCase(c: BenchCase, peerState: PeerState, rule: RepetitionRule, results: Results): void {
  log(`${c.name}: ${c.description}`);
  const problem = prepareProblem(c);
  const ctx: CaseContext = { c, problem, reference: computeReference(c, problem), rule };
  const ours = measureOurs(ctx);
  const oursLabel = `${c.ours.solver} ${fmtTol(c.ours)}`;
  const binary = peerState.available && c.peers.length > 0 ? buildHarness(emitC(c.model), c.name) : undefined;
  if (binary !== undefined) checkReference(ctx, binary, c.peers[0], results);
  if (c.peers.length === 0) {
    const steps = formatCount(ours.result.stats.steps);
    pushRow(results, c.name, ours, null, { ours: oursLabel, peerSetting: '', steps, cpuRatio: null });
  }
  for (const peer of c.peers) {
    if (binary === undefined) {
      const details = { ours: oursLabel, peerSetting: 'unavailable', steps: '', cpuRatio: null };
      pushRow(results, c.name, ours, { peer, ms: null, error: null }, details);
      continue;
    }
    const tol = c.peerTolerances === 'same' ? c.ours : matchPeerTolerances(ctx, binary, peer, ours.error);
    const { run, error } = runPeer(ctx, binary, peer, tol, rule);
    log(
      `${c.name}: ${peer} ${fmtTol(tol)}: median ${run.medianMs.toFixed(1)} ms (${run.timesMs.length} runs), ` +
        `error ${error.toExponential(2)}, ${run.steps} steps, ${run.rhsEvals} rhs evals`,
    );
    pushRow(
      results,
      c.name,
      ours,
      { peer, ms: run.medianMs, error },
      {
        ours: oursLabel,
        peerSetting: fmtTol(tol),
        steps: `${formatCount(ours.result.stats.steps)} / ${formatCount(run.steps)}`,
        cpuRatio: ours.cpuMedianMs / run.cpuMedianMs,
      },
    );
  }
  for (const stage of c.stages ?? []) benchStage(c, stage, ctx.rule, results);
}

/** A stage with no peer (e.g. simulate() end to end): its median time as a row `<stage>:<case>`. */
function benchStage(c: BenchCase, stage: BenchStage, rule: RepetitionRule, results: Results): void {
  const timing = measure(() => stage.run(), rule);
  log(
    `${c.name}: ${stage.label}: median ${timing.medianMs.toFixed(1)} ms over ${timing.timesMs.length} runs ` +
      `(cpu ${timing.cpuMedianMs.toFixed(1)} ms)`,
  );
  results.stageCpuMs.set(`${stage.name}:${c.name}`, timing.cpuMedianMs);
  pushUnpeeredRow(results, `${stage.name}:${c.name}`, stage.label, timing.medianMs);
}

function pushRow(
  results: Results,
  name: string,
  ours: OursMeasurement,
  peer: { peer: CvodePeer; ms: number | null; error: number | null } | null,
  details: RowDetails,
): void {
  results.rows.push({
    case: name,
    ours_ms: ours.medianMs,
    peer: peer?.peer ?? null,
    peer_ms: peer?.ms ?? null,
    ratio: peer?.ms ? ours.medianMs / peer.ms : null,
    error_ours: ours.error,
    error_peer: peer?.error ?? null,
  });
  results.details.push(details);
}

/** One sentence per stated goal of each case: the speed-up over every peer, and the time goals of its stages. */
function goalVerdicts(cases: readonly BenchCase[], results: Results): string[] {
  return cases.flatMap((c) => [...speedupVerdict(c, results.rows), ...stageVerdicts(c, results)]);
}

/**
 * Stages with a time goal: met when the median CPU time of the process is at most the goal. CPU time is the work
 * the run needed (on one core, plus V8's garbage-collection helpers); wall time on a shared, loaded machine also
 * counts the time spent waiting for a core, so both are printed.
 */
function stageVerdicts(c: BenchCase, results: Results): string[] {
  return (c.stages ?? []).flatMap((stage) => {
    const name = `${stage.name}:${c.name}`;
    const row = results.rows.find((r) => r.case === name);
    const cpuMs = results.stageCpuMs.get(name);
    if (stage.goalMs === undefined || row === undefined || cpuMs === undefined) return [];
    const met = cpuMs <= stage.goalMs;
    return [
      `${c.name}: goal (${stage.label} ≤ ${stage.goalMs} ms) ${met ? 'MET' : 'NOT MET'}: median CPU ` +
        `${cpuMs.toFixed(1)} ms (wall ${row.ours_ms.toFixed(1)} ms)`,
    ];
  });
}

/** Met when every peer's ratio is at most 1/goalSpeedup. */
function speedupVerdict(c: BenchCase, rows: readonly BenchRow[]): string[] {
  if (c.goalSpeedup === undefined) return [];
  const peerRows = rows.filter((r) => r.case === c.name && r.peer !== null);
  if (peerRows.length === 0 || peerRows.some((r) => r.ratio === null)) {
    return [`${c.name}: goal (ours ≥ ${c.goalSpeedup}× faster than every peer) not measured: no peer`];
  }
  const speedups = peerRows.map((r) => `${(1 / r.ratio!).toFixed(2)}× vs ${r.peer}`).join(', ');
  const met = peerRows.every((r) => r.ratio! <= 1 / c.goalSpeedup!);
  return [
    `${c.name}: goal (ours ≥ ${c.goalSpeedup}× faster than every peer) ${met ? 'MET' : 'NOT MET'}: ${speedups}`,
  ];
}

function main(): void {
  const options = parseCli(process.argv.slice(2));
  const cases = BENCH_CASES.filter(
    (c) => options.caseFilters.length === 0 || options.caseFilters.some((f) => c.name.includes(f)),
  );
  if (cases.length === 0)
    throw new Error(`--case matched none of: ${BENCH_CASES.map((c) => c.name).join(', ')}`);
  const rule = options.quick ? QUICK_REPETITIONS : DEFAULT_REPETITIONS;
  const peerState = preparePeer();
  const results: Results = { rows: [], details: [], notes: [], stageCpuMs: new Map() };
  benchCompile(cases, rule, results);
  // The engine goals run with the whole bench; `--case` narrows the bench to named cases only.
  const engineVerdicts = options.caseFilters.length === 0 ? benchEngineGoals(rule, results) : [];
  for (const c of cases) benchCase(c, peerState, rule, results);
  const verdicts = [...engineVerdicts, ...goalVerdicts(cases, results)];
  for (const v of verdicts) log(v);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(results.rows)}\n`);
    return;
  }
  const when = new Date().toISOString().slice(0, 10);
  const peerNote = peerState.available ? '' : `\nCVODE peer unavailable: ${peerState.reason}\n`;
  process.stdout.write(
    `\nendotwin bench, ${when} (medians; ratio = ours / peer, below 1 means ours is faster)\n\n` +
      `${formatTable(results.rows, results.details)}\n${peerNote}\n` +
      [...results.notes, ...verdicts].map((n) => `- ${n}`).join('\n') +
      '\n',
  );
}

// `--trials` runs the virtual-trial engines' bench instead (bench/trials.ts, its own options and rows);
// `--calibration` one Jacobian of the calibration problem on 1 and 2 worker threads (bench/calibration.ts).
if (process.argv.includes('--trials')) await import('./trials.js');
else if (process.argv.includes('--calibration')) await import('./calibration.js');
else main();
