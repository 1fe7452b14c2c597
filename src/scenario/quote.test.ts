// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { MAX_QUOTE_CHARS, quoteValue } from './quote.js';

describe('quoteValue', () => {
  it('quotes short values as JSON', () => {
    expect(quoteValue('abc')).toBe('"abc"');
    expect(quoteValue(12)).toBe('12');
  });

  it('cuts long values and says how long they were', () => {
    const quoted = quoteValue('x'.repeat(10_000));
    expect(quoted.startsWith(`"${'x'.repeat(MAX_QUOTE_CHARS - 1)}…`)).toBe(true);
    expect(quoted).toContain('(10002 characters)');
  });

  it('escapes control characters, including those JSON keeps raw', () => {
    expect(quoteValue('a\u0000b\u0085c\u2028')).toBe('"a\\u0000b\\u0085c\\u2028"');
  });

  it('survives values JSON cannot show', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(quoteValue(cyclic)).toBe('(a value)');
  });
});
