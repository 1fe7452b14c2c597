// SPDX-License-Identifier: MIT
/** The few XML helpers the SBML writer needs: escaping and number formatting. */

/** `text` escaped for XML character data and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * A finite number as XML Schema `double` text: JavaScript's shortest round-trip form, which already is valid
 * (`1e-7`, `0.5`, `1440`).
 * @throws RangeError for NaN or an infinity (the model has neither; a parameter must be finite).
 */
export function formatDouble(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot write the non-finite number ${value} to SBML`);
  return String(value);
}

/** An SBML `SId` made from free text: letters, digits and `_`, not starting with a digit. */
export function toSId(text: string): string {
  const id = text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}
