// SPDX-License-Identifier: MIT
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { compileModel } from './compile.js';
import { ModelCompileError } from './compile-error.js';
import { emitC } from './emit-c.js';
import type { ModelDefinition, ParameterDecl } from './types.js';

const hasGcc = ((): boolean => {
  try {
    execFileSync('gcc', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

const workDir = mkdtempSync(join(tmpdir(), 'endotwin-emit-c-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const STRICT_FLAGS = ['-std=c99', '-O2', '-Wall', '-Wextra', '-pedantic', '-Werror'];

/** Compiles the translation unit alone, as the benchmark harness will (`-c`, warnings are errors). */
function compileObject(source: string, name: string): void {
  const file = join(workDir, `${name}.c`);
  writeFileSync(file, source);
  // A translation unit without a caller leaves its static functions unused: that is expected, not a defect.
  const flags = [...STRICT_FLAGS, '-Wno-unused-function', '-Wno-unused-const-variable'];
  execFileSync('gcc', [...flags, '-c', file, '-o', join(workDir, `${name}.o`)], { stdio: 'pipe' });
}

/**
 * Builds a program around the emitted model that reads points (t, y, p, u) from stdin and prints dydt then the
 * outputs, 17 significant digits each, one point per line.
 */
function buildHarness(modelSource: string, name: string): string {
  const main = `
#include <stdio.h>
#include <stdlib.h>
${modelSource}
#define MAXN(n) ((n) > 0 ? (n) : 1)
int main(void) {
  double t, y[MAXN(ET_N_STATES)], p[MAXN(ET_N_PARAMS)], u[MAXN(ET_N_INPUTS)];
  double dydt[MAXN(ET_N_STATES)], out[MAXN(ET_N_OUTPUTS)];
  int i;
  while (scanf("%lf", &t) == 1) {
    for (i = 0; i < ET_N_STATES; i++) if (scanf("%lf", &y[i]) != 1) return 1;
    for (i = 0; i < ET_N_PARAMS; i++) if (scanf("%lf", &p[i]) != 1) return 1;
    for (i = 0; i < ET_N_INPUTS; i++) if (scanf("%lf", &u[i]) != 1) return 1;
    et_rhs(t, y, p, u, dydt);
    et_outputs(t, y, p, u, out);
    for (i = 0; i < ET_N_STATES; i++) printf("%.17g ", dydt[i]);
    for (i = 0; i < ET_N_OUTPUTS; i++) printf("%.17g ", out[i]);
    printf("\\n");
  }
  (void)et_default_params; (void)et_initial_state; (void)et_default_inputs;
  return 0;
}
`;
  const file = join(workDir, `${name}-main.c`);
  const exe = join(workDir, `${name}-main`);
  writeFileSync(file, main);
  execFileSync('gcc', [...STRICT_FLAGS, file, '-o', exe, '-lm'], { stdio: 'pipe' });
  return exe;
}

interface Point {
  readonly t: number;
  readonly y: Float64Array;
  readonly p: Float64Array;
  readonly u: Float64Array;
}

/** Runs the harness on `points`; returns for each point dydt followed by the outputs. */
function runHarness(exe: string, points: readonly Point[]): number[][] {
  const digits = (xs: Iterable<number>): string => Array.from(xs, (x) => x.toPrecision(17)).join(' ');
  const input = points
    .map((pt) => `${digits([pt.t])} ${digits(pt.y)} ${digits(pt.p)} ${digits(pt.u)}`)
    .join('\n');
  const stdout = execFileSync(exe, { input: `${input}\n`, encoding: 'utf8' });
  // glibc prints NaN as 'nan' or '-nan' and infinities as 'inf'.
  const parse = (s: string): number =>
    /nan/.test(s) ? NaN : s === 'inf' ? Infinity : s === '-inf' ? -Infinity : Number(s);
  return stdout
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).filter(Boolean).map(parse));
}

/** Same value to 1e-12 relative (or both NaN, or equal infinities). */
function agree(js: number, c: number): boolean {
  if (Number.isNaN(js) || Number.isNaN(c)) return Number.isNaN(js) && Number.isNaN(c);
  if (js === c) return true;
  return Math.abs(js - c) <= 1e-12 * Math.max(Math.abs(js), Math.abs(c));
}

const param = (name: string, value: number, unit: string): ParameterDecl => ({
  name,
  value,
  unit,
  description: '',
  source: 'test',
  evidence: 'moderate',
});

/** Every construct of the language in one model; two sub-models add to `GH`. */
const model: ModelDefinition = {
  name: 'c back-end check',
  subModels: [
    {
      name: 'axis',
      description: '',
      states: [
        { name: 'GH', unit: 'ug/L', description: '', initial: 0.8 },
        { name: 'IGF1', unit: 'ng/mL', description: '', initial: 180 },
        { name: 'idle', unit: 'ug/L', description: 'no rate: dydt = 0', initial: -2.5 },
      ],
      parameters: [
        param('kRel', 0.3, 'ug/L/min'),
        param('K', 2, 'ug/L'),
        param('n', 2.5, '1'),
        param('kel', 0.04, '1/min'),
        param('kIgf', 0.05, 'ng/mL/min'),
        param('kIgfEl', 4.2e-4, '1/min'),
        param('period', 1440, 'min'),
      ],
      inputs: [{ name: 'sleep', unit: '1', description: '', initial: 1 }],
      assignments: [
        { name: 'phase', expr: 'mod(t - 1380, period) / period' },
        { name: 'circ', expr: '1 + 0.25 * sin(2 * pi * phase) + 0.1 * cos(4 * pi * phase)' },
        { name: 'night', expr: 'sleep > 0.5 && !(phase > 0.5) || phase >= 0.95' },
        { name: 'drive', expr: 'clamp(circ * (night ? 2 : 1), 0.2, 2.5) * hillinv(IGF1, 300, 1.5)' },
      ],
      rates: [
        { state: 'GH', expr: 'kRel * drive - kel * GH' },
        { state: 'IGF1', expr: 'kIgf * hill(GH, K, n) * (1 + step(GH - K)) - kIgfEl * IGF1' },
      ],
      outputs: [
        { name: 'gh', expr: 'GH', unit: 'ug/L', description: '' },
        {
          name: 'misc',
          expr: 'min(GH, K, 1e-3 * IGF1) + max(GH, K) + abs(idle) + floor(idle)',
          unit: 'ug/L',
          description: '',
        },
        {
          name: 'logs',
          expr: 'log(IGF1 / 100) + log10(IGF1 / 100) + sqrt(GH / K) + exp(-GH / K) + pow(GH / K, -n)',
          unit: '1',
          description: '',
        },
        {
          name: 'logic',
          expr: '(GH == K) + (GH != K) * 2 + (GH <= K) * 4 + (GH < K) * 8 + !sleep * 16',
          unit: '1',
          description: '',
        },
      ],
    },
    {
      name: 'rhgh',
      description: 'a second contribution to GH',
      states: [{ name: 'depot', unit: 'ug', description: '', initial: 100 }],
      parameters: [param('ka', 0.012, '1/min'), param('Vd', 7.5, 'L')],
      rates: [
        { state: 'depot', expr: '-ka * depot' },
        { state: 'GH', expr: 'ka * depot / Vd' },
      ],
    },
  ],
};

describe.skipIf(!hasGcc && process.env.CI !== 'true')('emitC', () => {
  it('emits a C99 translation unit that compiles cleanly with -Wall -Wextra -pedantic', () => {
    const source = emitC(model);
    expect(source).toContain('#define ET_N_STATES 4');
    expect(source).toContain('#define ET_N_PARAMS 9');
    expect(source).toContain('#define ET_N_INPUTS 1');
    expect(source).toContain('#define ET_N_OUTPUTS 4');
    expect(source).toContain(
      'static void et_rhs(double t, const double *y, const double *p, const double *u, double *dydt)',
    );
    expect(source).toContain(
      'static void et_outputs(double t, const double *y, const double *p, const double *u, double *out)',
    );
    expect(source).toContain('0.00042000000000000002'); // kIgfEl with 17 significant digits
    compileObject(source, 'axis');
  });

  it('declares one dummy element for empty arrays', () => {
    const empty: ModelDefinition = {
      name: 'empty',
      subModels: [
        {
          name: 'clock',
          description: '',
          outputs: [{ name: 'minute', expr: 'mod(t, 1440)', unit: 'min', description: '' }],
        },
      ],
    };
    const source = emitC(empty);
    expect(source).toContain('#define ET_N_STATES 0');
    expect(source).toContain('static const double et_default_params[1] = { 0.0 };');
    compileObject(source, 'empty');
    const exe = buildHarness(source, 'empty');
    const e = Float64Array.of();
    expect(runHarness(exe, [{ t: -30, y: e, p: e, u: e }])).toEqual([[1410]]);
  });

  it('computes the same rhs and outputs as the generated JavaScript, to 1e-12 relative', () => {
    const compiled = compileModel(model);
    const exe = buildHarness(emitC(model), 'axis');
    const points: Point[] = fc
      .sample(
        fc.record({
          t: fc.double({ min: -2000, max: 40000, noNaN: true }),
          gh: fc.double({ min: 0, max: 40, noNaN: true }),
          igf: fc.double({ min: 1, max: 900, noNaN: true }),
          depot: fc.double({ min: 0, max: 500, noNaN: true }),
          sleep: fc.constantFrom(0, 1),
          scale: fc.double({ min: 0.5, max: 2, noNaN: true }),
        }),
        { numRuns: 300, seed: 20261121 },
      )
      .map(({ t, gh, igf, depot, sleep, scale }) => ({
        t,
        y: Float64Array.of(gh, igf, -2.5, depot),
        p: compiled.defaultParameters().map((v) => v * scale),
        u: Float64Array.of(sleep),
      }));
    // Points that sit exactly on a branch: GH == K, a whole day.
    points.push({
      t: 1380,
      y: Float64Array.of(2, 180, -2.5, 0),
      p: compiled.defaultParameters(),
      u: Float64Array.of(0),
    });
    const fromC = runHarness(exe, points);
    expect(fromC).toHaveLength(points.length);
    const dydt = new Float64Array(4);
    const out = new Float64Array(4);
    points.forEach((pt, k) => {
      compiled.rhs(pt.t, pt.y, pt.p, pt.u, dydt);
      compiled.outputsFn(pt.t, pt.y, pt.p, pt.u, out);
      const js = [...dydt, ...out];
      const c = fromC[k];
      js.forEach((value, i) => {
        if (!agree(value, c[i])) expect.fail(`point ${k}, value ${i}: JS ${value} vs C ${c[i]}`);
      });
    });
  });

  it('agrees with JavaScript on random expressions, NaN and infinities included', () => {
    const atom = fc.constantFrom('x', 'y', 'z', 'K', 't', 'pi', '2', '0.5', '1e-3', '0');
    const expr = fc.letrec<{ e: string }>((tie) => ({
      e: fc.oneof(
        { depthSize: 'small' },
        atom,
        fc
          .tuple(
            tie('e'),
            fc.constantFrom('+', '-', '*', '/', '^', '<', '>=', '==', '!=', '&&', '||'),
            tie('e'),
          )
          .map(([a, op, b]) => `(${a} ${op} ${b})`),
        fc
          .tuple(fc.constantFrom('abs', 'sqrt', 'step', 'floor', 'exp', 'log'), tie('e'))
          .map(([f, a]) => `${f}(${a})`),
        fc
          .tuple(fc.constantFrom('hill', 'hillinv', 'clamp'), tie('e'), tie('e'), tie('e'))
          .map(([f, a, b, c]) => `${f}(${a}, ${b}, ${c})`),
        fc
          .tuple(fc.constantFrom('min', 'max', 'mod'), tie('e'), tie('e'))
          .map(([f, a, b]) => `${f}(${a}, ${b})`),
        fc.tuple(tie('e'), tie('e'), tie('e')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
        tie('e').map((a) => `(-${a})`),
        tie('e').map((a) => `!${a}`),
      ),
    })).e;
    const sources = fc.sample(expr, { numRuns: 200, seed: 7 });
    const def: ModelDefinition = {
      name: 'random expressions',
      subModels: [
        {
          name: 'random',
          description: '',
          states: [{ name: 'x', unit: '1', description: '', initial: 0 }],
          parameters: [param('y', 0, '1'), param('K', 0, '1')],
          inputs: [{ name: 'z', unit: '1', description: '', initial: 0 }],
          outputs: sources.map((expr, i) => ({ name: `o${i}`, expr, unit: '1', description: '' })),
        },
      ],
    };
    const compiled = compileModel(def, { checkUnits: false });
    const exe = buildHarness(emitC(def, { checkUnits: false }), 'random');
    const points: Point[] = [
      [0.7, -1.3, 2.5, 0, 90],
      [-0.25, 3, 0, 1, 1439.5],
      [5, 5, 5, -5, 0],
      [1e-300, -0, 1e300, 7, 1e6],
    ].map(([x, y, K, z, t]) => ({
      t: t,
      y: Float64Array.of(x),
      p: Float64Array.of(y, K),
      u: Float64Array.of(z),
    }));
    const fromC = runHarness(exe, points);
    const dydt = new Float64Array(1);
    const out = new Float64Array(sources.length);
    points.forEach((pt, k) => {
      compiled.rhs(pt.t, pt.y, pt.p, pt.u, dydt);
      compiled.outputsFn(pt.t, pt.y, pt.p, pt.u, out);
      out.forEach((value, i) => {
        const c = fromC[k][i + 1];
        if (!agree(value, c)) expect.fail(`point ${k}, ${sources[i]}: JS ${value} vs C ${c}`);
      });
    });
  });

  it('rejects an invalid model with the same errors as compileModel', () => {
    const broken: ModelDefinition = {
      name: 'broken',
      subModels: [
        {
          name: 'a',
          description: '',
          states: [{ name: 'x', unit: '1', description: '', initial: 0 }],
          rates: [{ state: 'x', expr: 'k * x' }],
        },
      ],
    };
    expect(() => emitC(broken)).toThrow(ModelCompileError);
    expect(() => emitC(broken)).toThrow(/sub-model 'a', rate of x, at 1:1: unknown name 'k'/);
  });
});
