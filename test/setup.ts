// SPDX-License-Identifier: MIT
/**
 * Pins the seed of every property test so that a run is reproducible (STYLE.md: pin seeds). Set FC_SEED to explore
 * other seeds locally; a failure prints the seed and path that reproduce it.
 */
import fc from 'fast-check';

fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261122) });
