// SPDX-License-Identifier: MIT
// SBML import on small hand-written models: analytic solutions, events, overrides and doses, and every kind of
// bad input failing with the element and the reason.
import { describe, expect, it } from 'vitest';
import { importSbml, parseSettings, SbmlError, simulateImported, simulateWithSettings } from './index.js';

const MATHML = 'xmlns="http://www.w3.org/1998/Math/MathML"';

/** An SBML L3V2 document around `body` (the model's lists). */
function sbml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
  <model id="m">${body}</model>
</sbml>`;
}

/** One compartment of 2 L, species A (amount 10) eliminated at rate k·A (k = 0.5), a concentration-based law. */
const elimination = sbml(`
  <listOfCompartments><compartment id="c" size="2" constant="true"/></listOfCompartments>
  <listOfSpecies>
    <species id="A" compartment="c" initialAmount="10" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
  </listOfSpecies>
  <listOfParameters><parameter id="k" value="0.5" constant="true"/></listOfParameters>
  <listOfReactions>
    <reaction id="out" reversible="false">
      <listOfReactants><speciesReference species="A" stoichiometry="1" constant="true"/></listOfReactants>
      <kineticLaw><math ${MATHML}><apply><times/><ci>k</ci><ci>A</ci><ci>c</ci></apply></math></kineticLaw>
    </reaction>
  </listOfReactions>`);

function expectError(
  run: () => unknown,
  kind: 'invalid' | 'unsupported',
  element: string,
  reason: RegExp,
): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SbmlError);
    const e = error as SbmlError;
    expect(e.kind).toBe(kind);
    expect(e.element).toBe(element);
    expect(e.reason).toMatch(reason);
    return;
  }
  throw new Error('expected an SbmlError');
}

describe('SBML import', () => {
  it('integrates first-order elimination to the analytic solution, as amounts and as concentrations', () => {
    const model = importSbml(elimination);
    const settings = parseSettings('start: 0\nduration: 4\nsteps: 4\nvariables: A, out\namount: A\n');
    const rows = simulateWithSettings(model, settings);
    expect(rows).toHaveLength(5);
    for (const row of rows) {
      const amount = 10 * Math.exp(-0.5 * row[0]);
      expect(row[1]).toBeCloseTo(amount, 7);
      expect(row[2]).toBeCloseTo(0.5 * amount, 7); // rate = k·[A]·V = k·amount
    }
    const concentration = simulateWithSettings(
      model,
      parseSettings('start: 0\nduration: 2\nsteps: 1\nvariables: A\nconcentration: A\n'),
    );
    expect(concentration[1][1]).toBeCloseTo(5 * Math.exp(-1), 7);
  });

  it('executes a delayed event with values from the trigger time', () => {
    const model = importSbml(
      sbml(`
      <listOfParameters>
        <parameter id="x" value="0" constant="false"/>
        <parameter id="y" value="0" constant="false"/>
      </listOfParameters>
      <listOfRules><rateRule variable="x"><math ${MATHML}><cn>1</cn></math></rateRule></listOfRules>
      <listOfEvents>
        <event id="e" useValuesFromTriggerTime="true">
          <trigger initialValue="false" persistent="true"><math ${MATHML}><apply><geq/><ci>x</ci><cn>1</cn></apply></math></trigger>
          <delay><math ${MATHML}><cn>0.5</cn></math></delay>
          <listOfEventAssignments>
            <eventAssignment variable="y"><math ${MATHML}><ci>x</ci></math></eventAssignment>
          </listOfEventAssignments>
        </event>
      </listOfEvents>`),
    );
    const rows = simulateWithSettings(model, parseSettings('duration: 2\nsteps: 8\nvariables: x, y\n'));
    // Triggered at x = t = 1, executed at 1.5 with x's value at 1 (x has gone on to 1.5 by then).
    for (const [t, x, y] of rows) {
      expect(x).toBeCloseTo(t, 9);
      expect(y).toBeCloseTo(t > 1.5 ? 1 : 0, 9);
    }
  });

  it('solves an algebraic rule for the symbol it determines', () => {
    // x + y = 3 with dx/dt = 1, x(0) = 0: y = 3 − t.
    const model = importSbml(
      sbml(`
      <listOfParameters>
        <parameter id="x" value="0" constant="false"/>
        <parameter id="y" value="0" constant="false"/>
      </listOfParameters>
      <listOfRules>
        <rateRule variable="x"><math ${MATHML}><cn>1</cn></math></rateRule>
        <algebraicRule><math ${MATHML}><apply><minus/><apply><plus/><ci>x</ci><ci>y</ci></apply><cn>3</cn></apply></math></algebraicRule>
      </listOfRules>`),
    );
    const rows = simulateWithSettings(model, parseSettings('duration: 2\nsteps: 2\nvariables: y\n'));
    expect(rows.map((r) => r[1])).toEqual([expect.closeTo(3, 9), expect.closeTo(2, 9), expect.closeTo(1, 9)]);
  });

  it('runs with parameter overrides, doses into a species and named series', () => {
    const model = importSbml(elimination);
    const result = simulateImported(model, {
      overrides: { k: 0.25 },
      doses: [{ species: 'A', time: 2, amount: 4 }],
      series: ['A', 'out'],
      duration: 4,
      steps: 4,
    });
    expect(Array.from(result.time)).toEqual([0, 1, 2, 3, 4]);
    const amountAt = (t: number): number =>
      10 * Math.exp(-0.25 * t) + (t >= 2 ? 4 * Math.exp(-0.25 * (t - 2)) : 0);
    result.time.forEach((t, i) => {
      expect(result.series.A[i]).toBeCloseTo(amountAt(t) / 2, 7); // A is a concentration in math (volume 2)
      expect(result.series.out[i]).toBeCloseTo(0.25 * amountAt(t), 7);
    });
    expectError(
      () => simulateImported(model, { series: ['nope'], duration: 1 }),
      'invalid',
      'series[0]',
      /nope/,
    );
    expectError(
      () => simulateImported(model, { overrides: { A: 1 }, series: ['A'], duration: 1 }),
      'invalid',
      'overrides.A',
      /not a parameter/,
    );
    expectError(
      () =>
        simulateImported(model, { doses: [{ species: 'k', time: 0, amount: 1 }], series: [], duration: 1 }),
      'invalid',
      'doses[0].species',
      /not a species/,
    );
  });
});

/** A decay model whose rate rule reads `−k·x`; units declared by the caller (`x` in mole, time in seconds). */
function decayWithUnits(kUnits: string, extra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" level="3" version="2">
  <model id="m" timeUnits="second">
    <listOfUnitDefinitions>
      <unitDefinition id="per_second"><listOfUnits><unit kind="second" exponent="-1" scale="0" multiplier="1"/></listOfUnits></unitDefinition>
    </listOfUnitDefinitions>
    <listOfParameters>
      <parameter id="x" value="8" units="mole" constant="false"/>
      <parameter id="k" value="0.5" ${kUnits} constant="true"/>
    </listOfParameters>
    <listOfRules>
      <rateRule variable="x"><math ${MATHML}><apply><minus/><apply><times/><ci>k</ci><ci>x</ci></apply></apply></math></rateRule>${extra}
    </listOfRules>
  </model>
</sbml>`;
}

describe('SBML import checks units', () => {
  it('accepts consistent units and leaves undeclared ones unchecked', () => {
    expect(() => importSbml(decayWithUnits('units="per_second"'))).not.toThrow();
    expect(() => importSbml(decayWithUnits(''))).not.toThrow();
  });

  it('rejects a rate rule whose math is not in the variable’s unit per time, naming the rule', () => {
    expectError(
      () => importSbml(decayWithUnits('units="second"')),
      'invalid',
      'rateRule x',
      /inconsistent units: the math is in second·mole, the unit of x per time is second\^-1·mole/,
    );
  });

  it('rejects exp() of a quantity with a unit, and a sum of different units', () => {
    const expOfTime = `<assignmentRule variable="y"><math ${MATHML}><apply><exp/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol></apply></math></assignmentRule>`;
    const withY = (rule: string): string =>
      decayWithUnits('units="per_second"', rule).replace(
        '</listOfParameters>',
        '<parameter id="y" units="dimensionless" constant="false"/></listOfParameters>',
      );
    expectError(
      () => importSbml(withY(expOfTime)),
      'invalid',
      'assignmentRule y',
      /exp\(\) of a quantity in second/,
    );
    const sum = `<assignmentRule variable="y"><math ${MATHML}><apply><plus/><ci>x</ci><ci>k</ci></apply></math></assignmentRule>`;
    expectError(
      () => importSbml(withY(sum)),
      'invalid',
      'assignmentRule y',
      /the arguments of plus are in mole and second\^-1/,
    );
  });

  it('reads the units of literals (sbml:units)', () => {
    const literal = (unit: string): string =>
      `<assignmentRule variable="y"><math ${MATHML} xmlns:sbml="http://www.sbml.org/sbml/level3/version2/core"><apply><plus/><ci>x</ci><cn sbml:units="${unit}">1</cn></apply></math></assignmentRule>`;
    const withY = (rule: string): string =>
      decayWithUnits('units="per_second"', rule).replace(
        '</listOfParameters>',
        '<parameter id="y" units="mole" constant="false"/></listOfParameters>',
      );
    expect(() => importSbml(withY(literal('mole')))).not.toThrow();
    expectError(
      () => importSbml(withY(literal('litre'))),
      'invalid',
      'assignmentRule y',
      /mole and metre\^3/,
    );
  });
});

describe('SBML runs on endotwin-style settings', () => {
  /** x' = −x from 8, and at t = 1.5 (a time trigger) x jumps by +4. */
  const jump = sbml(`
    <listOfParameters><parameter id="x" value="8" constant="false"/></listOfParameters>
    <listOfRules><rateRule variable="x"><math ${MATHML}><apply><times/><cn>-1</cn><ci>x</ci></apply></math></rateRule></listOfRules>
    <listOfEvents><event id="e" useValuesFromTriggerTime="true"><trigger initialValue="false" persistent="true"><math ${MATHML}>
      <apply><geq/><csymbol encoding="text" definitionURL="http://www.sbml.org/sbml/symbols/time">t</csymbol><cn>1.5</cn></apply>
    </math></trigger><listOfEventAssignments><eventAssignment variable="x"><math ${MATHML}><apply><plus/><ci>x</ci><cn>4</cn></apply></math></eventAssignment></listOfEventAssignments></event></listOfEvents>`);
  const exact = (t: number): number =>
    t < 1.5 ? 8 * Math.exp(-t) : (8 * Math.exp(-1.5) + 4) * Math.exp(-(t - 1.5));

  it('lands on a time trigger exactly and reads the outputs from the dense output', () => {
    const model = importSbml(jump);
    expect(model.events[0].triggerTime).toBe(1.5);
    for (const stopAtOutputs of [true, false]) {
      const run = simulateImported(model, {
        series: ['x'],
        duration: 3,
        steps: 12,
        options: { stopAtOutputs, restarts: [2] },
      });
      run.time.forEach((t, i) => expect(run.series.x[i]).toBeCloseTo(exact(t), 6));
    }
  });

  it('takes per-state absolute tolerances by id', () => {
    const model = importSbml(jump);
    const loose = simulateImported(model, {
      series: ['x'],
      duration: 3,
      steps: 3,
      options: { rtol: 1e-2, atol: 1e-2, stateAtol: { x: 1e-12 }, stopAtOutputs: false },
    });
    const looser = simulateImported(model, {
      series: ['x'],
      duration: 3,
      steps: 3,
      options: { rtol: 1e-2, atol: 1e-2, stopAtOutputs: false },
    });
    expect(loose.series.x).not.toEqual(looser.series.x);
    loose.time.forEach((t, i) => expect(Math.abs(loose.series.x[i] - exact(t))).toBeLessThan(0.05));
  });
});

describe('SBML import rejects bad input by element and reason', () => {
  it('malformed XML', () => {
    expectError(() => importSbml('<sbml><model>'), 'invalid', 'document', /malformed XML/);
  });

  it('unknown elements', () => {
    expectError(
      () => importSbml(sbml('<listOfWidgets/>')),
      'invalid',
      'model',
      /unknown element <listOfWidgets>/,
    );
    expectError(
      () =>
        importSbml(
          sbml(
            `<listOfRules><assignmentRule variable="x"><math ${MATHML}><foo/></math></assignmentRule></listOfRules>`,
          ),
        ),
      'invalid',
      'assignmentRule x',
      /unknown MathML element <foo>/,
    );
  });

  it('cyclic assignment rules', () => {
    const cyclic = sbml(`
      <listOfParameters><parameter id="a" constant="false"/><parameter id="b" constant="false"/></listOfParameters>
      <listOfRules>
        <assignmentRule variable="a"><math ${MATHML}><apply><plus/><ci>b</ci><cn>1</cn></apply></math></assignmentRule>
        <assignmentRule variable="b"><math ${MATHML}><apply><times/><ci>a</ci><cn>2</cn></apply></math></assignmentRule>
      </listOfRules>`);
    expectError(() => importSbml(cyclic), 'invalid', 'a', /cyclic assignment rules: a -> b -> a/);
  });

  it('dangling references and duplicate ids', () => {
    expectError(
      () =>
        importSbml(
          sbml('<listOfSpecies><species id="S" compartment="nowhere" initialAmount="1"/></listOfSpecies>'),
        ),
      'invalid',
      'S',
      /compartment 'nowhere'/,
    );
    expectError(
      () => importSbml(sbml('<listOfParameters><parameter id="p"/><parameter id="p"/></listOfParameters>')),
      'invalid',
      'p',
      /duplicate id/,
    );
  });

  it('unsupported features are named', () => {
    const algebraic = sbml(`
      <listOfParameters><parameter id="a" value="1" constant="true"/></listOfParameters>
      <listOfRules><algebraicRule><math ${MATHML}><apply><minus/><ci>a</ci><cn>1</cn></apply></math></algebraicRule></listOfRules>`);
    expectError(() => importSbml(algebraic), 'unsupported', 'algebraicRule', /determines no free symbol/);
    const fbc = sbml('').replace(
      'level="3"',
      'xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version2" fbc:required="false" level="3"',
    );
    expectError(() => importSbml(fbc), 'unsupported', 'sbml', /package 'fbc'/);
  });

  it('flattens comp submodels, with replaced elements renamed to their replacement', () => {
    const COMP = 'http://www.sbml.org/sbml/level3/version1/comp/version1';
    const doc = `<sbml xmlns="http://www.sbml.org/sbml/level3/version2/core" xmlns:comp="${COMP}" level="3" version="2"
      comp:required="true">
      <model id="top">
        <listOfParameters>
          <parameter id="k" value="2" constant="true">
            <comp:listOfReplacedElements><comp:replacedElement comp:idRef="rate" comp:submodelRef="A"/></comp:listOfReplacedElements>
          </parameter>
        </listOfParameters>
        <comp:listOfSubmodels><comp:submodel comp:id="A" comp:modelRef="growth"/></comp:listOfSubmodels>
      </model>
      <comp:listOfModelDefinitions>
        <comp:modelDefinition id="growth">
          <listOfParameters>
            <parameter id="rate" value="5" constant="true"/>
            <parameter id="x" value="1" constant="false"/>
          </listOfParameters>
          <listOfRules><rateRule variable="x"><math ${MATHML}><ci>rate</ci></math></rateRule></listOfRules>
        </comp:modelDefinition>
      </comp:listOfModelDefinitions>
    </sbml>`;
    const rows = simulateWithSettings(
      importSbml(doc),
      parseSettings('duration: 1\nsteps: 1\nvariables: A__x, k\n'),
    );
    expect(rows[1][1]).toBeCloseTo(3, 9); // x' = k = 2 (the top-level k replaced the submodel's rate of 5)
    expect(rows[1][2]).toBe(2);
  });

  it('bad settings', () => {
    expectError(() => parseSettings('start: 0\nsteps: 10\n'), 'invalid', 'settings', /missing 'duration'/);
    expectError(() => parseSettings('duration: 1\nsteps: 2.5\n'), 'invalid', 'settings', /steps/);
    const model = importSbml(elimination);
    expectError(
      () => simulateWithSettings(model, parseSettings('duration: 1\nsteps: 1\nvariables: Z\n')),
      'invalid',
      'settings',
      /variable 'Z'/,
    );
  });
});
