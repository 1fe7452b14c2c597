// SPDX-License-Identifier: MIT
/** Compact storage of numeric series: 8 bytes per sample, IEEE-754 doubles in little-endian order (exact round trip). */

const BYTES_PER_SAMPLE = 8;

/** Encodes numbers as little-endian Float64 bytes; the bytes decode back to the very same numbers. */
export function encodeSeries(values: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(values.length * BYTES_PER_SAMPLE);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat64(i * BYTES_PER_SAMPLE, values[i], true);
  return bytes;
}

/**
 * Decodes little-endian Float64 bytes into numbers.
 * @throws RangeError when the byte length is not a multiple of 8.
 */
export function decodeSeries(bytes: Uint8Array): number[] {
  if (bytes.byteLength % BYTES_PER_SAMPLE !== 0) {
    throw new RangeError(`a Float64 series blob must be a multiple of 8 bytes long, got ${bytes.byteLength}`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const values = new Array<number>(bytes.byteLength / BYTES_PER_SAMPLE);
  for (let i = 0; i < values.length; i++) values[i] = view.getFloat64(i * BYTES_PER_SAMPLE, true);
  return values;
}
