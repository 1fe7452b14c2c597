// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { parseChoiceOption, parseNumberOption } from './options.js';

describe('parseNumberOption', () => {
  it('accepts numbers in range', () => {
    expect(parseNumberOption('--age', '62', { min: 18, max: 100 })).toBe(62);
    expect(parseNumberOption('--glucose', ' 5.5 ', { min: 1, max: 35 })).toBe(5.5);
  });
  it.each([
    ['abc', '--age must be a number from 18 to 100, got abc'],
    ['17', '--age must be a number from 18 to 100, got 17'],
    ['', '--age must be a number from 18 to 100, got '],
    ['Infinity', '--age must be a number from 18 to 100, got Infinity'],
  ])('rejects %j', (raw, message) => {
    expect(() => parseNumberOption('--age', raw, { min: 18, max: 100 })).toThrow(message);
  });
  it('shows the unit', () => {
    expect(() => parseNumberOption('--igf1', '0', { min: 1, max: 3000, unit: 'ng/mL' })).toThrow(
      '--igf1 must be a number from 1 to 3000 ng/mL, got 0',
    );
  });
});

describe('parseChoiceOption', () => {
  it('accepts an allowed word and names the others', () => {
    expect(parseChoiceOption('--sex', 'female', ['male', 'female'])).toBe('female');
    expect(() => parseChoiceOption('--sex', 'f', ['male', 'female'])).toThrow(
      '--sex must be one of male, female, got f',
    );
  });
});
