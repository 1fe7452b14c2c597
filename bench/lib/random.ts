// SPDX-License-Identifier: MIT
/** A small seeded generator for benchmark inputs (same seed, same events, on every machine). */

/**
 * Mulberry32: a 32-bit-state generator, plenty for shaping benchmark event sequences (not for statistics).
 * Returns a function yielding uniform numbers in [0, 1).
 */
export function seededUniform(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296;
  };
}
