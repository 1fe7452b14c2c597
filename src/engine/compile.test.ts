// SPDX-License-Identifier: MIT
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hillChainDefinition } from '../../bench/lib/chain-models.js';
import { compileModel } from './compile.js';
import { ModelCompileError, type ModelCompileErrorKind } from './compile-error.js';
import { describeModel } from './describe.js';
import { EngineError, InvalidOptionError } from './errors.js';
import type { ModelDefinition, ParameterDecl, SubModel } from './types.js';

const param = (name: string, value: number, unit: string): ParameterDecl => ({
  name,
  value,
  unit,
  description: `test parameter ${name}`,
  source: 'test',
  evidence: 'weak',
});

/** A small GH-axis-like model of four sub-models; GH receives rates from two of them. */
function axisModel(): ModelDefinition {
  const hypothalamus: SubModel = {
    name: 'hypothalamus',
    description: 'GHRH raised by sleep, circadian somatostatin',
    parameters: [
      param('ghrhBase', 20, 'pg/mL'),
      param('ghrhSleepGain', 1.5, '1'),
      param('sstBase', 30, 'pg/mL'),
    ],
    inputs: [{ name: 'sleep', unit: '1', description: 'asleep (1) or awake (0)', initial: 0 }],
    assignments: [
      { name: 'ghrh', expr: 'ghrhBase * (1 + ghrhSleepGain * sleep)', unit: 'pg/mL' },
      { name: 'sst', expr: 'sstBase * (1 + 0.3 * cos(2 * pi * (t - 240) / 1440))' },
    ],
  };
  const somatotroph: SubModel = {
    name: 'somatotroph',
    description: 'GH release and clearance',
    states: [{ name: 'GH', unit: 'ug/L', description: 'plasma GH', initial: 0.5, nonNegative: true }],
    parameters: [
      param('kRelease', 0.2, 'ug/L/min'),
      param('Kghrh', 25, 'pg/mL'),
      param('Ksst', 40, 'pg/mL'),
      param('nSst', 2, '1'),
      param('Kigf', 250, 'ng/mL'),
      param('kel', 0.035, '1/min'),
    ],
    // Declared before the assignment it uses: the compiler orders them.
    assignments: [{ name: 'release', expr: 'kRelease * drive * hillinv(IGF1, Kigf, 1)', unit: 'ug/L/min' }],
    rates: [{ state: 'GH', expr: 'release - kel * GH' }],
    outputs: [{ name: 'gh_ug_l', expr: 'GH', unit: 'ug/L', description: 'plasma GH' }],
  };
  const drive: SubModel = {
    name: 'drive',
    description: 'receptor drive',
    assignments: [{ name: 'drive', expr: 'hill(ghrh, Kghrh, 2) * hillinv(sst, Ksst, nSst)' }],
  };
  const liver: SubModel = {
    name: 'liver',
    description: 'IGF-1 production',
    states: [{ name: 'IGF1', unit: 'ng/mL', description: 'serum IGF-1', initial: 150 }],
    parameters: [param('kIgf', 0.1, 'ng/mL/min'), param('Kgh', 2, 'ug/L'), param('kIgfEl', 4e-4, '1/min')],
    rates: [{ state: 'IGF1', expr: 'kIgf * hill(GH, Kgh, 1) - kIgfEl * IGF1' }],
    outputs: [
      { name: 'igf1_ng_ml', expr: 'IGF1', unit: 'ng/mL', description: 'serum IGF-1' },
      { name: 'minute_of_day', expr: 'mod(t, 1440)', unit: 'min', description: 'clock' },
    ],
  };
  const drug: SubModel = {
    name: 'rhgh',
    description: 'subcutaneous rhGH depot',
    states: [
      { name: 'depot', unit: 'ug', description: 'rhGH at the injection site', initial: 0 },
      { name: 'unused', unit: 'ug', description: 'a state no rate changes', initial: 3 },
    ],
    parameters: [param('ka', 0.01, '1/min'), param('F', 0.7, '1'), param('Vd', 8, 'L')],
    rates: [
      { state: 'depot', expr: '-ka * depot' },
      { state: 'GH', expr: 'F * ka * depot / Vd' },
    ],
  };
  return { name: 'axis', subModels: [hypothalamus, somatotroph, drive, liver, drug] };
}

/** The same model written by hand; y = [GH, IGF1, depot, unused]. */
function handRhs(t: number, y: Float64Array, p: Float64Array, u: Float64Array, dydt: Float64Array): void {
  const [
    ghrhBase,
    ghrhSleepGain,
    sstBase,
    kRelease,
    Kghrh,
    Ksst,
    nSst,
    Kigf,
    kel,
    kIgf,
    Kgh,
    kIgfEl,
    ka,
    F,
    Vd,
  ] = p as unknown as number[];
  const [GH, IGF1, depot] = y as unknown as number[];
  const hill = (x: number, k: number, n: number): number => (x <= 0 ? 0 : x ** n / (k ** n + x ** n));
  const ghrh = ghrhBase * (1 + ghrhSleepGain * u[0]);
  const sst = sstBase * (1 + 0.3 * Math.cos((2 * Math.PI * (t - 240)) / 1440));
  const drive = hill(ghrh, Kghrh, 2) * (1 - hill(sst, Ksst, nSst));
  const release = kRelease * drive * (1 - hill(IGF1, Kigf, 1));
  dydt[0] = release - kel * GH + (F * ka * depot) / Vd;
  dydt[1] = kIgf * hill(GH, Kgh, 1) - kIgfEl * IGF1;
  dydt[2] = -ka * depot;
  dydt[3] = 0;
}

function compileError(def: ModelDefinition, options = {}): ModelCompileError {
  try {
    compileModel(def, options);
  } catch (error) {
    if (error instanceof ModelCompileError) return error;
    throw error;
  }
  throw new Error('expected a ModelCompileError');
}

/** `axisModel()` with one sub-model changed. */
function withSubModel(name: string, change: (sm: SubModel) => SubModel): ModelDefinition {
  const def = axisModel();
  return { ...def, subModels: def.subModels.map((sm) => (sm.name === name ? change(sm) : sm)) };
}

describe('compileModel: a composed model', () => {
  const model = compileModel(axisModel());

  it('resolves names to indices in declaration order', () => {
    expect(model.stateNames).toEqual(['GH', 'IGF1', 'depot', 'unused']);
    expect(model.parameterIndex('kel')).toBe(8);
    expect(model.inputIndex('sleep')).toBe(0);
    expect(model.outputNames).toEqual(['gh_ug_l', 'igf1_ng_ml', 'minute_of_day']);
    expect(model.stateIndex('IGF1')).toBe(1);
    expect(() => model.stateIndex('IGF-1')).toThrow(InvalidOptionError);
    expect(() => model.parameterIndex('kell')).toThrow(
      /parameter name must be one of the model's parameters/,
    );
  });

  it('returns fresh default arrays', () => {
    const p = model.defaultParameters();
    p[0] = 999;
    expect(model.defaultParameters()[0]).toBe(20);
    expect(Array.from(model.initialState())).toEqual([0.5, 150, 0, 3]);
    expect(Array.from(model.defaultInputs())).toEqual([0]);
  });

  it('generates an rhs equal to the hand-written one (GH gets the sum of two sub-models)', () => {
    const p = model.defaultParameters();
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.tuple(
          fc.double({ min: 0, max: 50, noNaN: true }),
          fc.double({ min: 0, max: 800, noNaN: true }),
          fc.double({ min: 0, max: 5000, noNaN: true }),
        ),
        fc.constantFrom(0, 1),
        (t, [gh, igf, depot], sleep) => {
          const y = Float64Array.of(gh, igf, depot, 7);
          const u = Float64Array.of(sleep);
          const generated = new Float64Array(4).fill(NaN);
          const expected = new Float64Array(4);
          model.rhs(t, y, p, u, generated);
          handRhs(t, y, p, u, expected);
          for (let i = 0; i < 4; i++) {
            const scale = Math.max(1e-9, Math.abs(expected[i]));
            expect(Math.abs(generated[i] - expected[i]) / scale).toBeLessThan(1e-12);
          }
        },
      ),
    );
  });

  it('writes 0 for a state without rates and evaluates outputs', () => {
    const dydt = new Float64Array(4).fill(NaN);
    model.rhs(0, model.initialState(), model.defaultParameters(), model.defaultInputs(), dydt);
    expect(dydt[3]).toBe(0);
    const out = new Float64Array(3);
    model.outputsFn(
      1500,
      Float64Array.of(4, 321, 0, 0),
      model.defaultParameters(),
      model.defaultInputs(),
      out,
    );
    expect(Array.from(out)).toEqual([4, 321, 60]);
  });

  it('generates straight-line code: reads once, computes only what each function needs', () => {
    const [rhsSource, outputsSource] = model.jsSource.split('function outputs');
    expect(rhsSource).toContain('const a_drive = ');
    expect(rhsSource.match(/const s_GH = y\[0\];/g)).toHaveLength(1);
    // Outputs use no assignment, no parameter and no input.
    expect(outputsSource).not.toMatch(/a_|p\[|u\[/);
    // Dependencies first: drive is computed before release, which uses it.
    expect(rhsSource.indexOf('const a_drive')).toBeLessThan(rhsSource.indexOf('const a_release'));
    // Nothing allocates or creates closures in the hot functions.
    expect(model.jsSource).not.toMatch(/\bnew\b|=>|\[\]|\{\}/);
  });

  it('describes its parameters as table rows', () => {
    const rows = describeModel(model);
    expect(rows).toHaveLength(15);
    expect(rows[8]).toEqual({
      index: 8,
      name: 'kel',
      value: 0.035,
      unit: '1/min',
      description: 'test parameter kel',
      source: 'test',
      evidence: 'weak',
    });
    const patient = model.defaultParameters();
    patient[8] = 0.05;
    expect(describeModel(model, patient)[8]?.value).toBe(0.05);
    expect(() => describeModel(model, new Float64Array(2))).toThrow(InvalidOptionError);
  });
});

describe('compileModel: errors name the sub-model, the declaration and the position', () => {
  const cases: [string, ModelDefinition, ModelCompileErrorKind, string, string, string][] = [
    [
      'a rate for an undeclared state',
      withSubModel('liver', (sm) => ({ ...sm, rates: [{ state: 'IGF', expr: 'kIgf' }] })),
      'undeclared-state',
      'liver',
      'rate of IGF',
      "'IGF' is not declared (did you mean 'IGF1'?)",
    ],
    [
      'a rate for a parameter',
      withSubModel('liver', (sm) => ({ ...sm, rates: [{ state: 'kIgf', expr: '0' }] })),
      'undeclared-state',
      'liver',
      'rate of kIgf',
      'a parameter, not a state',
    ],
    [
      'an unknown identifier',
      withSubModel('liver', (sm) => ({
        ...sm,
        rates: [{ state: 'IGF1', expr: 'kIgf * hill(GH, Kgh, 1) - kIgfE * IGF1' }],
      })),
      'unknown-identifier',
      'liver',
      'rate of IGF1, at 1:27',
      "unknown name 'kIgfE' (did you mean 'kIgfEl'?)",
    ],
    [
      'a syntax error',
      withSubModel('drive', (sm) => ({
        ...sm,
        assignments: [{ name: 'drive', expr: 'hill(ghrh, Kghrh, 2' }],
      })),
      'syntax',
      'drive',
      'assignment drive, at 1:20',
      "expected ')' to close the argument list of 'hill'",
    ],
    [
      'an unknown function',
      withSubModel('drive', (sm) => ({ ...sm, assignments: [{ name: 'drive', expr: 'tanh(ghrh)' }] })),
      'unknown-function',
      'drive',
      'assignment drive, at 1:1',
      "unknown function 'tanh'",
    ],
    [
      'a wrong argument count',
      withSubModel('drive', (sm) => ({
        ...sm,
        assignments: [{ name: 'drive', expr: '1 + hill(ghrh, Kghrh)' }],
      })),
      'arity',
      'drive',
      'assignment drive, at 1:5',
      'hill() takes 3 arguments, got 2',
    ],
    [
      'a name declared twice across sub-models',
      withSubModel('liver', (sm) => ({
        ...sm,
        parameters: [...(sm.parameters ?? []), param('kel', 1, '1/min')],
      })),
      'duplicate-name',
      'liver',
      'parameter kel',
      "'kel' is already declared (as parameter in sub-model 'somatotroph')",
    ],
    [
      'an output with the name of a state',
      withSubModel('liver', (sm) => ({
        ...sm,
        outputs: [{ name: 'GH', expr: 'GH', unit: 'ug/L', description: '' }],
      })),
      'duplicate-name',
      'liver',
      'output GH',
      "already declared (as state in sub-model 'somatotroph')",
    ],
    [
      'a sub-model declared twice',
      { name: 'axis', subModels: [...axisModel().subModels, { name: 'drive', description: '' }] },
      'duplicate-sub-model',
      'drive',
      'sub-model',
      'declared twice',
    ],
    [
      'an invalid name',
      withSubModel('liver', (sm) => ({
        ...sm,
        parameters: [...(sm.parameters ?? []), param('k-el', 1, '1/min')],
      })),
      'invalid-name',
      'liver',
      'parameter k-el',
      'must match [A-Za-z_][A-Za-z0-9_]*',
    ],
    [
      'a reserved name',
      withSubModel('liver', (sm) => ({
        ...sm,
        parameters: [...(sm.parameters ?? []), param('t', 1, 'min')],
      })),
      'invalid-name',
      'liver',
      'parameter t',
      "'t' is reserved",
    ],
    [
      'a NaN parameter',
      withSubModel('rhgh', (sm) => ({
        ...sm,
        parameters: [param('ka', NaN, '1/min'), param('F', 1, '1'), param('Vd', 8, 'L')],
      })),
      'non-finite-value',
      'rhgh',
      'parameter ka',
      'value must be a finite number, got NaN',
    ],
    [
      'an infinite initial state',
      withSubModel('liver', (sm) => ({
        ...sm,
        states: [{ name: 'IGF1', unit: 'ng/mL', description: '', initial: Infinity }],
      })),
      'non-finite-value',
      'liver',
      'state IGF1',
      'initial must be a finite number, got Infinity',
    ],
    [
      'a NaN initial input',
      withSubModel('hypothalamus', (sm) => ({
        ...sm,
        inputs: [{ name: 'sleep', unit: '1', description: '', initial: NaN }],
      })),
      'non-finite-value',
      'hypothalamus',
      'input sleep',
      'initial must be a finite number, got NaN',
    ],
    [
      'a reference to an output',
      withSubModel('liver', (sm) => ({
        ...sm,
        rates: [{ state: 'IGF1', expr: 'kIgfEl * (igf1_ng_ml - IGF1)' }],
      })),
      'output-reference',
      'liver',
      'rate of IGF1, at 1:11',
      "'igf1_ng_ml' is an output",
    ],
    [
      'an assignment cycle',
      withSubModel('drive', (sm) => ({
        ...sm,
        assignments: [{ name: 'drive', expr: 'release / kRelease' }],
      })),
      'assignment-cycle',
      'somatotroph',
      'assignment release',
      'assignments form a cycle: release -> drive -> release',
    ],
    [
      'a rate with the wrong dimension',
      withSubModel('liver', (sm) => ({
        ...sm,
        rates: [{ state: 'IGF1', expr: 'kIgf * hill(GH, Kgh, 1) - kIgfEl' }],
      })),
      'unit-mismatch',
      'liver',
      'rate of IGF1, at 1:27',
      "both sides of '-' must have the same dimension: mass/volume/time vs 1/time",
    ],
    [
      'a rate in the state unit instead of per minute',
      withSubModel('rhgh', (sm) => ({ ...sm, rates: [{ state: 'depot', expr: 'depot' }] })),
      'unit-mismatch',
      'rhgh',
      'rate of depot, at 1:1',
      "the expression has dimension mass, but the state's unit 'ug' per minute needs mass/time",
    ],
    [
      'exp of a concentration',
      withSubModel('liver', (sm) => ({ ...sm, rates: [{ state: 'IGF1', expr: 'kIgf * exp(GH)' }] })),
      'unit-mismatch',
      'liver',
      'rate of IGF1, at 1:12',
      'the argument of exp() must be dimensionless, got mass/volume',
    ],
    [
      'an assignment whose expression contradicts its unit',
      withSubModel('hypothalamus', (sm) => ({
        ...sm,
        assignments: [
          { name: 'ghrh', expr: 'ghrhBase * ghrhSleepGain * sleep / Kigf', unit: 'pg/mL' },
          ...(sm.assignments ?? []).slice(1),
        ],
      })),
      'unit-mismatch',
      'hypothalamus',
      'assignment ghrh, at 1:1',
      "its unit 'pg/mL' needs mass/volume",
    ],
  ];

  it.each(cases)('reports %s', (_, def, kind, subModel, declaration, fragment) => {
    const error = compileError(def);
    expect(error).toBeInstanceOf(EngineError);
    expect(error.code).toBe('MODEL_COMPILE');
    expect(error.kind).toBe(kind);
    expect(error.subModel).toBe(subModel);
    expect(error.message).toContain(`model 'axis': sub-model '${subModel}', ${declaration}`);
    expect(error.message).toContain(fragment);
    expect(error.issues).toHaveLength(1);
  });

  it('shows a caret under the culprit', () => {
    const def = withSubModel('liver', (sm) => ({
      ...sm,
      rates: [{ state: 'IGF1', expr: 'kIgf * hil(GH, Kgh, 1)' }],
    }));
    expect(compileError(def).message.split('\n').slice(-2)).toEqual([
      '  kIgf * hil(GH, Kgh, 1)',
      '         ^',
    ]);
  });

  it('lists every problem, not only the first', () => {
    const def = withSubModel('liver', (sm) => ({
      ...sm,
      states: [{ name: 'IGF1', unit: 'ng/mL', description: '', initial: NaN }],
      rates: [
        { state: 'IGF1', expr: 'kIgf * foo' },
        { state: 'IGF2', expr: '(' },
      ],
    }));
    const error = compileError(def);
    expect(error.issues.map((i) => i.kind)).toEqual([
      'non-finite-value',
      'unknown-identifier',
      'undeclared-state',
      'syntax',
    ]);
    expect(error.message).toMatch(/^model 'axis' has 4 errors:\n- /);
  });

  it('skips unit checks when asked to, or where a unit string is unknown', () => {
    const wrong = withSubModel('rhgh', (sm) => ({ ...sm, rates: [{ state: 'depot', expr: 'depot' }] }));
    expect(() => compileModel(wrong, { checkUnits: false })).not.toThrow();
    const unknownUnit = withSubModel('rhgh', (sm) => ({
      ...sm,
      parameters: [param('ka', 0.01, 'per fortnight'), param('F', 0.7, '1'), param('Vd', 8, 'L')],
      rates: [{ state: 'depot', expr: '-ka * depot + F' }],
    }));
    expect(() => compileModel(unknownUnit)).not.toThrow();
  });
});

describe('compileModel: a 100-state chain', () => {
  // Its compile time is a goal of `npm run bench` (bench/engine-goals.ts), not a timed assertion here.
  it('conserves mass in the chain (rates from neighbouring sub-models cancel)', () => {
    const model = compileModel(hillChainDefinition(100));
    const dydt = new Float64Array(100);
    // At t = 0 the sin() source is 0: total change must vanish.
    model.rhs(0, model.initialState(), model.defaultParameters(), model.defaultInputs(), dydt);
    const total = dydt.reduce((a, b) => a + b, 0);
    const scale = dydt.reduce((a, b) => a + Math.abs(b), 0);
    expect(Math.abs(total)).toBeLessThan(1e-13 * scale);
  });
});
