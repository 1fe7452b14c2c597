// SPDX-License-Identifier: MIT
/** Quoting a user's value inside an error message: short, on one line, and without raw control characters. */

/** Longest quote of a value in an error message, characters. */
export const MAX_QUOTE_CHARS = 80;

/**
 * Escapes C0/C1 control characters and the line/paragraph separators as `\uXXXX` (JSON.stringify keeps some),
 * except the characters of `keep` (e.g. `'\n'` for a multi-line message), so no terminal escape gets through.
 */
export function escapeControls(text: string, keep = ''): string {
  let out = '';
  for (const c of text) {
    const code = c.charCodeAt(0);
    const control =
      !keep.includes(c) &&
      (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029);
    out += control ? `\\u${code.toString(16).padStart(4, '0')}` : c;
  }
  return out;
}

/**
 * A value as it appears in an error message: JSON, control characters escaped, cut to {@link MAX_QUOTE_CHARS}
 * with `…` and the full length when longer. Values JSON cannot show (too deep, cyclic, bigint) become `(a value)`.
 * @example quoteValue('a\u0000b') // '"a\\u0000b"'
 */
export function quoteValue(value: unknown, maxChars: number = MAX_QUOTE_CHARS): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    return '(a value)';
  }
  if (json === undefined) return String(value);
  const text = escapeControls(json);
  return text.length <= maxChars ? text : `${text.slice(0, maxChars)}… (${text.length} characters)`;
}
