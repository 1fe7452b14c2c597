// SPDX-License-Identifier: MIT
/** Every benchmark case, in the order they run. To add one, write `bench/cases/<name>.ts` and list it here. */
import { ghAxisPatientCase } from './gh-axis-patient.js';
import { pkOralCase } from './pk-oral.js';
import { pulsatileCase } from './pulsatile.js';
import { robertsonCase } from './robertson.js';
import type { BenchCase } from './types.js';

/** The cases `npm run bench` runs (all of them unless `--case` narrows the list). */
export const BENCH_CASES: readonly BenchCase[] = [
  pkOralCase,
  robertsonCase,
  pulsatileCase,
  ghAxisPatientCase,
];
