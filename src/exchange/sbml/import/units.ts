// SPDX-License-Identifier: MIT
/**
 * Unit consistency of an SBML model, by dimension. Every symbol's unit comes from its declaration (or the model's
 * defaults: substance, time, volume, area, length and extent units), every literal's from its `sbml:units`; then
 * each rule, initial assignment, kinetic law, event assignment and event delay must have the unit of what it sets.
 *
 * Only definite contradictions are reported: a quantity whose unit is not declared (a parameter without `units`,
 * a number without `sbml:units`) leaves the expressions around it unchecked, as in libSBML. Dimensions are compared,
 * not scales (`mmol` against `mol` is a scale a modeller may fold into a parameter, not an error).
 */
import { SbmlError } from './errors.js';
import type { MathNode } from './mathml.js';
import { childNamed, childrenNamed, type XmlElement } from './xml.js';

/** What the check reads of a model (an `SbmlModel` is one; declared here so that `model.ts` can call the check). */
export interface UnitCheckedModel {
  readonly functions: ReadonlyMap<string, Extract<MathNode, { k: 'lambda' }>>;
  readonly compartments: readonly { readonly id: string; readonly spatialDimensions: number }[];
  readonly species: readonly {
    readonly id: string;
    readonly compartment: string;
    readonly hasOnlySubstanceUnits: boolean;
  }[];
  readonly initialAssignments: ReadonlyMap<string, MathNode>;
  readonly rules: readonly {
    readonly kind: string;
    readonly variable: string | undefined;
    readonly math: MathNode;
  }[];
  readonly reactions: readonly {
    readonly id: string;
    readonly reactants: readonly { readonly id: string | undefined }[];
    readonly products: readonly { readonly id: string | undefined }[];
    readonly kineticLaw: MathNode | undefined;
  }[];
  readonly events: readonly {
    readonly id: string;
    readonly delay: MathNode | undefined;
    readonly assignments: readonly { readonly variable: string; readonly math: MathNode }[];
  }[];
}

/** Exponents of metre, kilogram, second, ampere, kelvin, mole, candela and item. */
type Dimension = readonly number[];
const BASES = ['metre', 'kilogram', 'second', 'ampere', 'kelvin', 'mole', 'candela', 'item'] as const;

const dim = (...pairs: [(typeof BASES)[number], number][]): Dimension => {
  const d = BASES.map(() => 0);
  for (const [base, exponent] of pairs) d[BASES.indexOf(base)] = exponent;
  return d;
};
const ONE = dim();

/** SBML Level 3's base unit kinds as dimensions (scales do not matter here). */
const KINDS: Readonly<Record<string, Dimension>> = {
  ampere: dim(['ampere', 1]),
  avogadro: ONE,
  becquerel: dim(['second', -1]),
  candela: dim(['candela', 1]),
  coulomb: dim(['ampere', 1], ['second', 1]),
  dimensionless: ONE,
  farad: dim(['kilogram', -1], ['metre', -2], ['second', 4], ['ampere', 2]),
  gram: dim(['kilogram', 1]),
  gray: dim(['metre', 2], ['second', -2]),
  henry: dim(['kilogram', 1], ['metre', 2], ['second', -2], ['ampere', -2]),
  hertz: dim(['second', -1]),
  item: dim(['item', 1]),
  joule: dim(['kilogram', 1], ['metre', 2], ['second', -2]),
  katal: dim(['mole', 1], ['second', -1]),
  kelvin: dim(['kelvin', 1]),
  kilogram: dim(['kilogram', 1]),
  litre: dim(['metre', 3]),
  lumen: dim(['candela', 1]),
  lux: dim(['candela', 1], ['metre', -2]),
  metre: dim(['metre', 1]),
  mole: dim(['mole', 1]),
  newton: dim(['kilogram', 1], ['metre', 1], ['second', -2]),
  ohm: dim(['kilogram', 1], ['metre', 2], ['second', -3], ['ampere', -2]),
  pascal: dim(['kilogram', 1], ['metre', -1], ['second', -2]),
  radian: ONE,
  second: dim(['second', 1]),
  siemens: dim(['kilogram', -1], ['metre', -2], ['second', 3], ['ampere', 2]),
  sievert: dim(['metre', 2], ['second', -2]),
  steradian: ONE,
  tesla: dim(['kilogram', 1], ['second', -2], ['ampere', -1]),
  volt: dim(['kilogram', 1], ['metre', 2], ['second', -3], ['ampere', -1]),
  watt: dim(['kilogram', 1], ['metre', 2], ['second', -3]),
  weber: dim(['kilogram', 1], ['metre', 2], ['second', -2], ['ampere', -1]),
};

const times = (a: Dimension, b: Dimension, power = 1): Dimension => a.map((x, i) => x + power * b[i]);
const raise = (a: Dimension, power: number): Dimension => a.map((x) => x * power);
const same = (a: Dimension, b: Dimension): boolean => a.every((x, i) => Math.abs(x - b[i]) < 1e-9);
const isOne = (a: Dimension): boolean => same(a, ONE);

/** A dimension in words: `mole·metre^-3`, `dimensionless`. */
function describe(d: Dimension): string {
  const parts = BASES.flatMap((base, i) =>
    Math.abs(d[i]) < 1e-9 ? [] : [d[i] === 1 ? base : `${base}^${Number(d[i].toPrecision(6))}`],
  );
  return parts.length === 0 ? 'dimensionless' : parts.join('·');
}

type Unit = Dimension | undefined;
const MATH_ARGUMENT_DIMENSIONLESS = new Set([
  'exp', 'ln', 'factorial', 'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'sinh', 'cosh', 'tanh', 'sech', 'csch',
  'coth', 'arcsin', 'arccos', 'arctan', 'arcsec', 'arccsc', 'arccot', 'arcsinh', 'arccosh', 'arctanh', 'arcsech',
  'arccsch', 'arccoth',
]); // prettier-ignore
const SAME_UNIT_ARGUMENTS = new Set(['plus', 'minus', 'max', 'min']);
const RELATIONAL = new Set(['eq', 'neq', 'gt', 'lt', 'geq', 'leq']);

/**
 * Checks the units of a core model (comp documents are flattened from several models and are not checked).
 * @param element the `<model>` element, for the unit declarations.
 * @throws SbmlError (invalid) naming the element and the two units that disagree.
 */
export function checkUnits(element: XmlElement, model: UnitCheckedModel): void {
  new UnitChecker(element, model).check();
}

class UnitChecker {
  private readonly definitions = new Map<string, Unit>();
  private readonly symbols = new Map<string, Unit>();
  private readonly time: Unit;
  private readonly extent: Unit;
  /** Local parameters of the kinetic law being checked, and the arguments of an inlined function. */
  private scope = new Map<string, Unit>();

  constructor(
    private readonly element: XmlElement,
    private readonly model: UnitCheckedModel,
  ) {
    for (const d of this.items('listOfUnitDefinitions', 'unitDefinition')) {
      let unit: Unit = ONE;
      for (const u of this.items('listOfUnits', 'unit', d)) {
        const kind = KINDS[u.attrs.get('kind') ?? ''];
        const exponent = Number(u.attrs.get('exponent') ?? '1');
        unit = unit && kind && Number.isFinite(exponent) ? times(unit, kind, exponent) : undefined;
      }
      this.definitions.set(d.attrs.get('id') ?? '', unit);
    }
    const attr = (name: string): Unit => this.unit(element.attrs.get(name));
    this.time = attr('timeUnits');
    this.extent = attr('extentUnits');
    const substance = attr('substanceUnits');
    const bySize: Readonly<Record<number, Unit>> = {
      3: attr('volumeUnits'),
      2: attr('areaUnits'),
      1: attr('lengthUnits'),
    };
    const compartments = new Map(
      this.items('listOfCompartments', 'compartment').map((c) => [c.attrs.get('id'), c]),
    );
    for (const c of model.compartments) {
      const declared = compartments.get(c.id)?.attrs.get('units');
      this.symbols.set(c.id, declared === undefined ? bySize[c.spatialDimensions] : this.unit(declared));
    }
    const species = new Map(this.items('listOfSpecies', 'species').map((s) => [s.attrs.get('id'), s]));
    for (const s of model.species) {
      const declared = species.get(s.id)?.attrs.get('substanceUnits');
      const amount = declared === undefined ? substance : this.unit(declared);
      const size = this.symbols.get(s.compartment);
      const zeroD = model.compartments.find((c) => c.id === s.compartment)?.spatialDimensions === 0;
      this.symbols.set(
        s.id,
        s.hasOnlySubstanceUnits || zeroD ? amount : amount && size ? times(amount, size, -1) : undefined,
      );
    }
    for (const p of this.items('listOfParameters', 'parameter')) {
      this.symbols.set(p.attrs.get('id') ?? '', this.unit(p.attrs.get('units')));
    }
    for (const r of model.reactions) {
      this.symbols.set(r.id, this.extent && this.time ? times(this.extent, this.time, -1) : undefined);
      for (const ref of [...r.reactants, ...r.products])
        if (ref.id !== undefined) this.symbols.set(ref.id, ONE);
    }
  }

  check(): void {
    const { model } = this;
    for (const [symbol, math] of model.initialAssignments) {
      this.expect(`initialAssignment ${symbol}`, math, this.symbols.get(symbol), `the unit of ${symbol}`);
    }
    for (const rule of model.rules) {
      if (rule.variable === undefined) continue;
      const target = this.symbols.get(rule.variable);
      if (rule.kind === 'assignment') {
        this.expect(`assignmentRule ${rule.variable}`, rule.math, target, `the unit of ${rule.variable}`);
      } else {
        const perTime = target && this.time ? times(target, this.time, -1) : undefined;
        this.expect(`rateRule ${rule.variable}`, rule.math, perTime, `the unit of ${rule.variable} per time`);
      }
    }
    const reactions = new Map(this.items('listOfReactions', 'reaction').map((r) => [r.attrs.get('id'), r]));
    for (const r of model.reactions) {
      if (!r.kineticLaw) continue;
      const law = childNamed(reactions.get(r.id) ?? this.element, 'kineticLaw');
      this.scope = new Map(
        (law ? this.items('listOfLocalParameters', 'localParameter', law) : []).map((p) => [
          p.attrs.get('id') ?? '',
          this.unit(p.attrs.get('units')),
        ]),
      );
      this.expect(`reaction ${r.id} kineticLaw`, r.kineticLaw, this.symbols.get(r.id), 'extent per time');
      this.scope = new Map();
    }
    for (const e of model.events) {
      if (e.delay) this.expect(`event ${e.id} delay`, e.delay, this.time, 'the model time unit');
      for (const a of e.assignments) {
        const target = this.symbols.get(a.variable);
        this.expect(`event ${e.id} assignment to ${a.variable}`, a.math, target, `the unit of ${a.variable}`);
      }
    }
  }

  private items(listName: string, item: string, parent: XmlElement = this.element): XmlElement[] {
    const list = childNamed(parent, listName);
    return list ? childrenNamed(list, item) : [];
  }

  /** A unit reference: a unit definition's id or a base unit kind; undefined when absent or unknown. */
  private unit(id: string | undefined): Unit {
    if (id === undefined) return undefined;
    return this.definitions.has(id) ? this.definitions.get(id) : KINDS[id];
  }

  private expect(where: string, math: MathNode, wanted: Unit, what: string): void {
    const got = this.of(math, where);
    if (got && wanted && !same(got, wanted)) {
      throw new SbmlError(
        'invalid',
        where,
        `inconsistent units: the math is in ${describe(got)}, ${what} is ${describe(wanted)}`,
      );
    }
  }

  private fail(where: string, reason: string): never {
    throw new SbmlError('invalid', where, `inconsistent units: ${reason}`);
  }

  /** The unit of an expression (undefined when something in it has no declared unit); checks as it goes. */
  private of(node: MathNode, where: string): Unit {
    switch (node.k) {
      case 'num':
        return node.units === undefined ? undefined : this.unit(node.units);
      case 'id':
        return this.scope.has(node.name) ? this.scope.get(node.name) : this.symbols.get(node.name);
      case 'time':
        return this.time;
      case 'avogadro':
      case 'lambda':
        return undefined;
      case 'piecewise': {
        for (const [, condition] of node.pieces) this.of(condition, where);
        const values = [...node.pieces.map(([value]) => value), ...(node.otherwise ? [node.otherwise] : [])];
        return this.agreeing(values, where, 'the pieces of a piecewise');
      }
      case 'call':
        return this.call(node.fn, node.args, where);
      case 'apply':
        return this.apply(node.op, node.args, where);
    }
  }

  /** The unit shared by `nodes` (those with a unit must agree). */
  private agreeing(nodes: readonly MathNode[], where: string, what: string): Unit {
    let found: Unit;
    for (const n of nodes) {
      const u = this.of(n, where);
      if (u === undefined) continue;
      if (found && !same(found, u)) this.fail(where, `${what} are in ${describe(found)} and ${describe(u)}`);
      found = u;
    }
    return found;
  }

  private call(fn: string, args: readonly MathNode[], where: string): Unit {
    const lambda = this.model.functions.get(fn);
    if (!lambda || lambda.params.length !== args.length) return undefined;
    const bound = new Map(lambda.params.map((p, i) => [p, this.of(args[i], where)]));
    const outer = this.scope;
    this.scope = bound;
    try {
      return this.of(lambda.body, `${where} (function ${fn})`);
    } finally {
      this.scope = outer;
    }
  }

  private apply(op: string, args: readonly MathNode[], where: string): Unit {
    const units = (): Unit[] => args.map((a) => this.of(a, where));
    if (SAME_UNIT_ARGUMENTS.has(op)) return this.agreeing(args, where, `the arguments of ${op}`);
    if (RELATIONAL.has(op)) {
      this.agreeing(args, where, `the sides of ${op}`);
      return undefined;
    }
    if (MATH_ARGUMENT_DIMENSIONLESS.has(op)) {
      for (const u of units())
        if (u && !isOne(u)) this.fail(where, `${op}() of a quantity in ${describe(u)}`);
      return ONE;
    }
    switch (op) {
      case 'times':
        return units().reduce<Unit>((a, b) => (a && b ? times(a, b) : undefined), ONE);
      case 'divide': {
        const [a, b] = units();
        return a && b ? times(a, b, -1) : undefined;
      }
      case 'power':
        return this.power(args, where);
      case 'root': {
        const [degree, x] = args;
        const u = this.of(x, where);
        if (u && isOne(u)) return ONE;
        return u && degree.k === 'num' && degree.v !== 0 ? raise(u, 1 / degree.v) : undefined;
      }
      case 'log': {
        const [, x] = units();
        if (x && !isOne(x)) this.fail(where, `log() of a quantity in ${describe(x)}`);
        return ONE;
      }
      case 'abs':
      case 'floor':
      case 'ceiling':
        return units()[0];
      case 'delay': {
        const [x, d] = units();
        if (d && this.time && !same(d, this.time)) {
          this.fail(where, `delay() by a quantity in ${describe(d)}, not in the model time unit`);
        }
        return x;
      }
      case 'rateOf': {
        const [x] = units();
        return x && this.time ? times(x, this.time, -1) : undefined;
      }
      default:
        units(); // logical operators, rem, quotient: check inside, no unit out
        return undefined;
    }
  }

  private power(args: readonly MathNode[], where: string): Unit {
    const [base, exponent] = args;
    const b = this.of(base, where);
    const e = this.of(exponent, where);
    if (e && !isOne(e)) this.fail(where, `an exponent in ${describe(e)}`);
    if (b && isOne(b)) return ONE;
    return b && exponent.k === 'num' ? raise(b, exponent.v) : undefined;
  }
}
