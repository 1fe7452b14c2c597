// SPDX-License-Identifier: MIT
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, readCsv, writeCsv } from './csv.js';

describe('CSV writer and reader', () => {
  it('quotes commas, quotes and line breaks; empty cells for null; numbers in round-trip form', () => {
    const text = writeCsv(
      ['a', 'b', 'c'],
      [
        ['x,y', 'say "hi"', 'two\nlines'],
        [0.1 + 0.2, null, 1e-7],
      ],
    );
    expect(text).toBe('a,b,c\n"x,y","say ""hi""","two\nlines"\n0.30000000000000004,,1e-7\n');
  });

  it('reads quoted line breaks and gives each record the line it starts on, with \\n or \\r\\n ends', () => {
    for (const end of ['\n', '\r\n']) {
      const text = ['date,note', '', '2024-01-01,"first', 'second"', '2024-02-01, plain '].join(end);
      expect(readCsv(text)).toEqual([
        { line: 1, fields: ['date', 'note'] },
        { line: 3, fields: ['2024-01-01', 'first\nsecond'] },
        { line: 5, fields: ['2024-02-01', 'plain'] },
      ]);
    }
  });

  it('names the line of an unclosed quote', () => {
    expect(() => readCsv('a,b\n1,2\n3,"open\n')).toThrow(CsvSyntaxError);
    try {
      readCsv('a,b\n1,2\n3,"open\n');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3);
    }
  });

  it('reads back what it writes', () => {
    const cell = fc
      .string({ unit: fc.constantFrom('a', ' b', ',', '"', '\n', 'é', '1') })
      .map((s) => `x${s}x`);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
        const back = readCsv(writeCsv(['h1', 'h2'], rows)).map((r) => r.fields);
        expect(back).toEqual([['h1', 'h2'], ...rows]);
      }),
    );
  });
});
