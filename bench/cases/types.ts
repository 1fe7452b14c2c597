// SPDX-License-Identifier: MIT
/** What a benchmark case is: one problem (model, events, span, grid) and how ours and the peers are run on it. */
import type { CompiledModel, ModelDefinition, TimedEvent } from '../../src/engine/types.js';
import type { CvodePeer } from '../lib/cvode.js';

/** Our solvers, by the names `getSolver` accepts. */
export type OurSolverName = 'dopri5' | 'rodas4' | 'auto';

/** Error-control settings of one run. */
export interface Tolerances {
  readonly rtol: number;
  readonly atol: number;
  /**
   * Absolute tolerances of single states, by name, overriding `atol` for them (e.g. a state whose values are far
   * below 1, as simulate() does for portal GHRH). Scaled together with rtol and atol when peers are matched.
   */
  readonly atolStates?: Readonly<Record<string, number>>;
}

/**
 * A timed stage with no peer (e.g. the whole `simulate()` pipeline of a case's scenario): one row
 * `<name>:<case>` with its median time.
 */
export interface BenchStage {
  /** Row prefix, e.g. `simulate`. */
  readonly name: string;
  /** What is timed, for the table's `ours` column, e.g. `simulate() end to end, 182 days`. */
  readonly label: string;
  /** One run of the stage. */
  run(): void;
  /** A stated goal: median at most this many milliseconds. */
  readonly goalMs?: number;
}

/**
 * How the peers' tolerances are chosen.
 * - `same`: every peer runs at ours' tolerances; both errors are reported, accuracy may differ.
 * - `matched`: each peer is tried on tolerances ours × 10^(k/2), walking from k = 0 towards ours' error until its
 *   error crosses ours, and timed at the tried one whose error is closest to ours on a log scale (equal accuracy).
 */
export type PeerTolerancePolicy = 'same' | 'matched';

/** One benchmark problem. Adding a case is adding one of these to `bench/cases/index.ts`. */
export interface BenchCase {
  /** Short id used in the results, e.g. `pk-oral-30d`. */
  readonly name: string;
  /** One line for people reading the table. */
  readonly description: string;
  readonly model: ModelDefinition;
  /** The timed events, sorted by time, with indices resolved on the compiled model (`model.stateIndex(name)`). */
  events(model: CompiledModel): readonly TimedEvent[];
  /** Start and end of the run (minutes). */
  readonly t0Min: number;
  readonly t1Min: number;
  /** Output sample interval (minutes). */
  readonly sampleIntervalMin: number;
  /** Parameter values overriding the model defaults, by name (e.g. one patient's). */
  readonly parameters?: Readonly<Record<string, number>>;
  /** Initial state values overriding the model's, by name. */
  readonly initialState?: Readonly<Record<string, number>>;
  /** Initial input values overriding the model's, by name (events may change them later). */
  readonly initialInputs?: Readonly<Record<string, number>>;
  /** How we solve it in the timed runs. */
  readonly ours: Tolerances & { readonly solver: OurSolverName };
  /** The peers to compare with (none: only ours is timed). */
  readonly peers: readonly CvodePeer[];
  readonly peerTolerances: PeerTolerancePolicy;
  /** The tight reference solution the errors are measured against (rtol 1e-11 unless said otherwise). */
  readonly reference: Tolerances & { readonly solver: 'dopri5' | 'rodas4' };
  /** A stated goal: ours at least this many times faster than every peer (ratio ≤ 1/goalSpeedup). */
  readonly goalSpeedup?: number;
  /** Further stages timed after the case's solve rows (no peer). */
  readonly stages?: readonly BenchStage[];
}
