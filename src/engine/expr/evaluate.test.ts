// SPDX-License-Identifier: MIT
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitJsExpression, JS_FUNCTION_BINDINGS } from './codegen.js';
import { evaluateExpression } from './evaluate.js';
import { clamp, hill, hillinv, mod } from './functions.js';
import { parseExpression } from './parser.js';

const scope: Readonly<Record<string, number>> = { x: 1.7, y: -0.4, K: 2.5, n: 3, z: 0, t: 90 };
const lookup = (name: string): number => {
  const value = scope[name];
  if (value === undefined) throw new Error(`no value for ${name}`);
  return value;
};
const evaluate = (source: string): number => evaluateExpression(parseExpression(source), lookup);

/** Compiles one expression the way `compileModel` does: names as locals, helpers bound once. */
function compileJs(source: string): (v: Readonly<Record<string, number>>) => number {
  const names = Object.keys(scope);
  const body = emitJsExpression(parseExpression(source), (id) => (id.name === 't' ? 't' : `v_${id.name}`));
  const bindings = Object.entries(JS_FUNCTION_BINDINGS).map(([k, v]) => `const ${k} = ${v};`);
  const reads = names.map((n) => `const ${n === 't' ? 't' : `v_${n}`} = v.${n};`);
  const code = `${bindings.join('\n')}\nreturn (v) => { ${reads.join(' ')} return ${body}; };`;
  return (new Function('helpers', code) as (h: object) => (v: Readonly<Record<string, number>>) => number)({
    hill,
    hillinv,
    clamp,
    mod,
  });
}

describe('built-in functions agree with Math and their closed forms', () => {
  it.each([
    ['exp(x)', Math.exp(1.7)],
    ['log(x)', Math.log(1.7)],
    ['log10(x)', Math.log10(1.7)],
    ['sqrt(x)', Math.sqrt(1.7)],
    ['abs(y)', 0.4],
    ['floor(y)', -1],
    ['sin(x)', Math.sin(1.7)],
    ['cos(x)', Math.cos(1.7)],
    ['pow(x, n)', Math.pow(1.7, 3)],
    ['x ^ n', Math.pow(1.7, 3)],
    ['min(x, y, K)', -0.4],
    ['max(x, y, K)', 2.5],
    ['hill(x, K, n)', 1.7 ** 3 / (2.5 ** 3 + 1.7 ** 3)],
    ['hillinv(x, K, n)', 2.5 ** 3 / (2.5 ** 3 + 1.7 ** 3)],
    ['hill(K, K, n)', 0.5],
    ['hill(y, K, n)', 0],
    ['hill(z, K, n)', 0],
    ['hillinv(y, K, n)', 1],
    ['clamp(x, 0, 1)', 1],
    ['clamp(y, 0, 1)', 0],
    ['clamp(0.3, 0, 1)', 0.3],
    ['step(x)', 1],
    ['step(z)', 0],
    ['step(y)', 0],
    ['mod(t, 60)', 30],
    ['mod(-30, 1440)', 1410],
    ['mod(-1440, 1440)', 0],
    ['mod(7.5, 2)', 1.5],
    ['mod(-1e-300, 1440)', 0],
    ['pi', Math.PI],
    ['2 * pi', 2 * Math.PI],
  ])('%s = %d', (source, expected) => {
    expect(evaluate(source)).toBeCloseTo(expected, 14);
    expect(compileJs(source)(scope)).toBeCloseTo(expected, 14);
  });

  it('hill stays finite and exact where the textbook formula overflows', () => {
    // x^n and K^n overflow to Infinity at n = 2000 (Infinity/Infinity = NaN); the ratio form does not.
    expect(2 ** 2000 / (1 + 2 ** 2000)).toBeNaN();
    expect(hill(2, 1, 2000)).toBe(1);
    expect(hill(1, 2, 2000)).toBe(0);
    expect(hillinv(2, 1, 2000)).toBe(0);
    expect(hill(1, 2, 400) / (1 / (1 + 2 ** 400))).toBeCloseTo(1, 14);
    expect(hill(3, 0, 2)).toBe(1); // K = 0: always fully on for x > 0
    expect(hillinv(3, 0, 2)).toBe(0);
  });

  it('hill + hillinv = 1 and hill matches x^n/(K^n + x^n) over a wide range', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-6, max: 1e6, noNaN: true }),
        fc.double({ min: 0.1, max: 8, noNaN: true }),
        (x, k, n) => {
          const textbook = x ** n / (k ** n + x ** n);
          if (Number.isFinite(textbook)) expect(hill(x, k, n)).toBeCloseTo(textbook, 12);
          expect(hill(x, k, n) + hillinv(x, k, n)).toBeCloseTo(1, 14);
        },
      ),
    );
  });

  it('mod is a - b*floor(a/b) up to a multiple of b, and in [0, b) for b > 0', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        (a, b) => {
          const r = mod(a, b);
          expect(r).toBeGreaterThanOrEqual(0);
          expect(r).toBeLessThan(b);
          const diff = r - (a - b * Math.floor(a / b));
          const offByMultiple = Math.min(Math.abs(diff), Math.abs(diff - b), Math.abs(diff + b));
          expect(offByMultiple).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(a)));
        },
      ),
    );
  });

  it('propagates NaN through min, max, clamp and hill, and treats NaN as true', () => {
    for (const source of ['min(x, 0/0)', 'max(0/0, x)', 'clamp(0/0, 0, 1)', 'hill(0/0, K, n)']) {
      expect(evaluate(source)).toBeNaN();
      expect(compileJs(source)(scope)).toBeNaN();
    }
    expect(evaluate('(0/0) ? 1 : 2')).toBe(1);
    expect(compileJs('(0/0) ? 1 : 2')(scope)).toBe(1);
    expect(evaluate('!(0/0)')).toBe(0);
  });
});

describe('logic and comparisons yield 1 or 0', () => {
  it.each([
    ['x > y', 1],
    ['x < y', 0],
    ['x >= 1.7 && y <= -0.4', 1],
    ['x == 1.7', 1],
    ['x != 1.7', 0],
    ['z || y', 1],
    ['z || z', 0],
    ['x && z', 0],
    ['!z', 1],
    ['!x', 0],
    ['x > 1 ? 10 : 20', 10],
    ['(x > 1) + (y > 1) + !z', 2],
    ['y < 0 ? z > 0 ? 1 : 2 : 3', 2],
  ])('%s = %d', (source, expected) => {
    expect(evaluate(source)).toBe(expected);
    expect(compileJs(source)(scope)).toBe(expected);
  });
});

describe('generated JavaScript equals the reference evaluator', () => {
  const atom = fc.oneof(fc.constantFrom('x', 'y', 'K', 'n', 'z', 't', 'pi', '2', '0.5', '1e-3'));
  const unaryFns = ['exp', 'log', 'sqrt', 'abs', 'floor', 'sin', 'cos', 'step', 'log10'];
  const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: 'small' },
      atom,
      fc
        .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', '<', '>=', '==', '&&', '||'), tie('e'))
        .map(([a, op, b]) => `(${a} ${op} ${b})`),
      fc.tuple(fc.constantFrom(...unaryFns), tie('e')).map(([f, a]) => `${f}(${a})`),
      fc
        .tuple(fc.constantFrom('hill', 'hillinv', 'clamp'), tie('e'), tie('e'), tie('e'))
        .map(([f, a, b, c]) => `${f}(${a}, ${b}, ${c})`),
      fc
        .tuple(fc.constantFrom('min', 'max', 'mod', 'pow'), tie('e'), tie('e'))
        .map(([f, a, b]) => `${f}(${a}, ${b})`),
      fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
      tie('e').map((a) => `(-${a})`),
      tie('e').map((a) => `!${a}`),
    ),
  })).e;

  it('on random expressions (NaN and infinities included)', () => {
    fc.assert(
      fc.property(expr, (source) => {
        expect(
          Object.is(compileJs(source)(scope), evaluate(source)) ||
            compileJs(source)(scope) === evaluate(source),
        ).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});
