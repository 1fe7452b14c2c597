// SPDX-License-Identifier: MIT
/**
 * Engine speed goals that used to be timed assertions in unit tests. A timed unit test fails at random on a busy
 * machine; here each goal is judged on the median CPU time of repeated runs, and reported beside the wall time.
 */
import { compileModel } from '../src/engine/compile.js';
import { integrate } from '../src/engine/integrate.js';
import { ReducingSink } from '../src/engine/sinks.js';
import { halfYearOfEvents, hillChainDefinition, linearChainModel } from './lib/chain-models.js';

/** One timed piece of engine work with a stated goal. */
export interface EngineGoal {
  /** Row name, `goal:<name>` in the table. */
  readonly name: string;
  /** What is timed, for people. */
  readonly label: string;
  /** Median CPU time goal (milliseconds). */
  readonly goalCpuMs: number;
  /** Builds the inputs once and returns the work to time. */
  prepare(): () => void;
}

/** The goals `npm run bench` checks after the compile stage. */
export const ENGINE_GOALS: readonly EngineGoal[] = [
  {
    name: 'compile-chain-100',
    label: 'compileModel of a 100-state Hill chain (100 assignments, 200 rate terms)',
    // Was `expect(cpuMs).toBeLessThan(25)` in compile.test.ts ("well under 50 ms").
    goalCpuMs: 25,
    prepare: () => {
      const definition = hillChainDefinition(100);
      return () => void compileModel(definition);
    },
  },
  {
    name: 'integrate-182d-6916-events',
    label: 'integrate an 8-state chain over 182 days with 6,916 events, 5-minute daily reduction',
    // About 40–80 ms on an idle core when it was a unit test; the test allowed 1,500 ms of wall time.
    goalCpuMs: 150,
    prepare: () => {
      const model = linearChainModel(8);
      const events = halfYearOfEvents();
      return () => {
        const sink = new ReducingSink(8, 1440, () => undefined);
        integrate({ model, t0: 0, t1: 182 * 1440, events, sink, sampleEvery: 5 });
        sink.flush();
      };
    },
  },
];
