// SPDX-License-Identifier: MIT
/**
 * Compiles an {@link SbmlModel} once into generated JavaScript over one Float64Array `v` of symbol values:
 * initial values, the assignment rules and reaction rates in dependency order, the derivatives of the states, and
 * the event triggers, delays, priorities and assignments.
 *
 * Species are integrated as amounts; where a species' symbol means a concentration (hasOnlySubstanceUnits false),
 * `v` holds both its concentration (what math reads) and its amount (what reactions change).
 */
import { codeOf, type SbmlCode } from './generated.js';
import { SbmlError } from './errors.js';
import { generate } from './codegen.js';
import { identifiersIn, type MathNode } from './mathml.js';
import type { SbmlModel, SbmlSpecies, SbmlSpeciesReference } from './model.js';
import { inlineFunctions, rewriteApply, substitute } from './transform.js';

type SymbolKind = 'compartment' | 'species' | 'parameter' | 'speciesReference' | 'reaction';

/** One symbol of the model and where its value lives in `v`. */
export interface SbmlSymbol {
  readonly id: string;
  readonly kind: SymbolKind;
  /** The symbol's value as math reads it (a species' concentration unless hasOnlySubstanceUnits). */
  readonly slot: number;
  /** A species' amount (equal to `slot` when hasOnlySubstanceUnits); for other kinds, `slot`. */
  readonly amountSlot: number;
  /** A species' compartment. */
  readonly compartment?: string;
  readonly constant: boolean;
}

/** Static facts about one event, next to its generated code. */
export interface EventInfo {
  readonly id: string;
  readonly persistent: boolean;
  readonly initialValue: boolean;
  readonly useValuesFromTriggerTime: boolean;
  readonly assignmentCount: number;
  /** For a trigger `time ≥ c` with c a number: c, the time it turns true (the run stops there exactly). */
  readonly triggerTime: number | undefined;
}

/** A compiled SBML model: generated functions plus the symbol table. */
export interface CompiledSbml {
  readonly modelId: string;
  readonly symbols: ReadonlyMap<string, SbmlSymbol>;
  /** Number of entries of `v`. */
  readonly valueCount: number;
  /** For each ODE state, its slot in `v`. */
  readonly stateSlots: Int32Array;
  readonly events: readonly EventInfo[];
  readonly code: SbmlCode;
  /** Symbols whose value an assignment rule sets at all times. */
  readonly assignmentRuleTargets: ReadonlySet<string>;
  /** How many delay() the model uses; a run keeps the states' history only when it does. */
  readonly delayCount: number;
  /** The shortest delay given as a number (Infinity when none): steps are kept shorter than it. */
  readonly shortestDelay: number;
  /** The generated JavaScript, for debugging. */
  readonly source: string;
}

interface Node {
  readonly key: string;
  readonly reads: ReadonlySet<string>;
  readonly code: string;
}

const amountKey = (id: string): string => `${id}@amount`;

/**
 * Compiles a model.
 * @throws SbmlError: invalid for dangling references, constant targets and cyclic assignment rules;
 *   unsupported for algebraic rules, delay() and other features named in the message.
 */
export function compileSbml(model: SbmlModel): CompiledSbml {
  return new Planner(model).compile();
}

class Planner {
  private readonly symbols = new Map<string, SbmlSymbol>();
  private valueCount = 0;
  private readonly assignmentRules = new Map<string, MathNode>();
  private readonly rateRules = new Map<string, MathNode>();
  private readonly speciesById = new Map<string, SbmlSpecies>();
  /** Species changed by reactions: their reaction terms (reaction id, signed stoichiometry). */
  private readonly reactionTerms = new Map<
    string,
    { reaction: string; sign: number; ref: SbmlSpeciesReference }[]
  >();
  private readonly localParameters = new Map<string, ReadonlyMap<string, number>>();
  /** Arguments of delay() in order of appearance, and their delays when those are numbers (NaN otherwise). */
  private readonly delayed: { math: MathNode; where: string }[] = [];
  private readonly constantDelays: number[] = [];
  /** Algebraic rules' residuals, and for each the symbol it determines (solved for numerically). */
  private readonly algebraicRules: MathNode[] = [];
  private readonly algebraicTargets: string[] = [];

  constructor(private readonly model: SbmlModel) {}

  compile(): CompiledSbml {
    this.declareSymbols();
    this.collectRules();
    this.collectReactionTerms();
    this.assignAlgebraicRules();
    const states = this.stateIds();
    const stateSlots = Int32Array.from(states, (id) => this.symbol(id, 'state').amountSlot);
    const derived = sortNodes(this.derivedNodes(), 'assignment rules');
    const init = sortNodes(this.initialNodes(), 'initial assignments and assignment rules');
    const lines: string[] = [];
    lines.push('function derive(t, v) {', ...derived.map((n) => `  ${n.code}`), '}');
    lines.push('function rhs(t, y, v, dydt) {');
    states.forEach((_, i) => lines.push(`  v[${stateSlots[i]}] = y[${i}];`));
    lines.push('  derive(t, v);');
    states.forEach((id, i) => lines.push(`  dydt[${i}] = ${this.derivativeCode(id)};`));
    lines.push('}');
    lines.push('function init(t, v, fixed) {', ...init.map((n) => `  ${n.code}`), '}');
    lines.push(...this.eventCode());
    lines.push(...this.delayedCode());
    this.algebraicRules.forEach((residual, k) => {
      const { code } = this.expression(residual, `algebraicRule for ${this.algebraicTargets[k]}`);
      lines.push(`function algebraic${k}(t, v) {`, `  return ${code};`, '}');
    });
    const source = lines.join('\n');
    return {
      modelId: this.model.id,
      symbols: this.symbols,
      valueCount: this.valueCount,
      stateSlots,
      events: this.model.events.map((e) => ({
        id: e.id,
        persistent: e.persistent,
        initialValue: e.initialValue,
        useValuesFromTriggerTime: e.useValuesFromTriggerTime,
        assignmentCount: e.assignments.length,
        triggerTime: timeOfTrigger(e.trigger),
      })),
      code: codeOf(source),
      source,
      assignmentRuleTargets: new Set(this.assignmentRules.keys()),
      delayCount: this.delayed.length,
      shortestDelay:
        this.constantDelays.length === 0
          ? Infinity
          : Math.min(...this.constantDelays.map((d) => (Number.isNaN(d) ? Infinity : d))),
    };
  }

  private declare(id: string, kind: SymbolKind, constant: boolean, extra: Partial<SbmlSymbol> = {}): void {
    const slot = this.valueCount++;
    this.symbols.set(id, { id, kind, slot, amountSlot: slot, constant, ...extra });
  }

  private declareSymbols(): void {
    const m = this.model;
    for (const c of m.compartments) this.declare(c.id, 'compartment', c.constant);
    const dimensionless = new Set(m.compartments.filter((c) => c.spatialDimensions === 0).map((c) => c.id));
    for (const s of m.species) {
      this.speciesById.set(s.id, s);
      const slot = this.valueCount++;
      // In a 0-D compartment a species' symbol is its amount.
      const onlySubstance = s.hasOnlySubstanceUnits || dimensionless.has(s.compartment);
      const amountSlot = onlySubstance ? slot : this.valueCount++;
      this.symbols.set(s.id, {
        id: s.id,
        kind: 'species',
        slot,
        amountSlot,
        compartment: s.compartment,
        constant: s.constant,
      });
    }
    for (const p of m.parameters) this.declare(p.id, 'parameter', p.constant);
    for (const r of m.reactions) {
      for (const ref of [...r.reactants, ...r.products]) {
        if (!this.speciesById.has(ref.species)) {
          throw new SbmlError('invalid', r.id, `species '${ref.species}' is not a species of the model`);
        }
        if (ref.id !== undefined) this.declare(ref.id, 'speciesReference', ref.constant);
      }
      this.localParameters.set(r.id, r.localParameters);
    }
    for (const r of m.reactions) this.declare(r.id, 'reaction', true);
    for (const s of m.species) {
      const cf = s.conversionFactor ?? m.conversionFactor;
      if (cf !== undefined && this.symbols.get(cf)?.kind !== 'parameter') {
        throw new SbmlError('invalid', s.id, `conversion factor '${cf}' is not a parameter`);
      }
    }
  }

  private symbol(id: string, where: string): SbmlSymbol {
    const s = this.symbols.get(id);
    if (!s) throw new SbmlError('invalid', where, `'${id}' is not a symbol of the model`);
    return s;
  }

  private collectRules(): void {
    for (const rule of this.model.rules) {
      if (rule.kind === 'algebraic') {
        this.algebraicRules.push(rule.math);
        continue;
      }
      const id = rule.variable ?? '';
      const where = `${rule.kind}Rule ${id}`;
      const s = this.symbol(id, where);
      if (s.kind === 'reaction') throw new SbmlError('invalid', where, `'${id}' is a reaction`);
      if (s.constant) throw new SbmlError('invalid', where, `'${id}' is constant`);
      if (this.assignmentRules.has(id) || this.rateRules.has(id)) {
        throw new SbmlError('invalid', where, `'${id}' already has a rule`);
      }
      (rule.kind === 'assignment' ? this.assignmentRules : this.rateRules).set(id, rule.math);
      if (rule.kind === 'assignment' && this.model.initialAssignments.has(id)) {
        throw new SbmlError(
          'invalid',
          where,
          `'${id}' has both an assignment rule and an initial assignment`,
        );
      }
    }
    for (const id of this.model.initialAssignments.keys()) {
      const s = this.symbol(id, `initialAssignment ${id}`);
      if (s.kind === 'reaction')
        throw new SbmlError('invalid', `initialAssignment ${id}`, `'${id}' is a reaction`);
    }
  }

  private collectReactionTerms(): void {
    for (const r of this.model.reactions) {
      const add = (ref: SbmlSpeciesReference, sign: number): void => {
        const s = this.speciesById.get(ref.species);
        if (!s || s.boundaryCondition || s.constant) return;
        if (this.assignmentRules.has(s.id) || this.rateRules.has(s.id)) {
          throw new SbmlError('invalid', s.id, 'a species with a rule cannot be changed by a reaction');
        }
        const terms = this.reactionTerms.get(s.id) ?? [];
        terms.push({ reaction: r.id, sign, ref });
        this.reactionTerms.set(s.id, terms);
      };
      for (const ref of r.reactants) add(ref, -1);
      for (const ref of r.products) add(ref, 1);
    }
  }

  /**
   * Gives each algebraic rule the symbol it determines: the first of its symbols that nothing else sets (not
   * constant, no rule, not changed by reactions or events). That symbol then behaves as if set by an assignment rule whose
   * value is the root of the residual, found by the secant method from the previous value.
   */
  private assignAlgebraicRules(): void {
    const eventTargets = new Set(this.model.events.flatMap((e) => e.assignments.map((a) => a.variable)));
    this.algebraicRules.forEach((residual, k) => {
      const inlined = inlineFunctions(residual, this.model.functions, 'algebraicRule');
      const target = [...identifiersIn(inlined)].find((id) => {
        if (eventTargets.has(id) || this.algebraicTargets.includes(id)) return false;
        const s = this.symbols.get(id);
        return (
          s !== undefined &&
          s.kind !== 'reaction' &&
          !s.constant &&
          !this.assignmentRules.has(id) &&
          !this.rateRules.has(id) &&
          !this.reactionTerms.has(id)
        );
      });
      if (target === undefined) {
        throw new SbmlError(
          'unsupported',
          'algebraicRule',
          'an algebraic rule that determines no free symbol',
        );
      }
      this.algebraicTargets.push(target);
      const slot = this.symbol(target, 'algebraicRule').slot;
      this.assignmentRules.set(target, {
        k: 'apply',
        op: '#solve',
        args: [
          { k: 'num', v: k },
          { k: 'num', v: slot },
        ],
      });
    });
  }

  /** Symbols integrated by the ODE solver: rate-rule targets and species that reactions change. */
  private stateIds(): string[] {
    return [...this.symbols.keys()].filter((id) => this.rateRules.has(id) || this.reactionTerms.has(id));
  }

  // ---- expressions ----

  /** Prepares an expression: inlines functions, local parameters and rateOf, then generates its code. */
  private expression(
    math: MathNode,
    where: string,
    reaction?: string,
  ): { code: string; reads: Set<string>; readsAtStart: Set<string> } {
    if (math.k === 'apply' && math.op === '#solve' && math.args[0].k === 'num') {
      // An algebraic rule's target: depends on what its residual reads, except itself.
      const k = math.args[0].v;
      const target = this.algebraicTargets[k];
      const residual = this.expression(this.algebraicRules[k], `algebraicRule for ${target}`);
      residual.reads.delete(target);
      residual.readsAtStart.delete(target);
      return { ...residual, code: generate(math, () => undefined, where) };
    }
    let node = inlineFunctions(math, this.model.functions, where);
    const locals = reaction === undefined ? undefined : this.localParameters.get(reaction);
    if (locals && locals.size > 0) {
      node = substitute(node, new Map([...locals].map(([k, v]): [string, MathNode] => [k, { k: 'num', v }])));
    }
    node = this.expandRateOf(node, where, 0);
    // At the start, delay(x, d) reads x's start value: x's symbols must be initialised first.
    const readsAtStart = identifiersIn(node);
    node = this.registerDelays(node, where);
    const reads = identifiersIn(node);
    const code = generate(node, (name) => this.read(name), where);
    return { code, reads, readsAtStart };
  }

  /**
   * Replaces each `delay(x, d)` by a call of the run's history (`#delayed(k, d)`): x is evaluated at t − d by
   * `delayed(k, …)`, and is no instantaneous dependency of the expression.
   */
  private registerDelays(node: MathNode, where: string): MathNode {
    return rewriteApply(node, 'delay', (args) => {
      if (args.length !== 2)
        throw new SbmlError('invalid', where, `delay() takes 2 arguments, not ${args.length}`);
      const k = this.delayed.length;
      this.delayed.push({ math: args[0], where });
      const delayAmount = args[1];
      if (delayAmount.k === 'num') this.constantDelays.push(delayAmount.v);
      else this.constantDelays.push(NaN);
      return { k: 'apply', op: '#delayed', args: [{ k: 'num', v: k }, delayAmount] };
    });
  }

  /** `function delayed(k, t, v)`: the argument x of the k-th delay(x, d), evaluated on `v` at time t. */
  private delayedCode(): string[] {
    const cases: string[] = [];
    // Generating one argument may register nested delays: loop until all are generated.
    for (let k = 0; k < this.delayed.length; k++) {
      const { math, where } = this.delayed[k];
      const { code } = this.expression(math, where);
      cases.push(`    case ${k}: return ${code};`);
    }
    return ['function delayed(k, t, v) {', '  switch (k) {', ...cases, '  }', '  return NaN;', '}'];
  }

  private read(name: string): string | undefined {
    const s = this.symbols.get(name);
    return s ? `v[${s.slot}]` : undefined;
  }

  private expandRateOf(node: MathNode, where: string, depth: number): MathNode {
    return rewriteApply(node, 'rateOf', (args) => {
      const target = args[0];
      // A local parameter (already replaced by its number) is constant.
      if (args.length === 1 && target.k === 'num') return { k: 'num', v: 0 };
      if (args.length !== 1 || target.k !== 'id') {
        throw new SbmlError('unsupported', where, 'rateOf() of an expression other than a symbol');
      }
      if (depth > 16) throw new SbmlError('invalid', where, 'rateOf() refers to itself');
      return this.expandRateOf(this.rateOfSymbol(target.name, where), where, depth + 1);
    });
  }

  /** The time derivative of a symbol's value as an expression tree (before function inlining is needed). */
  private rateOfSymbol(id: string, where: string): MathNode {
    const s = this.symbol(id, where);
    const rate = this.rateRules.get(id);
    if (rate) return inlineFunctions(rate, this.model.functions, where);
    if (this.assignmentRules.has(id)) {
      throw new SbmlError('unsupported', where, `rateOf(${id}) of a symbol set by an assignment rule`);
    }
    const terms = this.reactionTerms.get(id);
    if (!terms) return { k: 'num', v: 0 };
    const amountRate = this.amountRateNode(id, terms);
    const species = this.speciesById.get(id);
    if (!species || s.slot === s.amountSlot) return amountRate;
    const comp: MathNode = { k: 'id', name: species.compartment };
    const compRate = this.rateRules.get(species.compartment);
    const numerator: MathNode = compRate
      ? {
          k: 'apply',
          op: 'minus',
          args: [amountRate, { k: 'apply', op: 'times', args: [{ k: 'id', name: id }, compRate] }],
        }
      : amountRate;
    return { k: 'apply', op: 'divide', args: [numerator, comp] };
  }

  private amountRateNode(
    id: string,
    terms: readonly { reaction: string; sign: number; ref: SbmlSpeciesReference }[],
  ) {
    const sum: MathNode = {
      k: 'apply',
      op: 'plus',
      args: terms.map((term): MathNode => {
        const stoich: MathNode =
          term.ref.id !== undefined
            ? { k: 'id', name: term.ref.id }
            : { k: 'num', v: term.ref.stoichiometry ?? 1 };
        return {
          k: 'apply',
          op: 'times',
          args: [{ k: 'num', v: term.sign }, stoich, { k: 'id', name: term.reaction }],
        };
      }),
    };
    const cf = this.conversionFactor(id);
    return cf === undefined
      ? sum
      : ({ k: 'apply', op: 'times', args: [{ k: 'id', name: cf }, sum] } as MathNode);
  }

  private conversionFactor(speciesId: string): string | undefined {
    return this.speciesById.get(speciesId)?.conversionFactor ?? this.model.conversionFactor;
  }

  // ---- derived values (every right-hand-side evaluation) ----

  private derivedNodes(): Node[] {
    const nodes: Node[] = [];
    for (const s of this.symbols.values()) {
      const rule = this.assignmentRules.get(s.id);
      if (rule) {
        const { code, reads } = this.expression(rule, `assignmentRule ${s.id}`);
        nodes.push({ key: s.id, reads, code: `v[${s.slot}] = ${code};` });
      }
      if (s.kind === 'species' && s.amountSlot !== s.slot) {
        const comp = this.symbol(s.compartment ?? '', s.id);
        nodes.push(
          rule
            ? {
                key: amountKey(s.id),
                reads: new Set([s.id, comp.id]),
                code: `v[${s.amountSlot}] = v[${s.slot}] * v[${comp.slot}];`,
              }
            : {
                key: s.id,
                reads: new Set([comp.id]),
                code: `v[${s.slot}] = v[${s.amountSlot}] / v[${comp.slot}];`,
              },
        );
      }
    }
    for (const r of this.model.reactions) {
      const { code, reads } = r.kineticLaw
        ? this.expression(r.kineticLaw, `reaction ${r.id} kineticLaw`, r.id)
        : { code: '0', reads: new Set<string>() };
      nodes.push({ key: r.id, reads, code: `v[${this.symbol(r.id, r.id).slot}] = ${code};` });
    }
    return nodes;
  }

  private derivativeCode(id: string): string {
    const s = this.symbol(id, id);
    const rate = this.rateRules.get(id);
    const terms = this.reactionTerms.get(id);
    if (terms) {
      return generate(this.amountRateNode(id, terms), (name) => this.read(name), `species ${id}`);
    }
    if (!rate) return '0';
    const { code } = this.expression(rate, `rateRule ${id}`);
    if (s.kind !== 'species' || s.amountSlot === s.slot) return code;
    // d(c·V)/dt = V·dc/dt + c·dV/dt for a concentration set by a rate rule.
    const comp = this.symbol(s.compartment ?? '', id);
    const compRate = this.rateRules.get(comp.id);
    const dV = compRate ? this.expression(compRate, `rateRule ${comp.id}`).code : '0';
    return `(${code}) * v[${comp.slot}] + v[${s.slot}] * (${dV})`;
  }

  // ---- initial values ----

  private initialNodes(): Node[] {
    const nodes: Node[] = [];
    const ia = this.model.initialAssignments;
    const fromMath = (id: string, slot: number): Node | undefined => {
      const math = ia.get(id) ?? this.assignmentRules.get(id);
      if (!math) return undefined;
      const { code, readsAtStart } = this.expression(math, `initialAssignment ${id}`);
      return { key: id, reads: readsAtStart, code: `v[${slot}] = ${code};` };
    };
    const constantNode = (key: string, slot: number, value: number | undefined): Node => ({
      key,
      reads: new Set(),
      code: `v[${slot}] = ${value === undefined ? 'NaN' : generate({ k: 'num', v: value }, () => undefined, key)};`,
    });
    // A caller may fix the start value of a parameter or compartment (an override): `fixed[slot]` is then 1.
    const overridable = (node: Node, slot: number): Node => ({
      ...node,
      code: `if (fixed[${slot}] === 0) ${node.code}`,
    });
    for (const c of this.model.compartments) {
      const s = this.symbol(c.id, c.id);
      nodes.push(overridable(fromMath(c.id, s.slot) ?? constantNode(c.id, s.slot, c.size), s.slot));
    }
    for (const p of this.model.parameters) {
      const s = this.symbol(p.id, p.id);
      nodes.push(overridable(fromMath(p.id, s.slot) ?? constantNode(p.id, s.slot, p.value), s.slot));
    }
    for (const r of this.model.reactions) {
      for (const ref of [...r.reactants, ...r.products]) {
        if (ref.id === undefined) continue;
        const s = this.symbol(ref.id, ref.id);
        nodes.push(fromMath(ref.id, s.slot) ?? constantNode(ref.id, s.slot, ref.stoichiometry ?? 1));
      }
      const { code, reads } = r.kineticLaw
        ? this.expression(r.kineticLaw, `reaction ${r.id} kineticLaw`, r.id)
        : { code: '0', reads: new Set<string>() };
      nodes.push({ key: r.id, reads, code: `v[${this.symbol(r.id, r.id).slot}] = ${code};` });
    }
    for (const sp of this.model.species)
      nodes.push(...this.initialSpeciesNodes(sp, fromMath(sp.id, this.symbol(sp.id, sp.id).slot)));
    return nodes;
  }

  private initialSpeciesNodes(sp: SbmlSpecies, math: Node | undefined): Node[] {
    const s = this.symbol(sp.id, sp.id);
    const comp = this.symbol(sp.compartment, sp.id);
    const V = `v[${comp.slot}]`;
    const onlySubstance = s.slot === s.amountSlot;
    const num = (x: number): string => generate({ k: 'num', v: x }, () => undefined, sp.id);
    const amountFromSymbol: Node = {
      key: amountKey(sp.id),
      reads: new Set([sp.id, comp.id]),
      code: `v[${s.amountSlot}] = v[${s.slot}] * ${V};`,
    };
    if (math) return onlySubstance ? [math] : [math, amountFromSymbol];
    if (sp.initialConcentration !== undefined) {
      const c = num(sp.initialConcentration);
      if (onlySubstance)
        return [{ key: sp.id, reads: new Set([comp.id]), code: `v[${s.slot}] = ${c} * ${V};` }];
      return [{ key: sp.id, reads: new Set(), code: `v[${s.slot}] = ${c};` }, amountFromSymbol];
    }
    const amount = sp.initialAmount === undefined ? 'NaN' : num(sp.initialAmount);
    if (onlySubstance) return [{ key: sp.id, reads: new Set(), code: `v[${s.slot}] = ${amount};` }];
    return [
      { key: amountKey(sp.id), reads: new Set(), code: `v[${s.amountSlot}] = ${amount};` },
      {
        key: sp.id,
        reads: new Set([amountKey(sp.id), comp.id]),
        code: `v[${s.slot}] = v[${s.amountSlot}] / ${V};`,
      },
    ];
  }

  // ---- events ----

  private eventCode(): string[] {
    const events = this.model.events;
    const lines: string[] = ['function triggers(t, v, out) {'];
    events.forEach((e, i) => {
      const code = e.trigger ? this.expression(e.trigger, `event ${e.id} trigger`).code : '0';
      lines.push(`  out[${i}] = ${code} ? 1 : 0;`);
    });
    lines.push('}', 'function delay(i, t, v) {', '  switch (i) {');
    events.forEach((e, i) => {
      if (e.delay)
        lines.push(`    case ${i}: return ${this.expression(e.delay, `event ${e.id} delay`).code};`);
    });
    lines.push('  }', '  return 0;', '}', 'function priority(i, t, v) {', '  switch (i) {');
    events.forEach((e, i) => {
      if (e.priority) {
        lines.push(`    case ${i}: return ${this.expression(e.priority, `event ${e.id} priority`).code};`);
      }
    });
    lines.push('  }', '  return NaN;', '}', 'function values(i, t, v, out) {', '  switch (i) {');
    events.forEach((e, i) => {
      lines.push(`    case ${i}:`);
      e.assignments.forEach((a, j) => {
        lines.push(
          `      out[${j}] = ${this.expression(a.math, `event ${e.id} assignment to ${a.variable}`).code};`,
        );
      });
      lines.push('      return;');
    });
    lines.push('  }', '}', 'function assign(i, v, x) {', '  switch (i) {');
    events.forEach((e, i) => {
      lines.push(`    case ${i}:`);
      // Species first: an assigned concentration becomes an amount with the compartment's size before the event
      // (all assignments of one event happen at once; suite case 01779).
      const order = e.assignments
        .map((a, j) => ({ a, j, s: this.symbol(a.variable, `event ${e.id}`) }))
        .sort((p, q) => Number(q.s.kind === 'species') - Number(p.s.kind === 'species'));
      for (const { a, j, s } of order) {
        if (s.constant || s.kind === 'reaction' || this.assignmentRules.has(s.id)) {
          throw new SbmlError('invalid', `event ${e.id}`, `'${a.variable}' cannot be assigned by an event`);
        }
        lines.push(`      v[${s.slot}] = x[${j}];`);
        if (s.amountSlot !== s.slot) {
          const comp = this.symbol(s.compartment ?? '', s.id);
          lines.push(`      v[${s.amountSlot}] = x[${j}] * v[${comp.slot}];`);
        }
      }
      lines.push('      return;');
    });
    lines.push('  }', '}');
    return lines;
  }
}

/**
 * Orders nodes so that each comes after the nodes defining what it reads.
 * @throws SbmlError (invalid) naming the symbols of a cycle.
 */
function sortNodes(nodes: readonly Node[], what: string): Node[] {
  const byKey = new Map(nodes.map((n) => [n.key, n]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: Node[] = [];
  const visit = (node: Node, path: string[]): void => {
    const mark = state.get(node.key);
    if (mark === 'done') return;
    if (mark === 'visiting') {
      const cycle = path
        .slice(path.indexOf(node.key))
        .concat(node.key)
        .filter((k) => !k.endsWith('@amount'));
      throw new SbmlError('invalid', cycle[0] ?? node.key, `cyclic ${what}: ${cycle.join(' -> ')}`);
    }
    state.set(node.key, 'visiting');
    for (const dep of node.reads) {
      const next = byKey.get(dep);
      if (next && next !== node) visit(next, [...path, node.key]);
      else if (next === node && dep === node.key) {
        throw new SbmlError('invalid', node.key, `cyclic ${what}: ${node.key} refers to itself`);
      }
    }
    state.set(node.key, 'done');
    order.push(node);
  };
  for (const n of nodes) visit(n, []);
  return order;
}

/** c for a trigger `time ≥ c` (or `c ≤ time`) with c a number; undefined for any other trigger. */
function timeOfTrigger(trigger: MathNode | undefined): number | undefined {
  if (trigger?.k !== 'apply' || trigger.args.length !== 2) return undefined;
  const [a, b] =
    trigger.op === 'geq' ? trigger.args : trigger.op === 'leq' ? [...trigger.args].reverse() : [];
  return a?.k === 'time' && b?.k === 'num' && Number.isFinite(b.v) ? b.v : undefined;
}
