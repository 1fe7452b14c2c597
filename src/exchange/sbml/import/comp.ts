// SPDX-License-Identifier: MIT
/**
 * Flattens the SBML Hierarchical Model Composition package ("comp") into one core model: each submodel's
 * definition is instantiated with its ids prefixed `submodel__`, deletions remove elements, replaced elements are
 * removed in favour of their replacement (references renamed), and comp's own elements are dropped; a submodel's
 * time and extent conversion factors rescale its rates, times and delays. Conversion factors on replaced elements,
 * external model definitions and nested references (sBaseRef) exit as unsupported.
 */
import { SbmlError } from './errors.js';
import type { XmlElement } from './xml.js';

const isComp = (e: XmlElement): boolean => /\/comp\/version\d+$/.test(e.ns);

/** An attribute by local name, in any namespace. */
function attr(e: XmlElement, local: string): string | undefined {
  const direct = e.attrs.get(local);
  if (direct !== undefined) return direct;
  for (const [key, value] of e.attrs) if (key.endsWith(`:${local}`)) return value;
  return undefined;
}

function compChild(e: XmlElement, name: string): XmlElement | undefined {
  return e.children.find((c) => isComp(c) && c.name === name);
}

const REFERENCE_ATTRIBUTES = ['id', 'compartment', 'species', 'variable', 'symbol', 'conversionFactor'];

/** A deep copy with comp elements removed and ids and references renamed by `rename`. */
function copy(e: XmlElement, rename: (id: string) => string): XmlElement {
  const attrs = new Map<string, string>();
  for (const [key, value] of e.attrs)
    attrs.set(key, REFERENCE_ATTRIBUTES.includes(key) ? rename(value) : value);
  const children = e.children.filter((c) => !isComp(c)).map((c) => copy(c, rename));
  const text = e.name === 'ci' ? rename(e.text.trim()) : e.text;
  return { ns: e.ns, name: e.name, attrs, children, text, line: e.line };
}

/** Every `id` defined in a tree. */
function idsIn(e: XmlElement, into: Set<string> = new Set()): Set<string> {
  const id = e.attrs.get('id');
  if (id !== undefined) into.add(id);
  for (const c of e.children) idsIn(c, into);
  return into;
}

/** Removes the element whose id is `id` from the tree (wherever it is); true when found. */
function removeById(e: XmlElement, id: string): boolean {
  const i = e.children.findIndex((c) => c.attrs.get('id') === id);
  if (i >= 0) {
    e.children.splice(i, 1);
    return true;
  }
  return e.children.some((c) => removeById(c, id));
}

/** Appends the list children of `from` (a model) into the same lists of `into`. */
function mergeLists(into: XmlElement, from: XmlElement): void {
  for (const list of from.children) {
    if (!list.name.startsWith('listOf')) continue;
    const target = into.children.find((c) => c.name === list.name && c.ns === list.ns);
    if (target) target.children.push(...list.children);
    else into.children.push(list);
  }
}

/** Every element of a tree, depth first. */
function* walk(e: XmlElement): Generator<XmlElement> {
  yield e;
  for (const c of e.children) yield* walk(c);
}

/**
 * Flattens `model` (a `<model>` or `<modelDefinition>`) using the document's model definitions.
 * @throws SbmlError (unsupported) for comp features not handled; (invalid) for dangling references.
 */
export function flattenComp(
  model: XmlElement,
  definitions: ReadonlyMap<string, XmlElement>,
  depth = 0,
): XmlElement {
  if (depth > 16) throw new SbmlError('invalid', 'comp:submodel', 'model definitions instantiate each other');
  const result = copy(model, (id) => id);
  const rename = new Map<string, string>();
  const submodels = compChild(model, 'listOfSubmodels')?.children.filter((c) => c.name === 'submodel') ?? [];
  const portsOf = new Map<string, Map<string, string>>();
  for (const sm of submodels) {
    const smId = attr(sm, 'id') ?? '';
    const modelRef = attr(sm, 'modelRef') ?? '';
    const definition = definitions.get(modelRef);
    if (!definition)
      throw new SbmlError('unsupported', smId, `comp model '${modelRef}' (external or missing)`);
    const ports = new Map<string, string>();
    for (const p of compChild(definition, 'listOfPorts')?.children ?? []) {
      const ref = attr(p, 'idRef');
      if (ref === undefined) throw new SbmlError('unsupported', smId, 'a comp port that is not an idRef');
      ports.set(attr(p, 'id') ?? '', ref);
    }
    portsOf.set(smId, ports);
    const flat = flattenComp(definition, definitions, depth + 1);
    for (const d of compChild(sm, 'listOfDeletions')?.children ?? []) {
      const ref = attr(d, 'idRef') ?? ports.get(attr(d, 'portRef') ?? '');
      if (ref === undefined) throw new SbmlError('unsupported', smId, 'a comp deletion by metaId or unit');
      removeById(flat, ref);
    }
    const local = idsIn(flat);
    const instance = copy(flat, (id) => (local.has(id) ? `${smId}__${id}` : id));
    convertUnits(instance, attr(sm, 'timeConversionFactor'), attr(sm, 'extentConversionFactor'));
    mergeLists(result, instance);
  }
  const target = (sm: string, ref: XmlElement): string => {
    if (compChild(ref, 'sBaseRef'))
      throw new SbmlError('unsupported', sm, 'comp sBaseRef (nested references)');
    const id = attr(ref, 'idRef') ?? portsOf.get(sm)?.get(attr(ref, 'portRef') ?? '');
    if (id === undefined)
      throw new SbmlError('unsupported', sm, 'a comp reference by metaId, unit or deletion');
    return `${sm}__${id}`;
  };
  for (const e of walk(model)) {
    const id = e.attrs.get('id');
    for (const re of compChild(e, 'listOfReplacedElements')?.children ?? []) {
      if (attr(re, 'deletion') !== undefined) continue;
      if (attr(re, 'conversionFactor') !== undefined) {
        throw new SbmlError('unsupported', id ?? 'replacedElement', 'comp conversion factor');
      }
      if (attr(re, 'unitRef') !== undefined || id === undefined) continue;
      const replaced = target(attr(re, 'submodelRef') ?? '', re);
      removeById(result, replaced);
      rename.set(replaced, id);
    }
    const by = compChild(e, 'replacedBy');
    if (by && id !== undefined) {
      const replacement = target(attr(by, 'submodelRef') ?? '', by);
      removeById(result, id);
      // The replacement takes the replaced element's place and keeps its id, which settings and math use.
      rename.set(replacement, id);
    }
  }
  const follow = (id: string): string => {
    let current = id;
    for (let i = 0; i < 32 && rename.has(current); i++) current = rename.get(current) ?? current;
    return current;
  };
  return rename.size === 0 ? result : copy(result, follow);
}

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';

function mathElement(name: string, children: XmlElement[] = [], text = ''): XmlElement {
  return { ns: MATHML_NS, name, attrs: new Map(), children, text, line: 0 };
}

/** `op(expr, factor)` as MathML (`times` or `divide`). */
function scaled(expr: XmlElement, op: 'times' | 'divide', factor: string): XmlElement {
  return mathElement('apply', [mathElement(op), expr, mathElement('ci', [], factor)]);
}

/** Replaces the expression inside each `<math>` directly under `e` by `op(expression, factor)`. */
function scaleMath(e: XmlElement, op: 'times' | 'divide', factor: string): void {
  for (const math of e.children.filter((c) => c.name === 'math')) {
    const i = math.children.findIndex((c) => c.ns === MATHML_NS);
    if (i >= 0) math.children[i] = scaled(math.children[i], op, factor);
  }
}

/** Rewrites every `time` csymbol inside MathML under `e` as time / factor, and every delay's amount as d · factor. */
function convertTime(e: XmlElement, factor: string): void {
  e.children.forEach((c, i) => {
    if (c.name === 'csymbol' && (c.attrs.get('definitionURL') ?? '').endsWith('/time')) {
      e.children[i] = scaled(c, 'divide', factor);
      return;
    }
    convertTime(c, factor);
    if (c.name === 'apply' && c.children[0]?.name === 'csymbol') {
      const url = c.children[0].attrs.get('definitionURL') ?? '';
      if (url.endsWith('/delay') && c.children[2]) c.children[2] = scaled(c.children[2], 'times', factor);
    }
  });
}

/**
 * Applies a submodel's conversion factors to its instance: with an extent factor every kinetic law is multiplied by
 * it; with a time factor, rates (kinetic laws, rate rules) are divided by it, times and delays converted.
 */
function convertUnits(instance: XmlElement, time: string | undefined, extent: string | undefined): void {
  if (time === undefined && extent === undefined) return;
  for (const e of walk(instance)) {
    if (e.name === 'kineticLaw') {
      if (extent !== undefined) scaleMath(e, 'times', extent);
      if (time !== undefined) scaleMath(e, 'divide', time);
    } else if (e.name === 'rateRule' && time !== undefined) {
      scaleMath(e, 'divide', time);
    } else if (e.name === 'delay' && e.ns !== MATHML_NS && time !== undefined) {
      scaleMath(e, 'times', time);
    }
  }
  if (time !== undefined) convertTime(instance, time);
}
