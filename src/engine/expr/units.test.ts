// SPDX-License-Identifier: MIT
import { describe, expect, it } from 'vitest';
import { DimensionMismatch, inferDimension, type InferredDimension } from './dimensions.js';
import { parseExpression } from './parser.js';
import { formatDimension, parseUnit, type DimensionVector } from './units.js';

const MASS_PER_VOLUME: DimensionVector = [1, -3, 0, 0, 0, 0];

describe('parseUnit', () => {
  it.each([
    // unit, dimension [mass, length, time, amount, IU, U], scale in g, m, min, mol
    ['ug/L', [1, -3, 0, 0, 0, 0], 1e-6 / 1e-3],
    ['ng/mL', [1, -3, 0, 0, 0, 0], 1e-9 / 1e-6],
    ['pg/mL', [1, -3, 0, 0, 0, 0], 1e-12 / 1e-6],
    ['mg/dL', [1, -3, 0, 0, 0, 0], 1e-3 / 1e-4],
    ['1/min', [0, 0, -1, 0, 0, 0], 1],
    ['ug/L/min', [1, -3, -1, 0, 0, 0], 1e-3],
    ['ug/(L*min)', [1, -3, -1, 0, 0, 0], 1e-3],
    ['nmol/L', [0, -3, 0, 1, 0, 0], 1e-9 / 1e-3],
    ['nM', [0, -3, 0, 1, 0, 0], 1e-9 / 1e-3],
    ['IU/L', [0, -3, 0, 0, 1, 0], 1 / 1e-3],
    ['mIU/mL', [0, -3, 0, 0, 1, 0], 1e-3 / 1e-6],
    ['uU/mL', [0, -3, 0, 0, 0, 1], 1e-6 / 1e-6],
    ['kg', [1, 0, 0, 0, 0, 0], 1000],
    ['mcg', [1, 0, 0, 0, 0, 0], 1e-6],
    ['µg', [1, 0, 0, 0, 0, 0], 1e-6],
    ['h', [0, 0, 1, 0, 0, 0], 60],
    ['d', [0, 0, 1, 0, 0, 0], 1440],
    ['min', [0, 0, 1, 0, 0, 0], 1],
    ['1', [0, 0, 0, 0, 0, 0], 1],
    ['%', [0, 0, 0, 0, 0, 0], 0.01],
    ['kg/m^2', [1, -2, 0, 0, 0, 0], 1000],
    ['kg/m2', [1, -2, 0, 0, 0, 0], 1000],
    ['cm^2', [0, 2, 0, 0, 0, 0], 1e-4],
    ['kg m^-2', [1, -2, 0, 0, 0, 0], 1000],
    ['10^9/L', [0, -3, 0, 0, 0, 0], 1e9 / 1e-3],
    // 1 kcal = 4184 J = 4184 kg m^2 s^-2; per day: / 1440 min; s^-2 = 3600 min^-2.
    ['kcal/d', [1, 2, -3, 0, 0, 0], (4184 * 1000 * 3600) / 1440],
  ] as const)('%s', (text, dimension, scale) => {
    const unit = parseUnit(text);
    expect(unit?.dimension).toEqual(dimension);
    expect((unit?.scale ?? NaN) / scale).toBeCloseTo(1, 12);
  });

  it.each(['', 'furlongs', 'ug/', 'ug//L', '(ug/L', 'ug/L)', 'mEq/L', 'cells/uL'])(
    '%j is unknown',
    (text) => {
      expect(parseUnit(text)).toBeUndefined();
    },
  );

  it('formats dimensions with volume spelled out', () => {
    expect(formatDimension([1, -3, -1, 0, 0, 0])).toBe('mass/volume/time');
    expect(formatDimension([0, 0, -1, 0, 0, 0])).toBe('1/time');
    expect(formatDimension([1, -2, 0, 0, 0, 0])).toBe('mass/length^2');
    expect(formatDimension([0, 0, 0, 0, 0, 0])).toBe('dimensionless');
  });
});

describe('inferDimension is conservative', () => {
  const units: Readonly<Record<string, string>> = {
    C: 'ug/L',
    C2: 'ng/mL',
    K: 'ug/L',
    kel: '1/min',
    ksyn: 'ug/L/min',
    n: '1',
    tau: 'min',
    dose: 'ug',
    V: 'L',
    ins: 'uU/mL',
    glc: 'mg/dL',
  };
  const dimensionOf = (name: string): InferredDimension => parseUnit(units[name] ?? '')?.dimension;
  const infer = (source: string): InferredDimension => inferDimension(parseExpression(source), dimensionOf);
  const mismatch = (source: string): DimensionMismatch => {
    try {
      infer(source);
    } catch (error) {
      if (error instanceof DimensionMismatch) return error;
      throw error;
    }
    throw new Error(`expected a dimension mismatch in ${source}`);
  };

  it.each([
    ['ksyn * hill(C, K, n) - kel * C', [1, -3, -1, 0, 0, 0]],
    ['dose / V', MASS_PER_VOLUME],
    ['C + C2', MASS_PER_VOLUME], // scales differ, dimensions agree: fine
    ['C * exp(-t / tau)', MASS_PER_VOLUME],
    ['sqrt(C * C2)', MASS_PER_VOLUME],
    ['max(C, 0)', MASS_PER_VOLUME],
    ['C > K ? C : 0', MASS_PER_VOLUME],
    ['C ^ 2 / K', MASS_PER_VOLUME],
    ['mod(t, 1440)', [0, 0, 1, 0, 0, 0]],
    ['C > K && t > 60', [0, 0, 0, 0, 0, 0]],
  ] as const)('%s has a definite dimension', (source, expected) => {
    expect(infer(source)).toEqual(expected);
  });

  it.each([
    '60 * kel', // a literal may carry units (per hour to per minute)
    'C / 1440',
    'C ^ n', // symbolic power of a dimensioned base
    'C ^ n / (K ^ n + C ^ n)',
  ])('%s is unconstrained', (source) => {
    expect(infer(source)).toBeUndefined();
  });

  it.each([
    'C + 1', // the literal takes C's dimension
    'sin(2 * pi * t / 1440)',
    'sin(pi * t / tau)',
    'exp(-kel * t)',
    'log(C / K)',
    'log10(C) - log10(K)', // log of a concentration in its unit: accepted
    'ins * glc / 405', // HOMA-IR: mixed units, a literal constant
    'clamp(C, 0, K)',
    'step(C - K) * ksyn',
  ])('%s passes', (source) => {
    expect(() => infer(source)).not.toThrow();
  });

  it.each([
    ['C + kel', "both sides of '+'", 5],
    ['exp(C)', 'argument of exp()', 5],
    ['sin(t)', 'argument of sin()', 5],
    ['hill(C, tau, n)', 'x and K of hill', 9],
    ['hill(C, K, tau)', 'Hill coefficient', 12],
    ['C ^ tau', 'exponent', 5],
    ['C < tau', "both sides of '<'", 5],
    ['min(C, K, tau)', 'arguments of min()', 11],
    ['t > 5 ? C : tau', 'both branches', 13],
    ['ins + glc', "both sides of '+'", 7],
  ])('%s is a definite mismatch', (source, fragment, column) => {
    const error = mismatch(source);
    expect(error.detail).toContain(fragment);
    expect(error.pos.column).toBe(column);
  });
});
