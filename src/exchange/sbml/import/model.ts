// SPDX-License-Identifier: MIT
/** Reads an SBML Level 3 document into plain data, checking structure and references (not yet semantics). */
import { flattenComp } from './comp.js';
import { SbmlError } from './errors.js';
import { readMath, type MathNode } from './mathml.js';
import { checkUnits } from './units.js';
import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml.js';

const SBML_L3_NS = /^http:\/\/www\.sbml\.org\/sbml\/level3\/version[12]\/core$/;

/** A compartment; `size` is absent when only an initial assignment or rule gives it. */
export interface SbmlCompartment {
  readonly id: string;
  readonly size: number | undefined;
  readonly constant: boolean;
  /** 0 for a compartment without size: its species are amounts. */
  readonly spatialDimensions: number;
}

/** A species, with the attributes that change its meaning in math and in reactions. */
export interface SbmlSpecies {
  readonly id: string;
  readonly compartment: string;
  readonly initialAmount: number | undefined;
  readonly initialConcentration: number | undefined;
  readonly hasOnlySubstanceUnits: boolean;
  readonly boundaryCondition: boolean;
  readonly constant: boolean;
  readonly conversionFactor: string | undefined;
}

/** A global parameter. */
export interface SbmlParameter {
  readonly id: string;
  readonly value: number | undefined;
  readonly constant: boolean;
}

/** A reactant or product; `id` makes its stoichiometry a symbol that math, rules and events may use. */
export interface SbmlSpeciesReference {
  readonly id: string | undefined;
  readonly species: string;
  readonly stoichiometry: number | undefined;
  readonly constant: boolean;
}

/** A reaction with its kinetic law (absent: rate 0) and local parameters (they shadow global ids). */
export interface SbmlReaction {
  readonly id: string;
  readonly reactants: readonly SbmlSpeciesReference[];
  readonly products: readonly SbmlSpeciesReference[];
  readonly kineticLaw: MathNode | undefined;
  readonly localParameters: ReadonlyMap<string, number>;
}

/** An assignment, rate or algebraic rule. */
export interface SbmlRule {
  readonly kind: 'assignment' | 'rate' | 'algebraic';
  /** Target symbol (absent for algebraic rules). */
  readonly variable: string | undefined;
  readonly math: MathNode;
}

/** An event: trigger, optional delay and priority, and its assignments. */
export interface SbmlEvent {
  readonly id: string;
  readonly useValuesFromTriggerTime: boolean;
  /** Absent: the event can never fire. */
  readonly trigger: MathNode | undefined;
  readonly initialValue: boolean;
  readonly persistent: boolean;
  readonly delay: MathNode | undefined;
  readonly priority: MathNode | undefined;
  readonly assignments: readonly { readonly variable: string; readonly math: MathNode }[];
}

/** A whole SBML model as data. */
export interface SbmlModel {
  readonly id: string;
  readonly conversionFactor: string | undefined;
  readonly functions: ReadonlyMap<string, Extract<MathNode, { k: 'lambda' }>>;
  readonly compartments: readonly SbmlCompartment[];
  readonly species: readonly SbmlSpecies[];
  readonly parameters: readonly SbmlParameter[];
  readonly initialAssignments: ReadonlyMap<string, MathNode>;
  readonly rules: readonly SbmlRule[];
  readonly reactions: readonly SbmlReaction[];
  readonly events: readonly SbmlEvent[];
}

const MODEL_LISTS = new Set([
  'listOfFunctionDefinitions',
  'listOfUnitDefinitions',
  'listOfCompartments',
  'listOfSpecies',
  'listOfParameters',
  'listOfInitialAssignments',
  'listOfRules',
  'listOfConstraints',
  'listOfReactions',
  'listOfEvents',
  'notes',
  'annotation',
]);

/**
 * Parses and checks an SBML Level 3 document.
 * @throws SbmlError: `invalid` for malformed XML, unknown elements, bad attributes or dangling references;
 *   `unsupported` for Level 1/2 documents and required packages (comp, fbc, …).
 */
export function readSbml(source: string): SbmlModel {
  const root = parseXml(source);
  if (root.name !== 'sbml')
    throw new SbmlError('invalid', 'document', `root element is <${root.name}>, not <sbml>`);
  if (!SBML_L3_NS.test(root.ns)) {
    throw new SbmlError('unsupported', 'sbml', `namespace '${root.ns}' (only SBML Level 3 core is read)`);
  }
  let usesComp = false;
  for (const [name, value] of root.attrs) {
    if (!name.endsWith(':required')) continue;
    const prefix = name.split(':')[0];
    if (prefix === 'comp') usesComp = true;
    else throw new SbmlError('unsupported', 'sbml', `package '${prefix}' (required="${value}")`);
  }
  const found = childNamed(root, 'model');
  if (!found) throw new SbmlError('invalid', 'sbml', 'no <model>');
  let model = found;
  if (usesComp) {
    const definitions = new Map<string, XmlElement>();
    for (const list of root.children.filter((c) => c.name === 'listOfModelDefinitions')) {
      for (const d of list.children)
        if (d.name === 'modelDefinition') definitions.set(d.attrs.get('id') ?? '', d);
    }
    model = flattenComp(found, definitions);
  }
  checkChildren(model, 'model', MODEL_LISTS, root.ns);
  const read = new ModelReader(model, root.ns).read();
  // A flattened comp model mixes the unit declarations of several model definitions: its units are not checked.
  if (!usesComp) checkUnits(model, read);
  return read;
}

/** Rejects children of `e` that are not in `known` (in the core namespace); foreign packages are unsupported. */
function checkChildren(e: XmlElement, where: string, known: ReadonlySet<string>, ns: string): void {
  for (const c of e.children) {
    if (c.ns !== ns) {
      throw new SbmlError('unsupported', where, `element <${c.name}> of package namespace '${c.ns}'`);
    }
    if (!known.has(c.name)) throw new SbmlError('invalid', where, `unknown element <${c.name}>`);
  }
}

function parseBoolean(value: string | undefined, where: string, field: string): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true' || value === '1') return true;
  if (value === 'false' || value === '0') return false;
  throw new SbmlError('invalid', where, `${field}="${value}" is not a boolean`);
}

function parseDouble(value: string | undefined, where: string, field: string): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  const x = v === 'INF' ? Infinity : v === '-INF' ? -Infinity : v === 'NaN' ? NaN : Number(v);
  if (v === '' || (Number.isNaN(x) && v !== 'NaN')) {
    throw new SbmlError('invalid', where, `${field}="${value}" is not a number`);
  }
  return x;
}

const SID = /^[A-Za-z_][A-Za-z0-9_]*$/;

class ModelReader {
  private readonly ids = new Set<string>();

  constructor(
    private readonly model: XmlElement,
    private readonly ns: string,
  ) {}

  read(): SbmlModel {
    const functions = new Map<string, Extract<MathNode, { k: 'lambda' }>>();
    for (const f of this.list('listOfFunctionDefinitions', 'functionDefinition')) {
      const id = this.id(f, 'functionDefinition');
      const math = this.math(f, id);
      if (!math) continue; // a function definition without math is allowed and unusable
      if (math.k !== 'lambda')
        throw new SbmlError('invalid', id, 'function definition math is not a <lambda>');
      functions.set(id, math);
    }
    const compartments = this.list('listOfCompartments', 'compartment').map((c): SbmlCompartment => {
      const id = this.id(c, 'compartment');
      return {
        id,
        size: parseDouble(c.attrs.get('size'), id, 'size'),
        constant: this.bool(c, id, 'constant', true),
        spatialDimensions: parseDouble(c.attrs.get('spatialDimensions'), id, 'spatialDimensions') ?? 3,
      };
    });
    const compartmentIds = new Set(compartments.map((c) => c.id));
    const species = this.list('listOfSpecies', 'species').map((s): SbmlSpecies => {
      const id = this.id(s, 'species');
      const compartment = s.attrs.get('compartment') ?? '';
      if (!compartmentIds.has(compartment)) {
        throw new SbmlError('invalid', id, `compartment '${compartment}' is not a compartment of the model`);
      }
      const initialAmount = parseDouble(s.attrs.get('initialAmount'), id, 'initialAmount');
      const initialConcentration = parseDouble(
        s.attrs.get('initialConcentration'),
        id,
        'initialConcentration',
      );
      if (initialAmount !== undefined && initialConcentration !== undefined) {
        throw new SbmlError('invalid', id, 'both initialAmount and initialConcentration are set');
      }
      return {
        id,
        compartment,
        initialAmount,
        initialConcentration,
        hasOnlySubstanceUnits: this.bool(s, id, 'hasOnlySubstanceUnits', false),
        boundaryCondition: this.bool(s, id, 'boundaryCondition', false),
        constant: this.bool(s, id, 'constant', false),
        conversionFactor: s.attrs.get('conversionFactor'),
      };
    });
    const parameters = this.list('listOfParameters', 'parameter').map((p): SbmlParameter => {
      const id = this.id(p, 'parameter');
      return {
        id,
        value: parseDouble(p.attrs.get('value'), id, 'value'),
        constant: this.bool(p, id, 'constant', true),
      };
    });
    const initialAssignments = new Map<string, MathNode>();
    for (const a of this.list('listOfInitialAssignments', 'initialAssignment')) {
      const symbol = a.attrs.get('symbol') ?? '';
      const where = `initialAssignment ${symbol}`;
      if (initialAssignments.has(symbol))
        throw new SbmlError('invalid', where, 'a second initial assignment');
      const math = this.math(a, where);
      if (math) initialAssignments.set(symbol, math);
    }
    const rules = this.readRules();
    const reactions = this.list('listOfReactions', 'reaction').map((r) => this.readReaction(r));
    const events = this.list('listOfEvents', 'event').map((e, i) => this.readEvent(e, i));
    const conversionFactor = this.model.attrs.get('conversionFactor');
    return {
      id: this.model.attrs.get('id') ?? 'model',
      conversionFactor,
      functions,
      compartments,
      species,
      parameters,
      initialAssignments,
      rules,
      reactions,
      events,
    };
  }

  /** The elements named `item` of the list `listName` (checked: nothing else may be in it). */
  private list(listName: string, item: string, parent: XmlElement = this.model): XmlElement[] {
    const list = childNamed(parent, listName);
    if (!list) return [];
    checkChildren(list, listName, new Set([item, 'notes', 'annotation']), this.ns);
    return childrenNamed(list, item);
  }

  private id(e: XmlElement, what: string): string {
    const id = e.attrs.get('id');
    if (id === undefined) throw new SbmlError('invalid', `${what} on line ${e.line}`, 'missing id');
    if (!SID.test(id)) throw new SbmlError('invalid', id, `id '${id}' is not a valid SBML SId`);
    if (this.ids.has(id)) throw new SbmlError('invalid', id, 'duplicate id');
    this.ids.add(id);
    return id;
  }

  private bool(e: XmlElement, where: string, field: string, fallback: boolean): boolean {
    return parseBoolean(e.attrs.get(field), where, field) ?? fallback;
  }

  private math(e: XmlElement, where: string): MathNode | undefined {
    const math = childNamed(e, 'math');
    return math ? readMath(math, where) : undefined;
  }

  private readRules(): SbmlRule[] {
    const list = childNamed(this.model, 'listOfRules');
    if (!list) return [];
    const kinds = { assignmentRule: 'assignment', rateRule: 'rate', algebraicRule: 'algebraic' } as const;
    checkChildren(list, 'listOfRules', new Set([...Object.keys(kinds), 'notes', 'annotation']), this.ns);
    const rules: SbmlRule[] = [];
    for (const r of list.children) {
      if (!(r.name in kinds)) continue;
      const kind = kinds[r.name as keyof typeof kinds];
      const variable = kind === 'algebraic' ? undefined : r.attrs.get('variable');
      const where = variable === undefined ? `${r.name} on line ${r.line}` : `${r.name} ${variable}`;
      if (kind !== 'algebraic' && variable === undefined)
        throw new SbmlError('invalid', where, 'missing variable');
      const math = this.math(r, where);
      if (math) rules.push({ kind, variable, math });
    }
    return rules;
  }

  private readReaction(r: XmlElement): SbmlReaction {
    const id = this.id(r, 'reaction');
    checkChildren(
      r,
      id,
      new Set(['listOfReactants', 'listOfProducts', 'listOfModifiers', 'kineticLaw', 'notes', 'annotation']),
      this.ns,
    );
    const refs = (listName: string): SbmlSpeciesReference[] =>
      this.list(listName, 'speciesReference', r).map((s) => {
        const refId = s.attrs.get('id');
        if (refId !== undefined) this.id(s, 'speciesReference');
        return {
          id: refId,
          species: s.attrs.get('species') ?? '',
          stoichiometry: parseDouble(s.attrs.get('stoichiometry'), refId ?? id, 'stoichiometry'),
          constant: this.bool(s, refId ?? id, 'constant', true),
        };
      });
    const reactants = refs('listOfReactants');
    const products = refs('listOfProducts');
    for (const m of this.list('listOfModifiers', 'modifierSpeciesReference', r)) {
      if (m.attrs.get('id') !== undefined) this.id(m, 'modifierSpeciesReference');
    }
    const law = childNamed(r, 'kineticLaw');
    const localParameters = new Map<string, number>();
    let kineticLaw: MathNode | undefined;
    if (law) {
      for (const p of this.list('listOfLocalParameters', 'localParameter', law)) {
        const pid = p.attrs.get('id') ?? '';
        if (localParameters.has(pid))
          throw new SbmlError('invalid', `${id} ${pid}`, 'duplicate local parameter');
        localParameters.set(pid, parseDouble(p.attrs.get('value'), `${id} ${pid}`, 'value') ?? NaN);
      }
      kineticLaw = this.math(law, `reaction ${id} kineticLaw`);
    }
    return { id, reactants, products, kineticLaw, localParameters };
  }

  private readEvent(e: XmlElement, index: number): SbmlEvent {
    const id = e.attrs.get('id') ?? `event#${index + 1}`;
    if (e.attrs.has('id')) this.id(e, 'event');
    checkChildren(
      e,
      id,
      new Set(['trigger', 'delay', 'priority', 'listOfEventAssignments', 'notes', 'annotation']),
      this.ns,
    );
    const trigger = childNamed(e, 'trigger');
    const triggerMath = trigger ? this.math(trigger, `event ${id} trigger`) : undefined;
    const delay = childNamed(e, 'delay');
    const priority = childNamed(e, 'priority');
    return {
      id,
      useValuesFromTriggerTime: this.bool(e, id, 'useValuesFromTriggerTime', true),
      trigger: triggerMath,
      initialValue: trigger ? this.bool(trigger, id, 'initialValue', true) : true,
      persistent: trigger ? this.bool(trigger, id, 'persistent', true) : true,
      delay: delay ? this.math(delay, `event ${id} delay`) : undefined,
      priority: priority ? this.math(priority, `event ${id} priority`) : undefined,
      assignments: this.list('listOfEventAssignments', 'eventAssignment', e).flatMap((a) => {
        const variable = a.attrs.get('variable') ?? '';
        const math = this.math(a, `event ${id} assignment to ${variable}`);
        return math ? [{ variable, math }] : [];
      }),
    };
  }
}
