// SPDX-License-Identifier: MIT
/** MathML content (the subset SBML Level 3 Version 2 allows) read into a small expression tree. */
import { SbmlError } from './errors.js';
import { CN_SEPARATOR, type XmlElement } from './xml.js';

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const CSYMBOL_BASE = 'http://www.sbml.org/sbml/symbols/';

/** An expression: numbers, identifiers, csymbols, operator applications, calls, piecewise and lambda. */
export type MathNode =
  | { readonly k: 'num'; readonly v: number; readonly units?: string }
  | { readonly k: 'id'; readonly name: string }
  | { readonly k: 'time' }
  | { readonly k: 'avogadro' }
  | { readonly k: 'apply'; readonly op: string; readonly args: readonly MathNode[] }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly MathNode[] }
  | {
      readonly k: 'piecewise';
      readonly pieces: readonly (readonly [MathNode, MathNode])[];
      readonly otherwise: MathNode | undefined;
    }
  | { readonly k: 'lambda'; readonly params: readonly string[]; readonly body: MathNode };

/** Operators SBML's MathML subset allows inside `<apply>`; `delay` and `rateOf` come from csymbols. */
export const OPERATORS = new Set([
  'plus', 'minus', 'times', 'divide', 'power', 'root', 'abs', 'exp', 'ln', 'log', 'floor', 'ceiling',
  'factorial', 'sin', 'cos', 'tan', 'sec', 'csc', 'cot', 'sinh', 'cosh', 'tanh', 'sech', 'csch', 'coth',
  'arcsin', 'arccos', 'arctan', 'arcsec', 'arccsc', 'arccot', 'arcsinh', 'arccosh', 'arctanh', 'arcsech',
  'arccsch', 'arccoth', 'eq', 'neq', 'gt', 'lt', 'geq', 'leq', 'and', 'or', 'xor', 'not', 'implies', 'max',
  'min', 'rem', 'quotient', 'delay', 'rateOf',
]); // prettier-ignore

const CONSTANTS: Readonly<Record<string, number>> = {
  true: 1,
  false: 0,
  pi: Math.PI,
  exponentiale: Math.E,
  infinity: Infinity,
  notanumber: NaN,
};

const IGNORED = new Set(['annotation', 'annotation-xml', 'semantics']);

/**
 * Reads the single expression inside a `<math>` element.
 * @param where the owning SBML element, for messages.
 * @throws SbmlError (invalid) for unknown MathML elements or malformed numbers.
 */
export function readMath(math: XmlElement, where: string): MathNode {
  const content = math.children.filter((c) => !IGNORED.has(c.name) || c.name === 'semantics');
  if (content.length !== 1) throw new SbmlError('invalid', where, '<math> must hold exactly one expression');
  return readNode(content[0], where);
}

function readNode(e: XmlElement, where: string): MathNode {
  if (e.ns !== MATHML_NS) throw new SbmlError('invalid', where, `element <${e.name}> is not MathML`);
  switch (e.name) {
    case 'cn': {
      // sbml:units, whatever prefix the document binds to the SBML namespace.
      const units = [...e.attrs].find(([name]) => name.endsWith(':units'))?.[1];
      return units === undefined
        ? { k: 'num', v: readNumber(e, where) }
        : { k: 'num', v: readNumber(e, where), units };
    }
    case 'ci':
      return { k: 'id', name: e.text.trim() };
    case 'csymbol':
      return readCsymbol(e, where);
    case 'apply':
      return readApply(e, where);
    case 'piecewise':
      return readPiecewise(e, where);
    case 'lambda':
      return readLambda(e, where);
    case 'semantics': {
      const first = e.children.find((c) => !IGNORED.has(c.name));
      if (!first) throw new SbmlError('invalid', where, '<semantics> without an expression');
      return readNode(first, where);
    }
    default:
      if (e.name in CONSTANTS) return { k: 'num', v: CONSTANTS[e.name] };
      throw new SbmlError('invalid', where, `unknown MathML element <${e.name}>`);
  }
}

function readNumber(e: XmlElement, where: string): number {
  const type = e.attrs.get('type') ?? 'real';
  const parts = e.text.split(CN_SEPARATOR).map((s) => s.trim());
  const parse = (s: string): number => {
    const x = s === 'INF' ? Infinity : s === '-INF' ? -Infinity : s === 'NaN' ? NaN : Number(s);
    if (s === '' || (Number.isNaN(x) && s !== 'NaN')) {
      throw new SbmlError('invalid', where, `malformed number '${s}' in <cn>`);
    }
    return x;
  };
  if (type === 'e-notation' && parts.length === 2) return parse(`${parts[0]}e${parts[1]}`);
  if (type === 'rational' && parts.length === 2) return parse(parts[0]) / parse(parts[1]);
  if (parts.length !== 1)
    throw new SbmlError('invalid', where, `<cn type="${type}"> with a misplaced <sep/>`);
  return parse(parts[0]);
}

function readCsymbol(e: XmlElement, where: string): MathNode {
  const url = e.attrs.get('definitionURL') ?? '';
  const what = url.startsWith(CSYMBOL_BASE) ? url.slice(CSYMBOL_BASE.length) : url;
  if (what === 'time') return { k: 'time' };
  if (what === 'avogadro') return { k: 'avogadro' };
  if (what === 'delay' || what === 'rateOf') return { k: 'id', name: `#${what}` };
  throw new SbmlError('invalid', where, `unknown csymbol '${url}'`);
}

function readApply(e: XmlElement, where: string): MathNode {
  const [head, ...rest] = e.children.filter((c) => !IGNORED.has(c.name));
  if (!head) throw new SbmlError('invalid', where, 'empty <apply>');
  // Qualifiers (<logbase>, <degree>) become the first argument of log and root.
  const qualifier = rest.find((c) => c.name === 'logbase' || c.name === 'degree');
  const operands = rest.filter((c) => c !== qualifier).map((c) => readNode(c, where));
  if (head.name === 'ci') return { k: 'call', fn: head.text.trim(), args: operands };
  if (head.name === 'csymbol') {
    const symbol = readCsymbol(head, where);
    if (symbol.k === 'id') return { k: 'apply', op: symbol.name.slice(1), args: operands };
    throw new SbmlError('invalid', where, `csymbol ${symbol.k} cannot be applied`);
  }
  if (!OPERATORS.has(head.name) || head.ns !== MATHML_NS) {
    throw new SbmlError('invalid', where, `unknown MathML operator <${head.name}>`);
  }
  if (head.name === 'log' || head.name === 'root') {
    const fallback: MathNode = { k: 'num', v: head.name === 'log' ? 10 : 2 };
    const q = qualifier?.children[0];
    return { k: 'apply', op: head.name, args: [q ? readNode(q, where) : fallback, ...operands] };
  }
  if (qualifier)
    throw new SbmlError('invalid', where, `<${qualifier.name}> is not allowed with <${head.name}>`);
  return { k: 'apply', op: head.name, args: operands };
}

function readPiecewise(e: XmlElement, where: string): MathNode {
  const pieces: [MathNode, MathNode][] = [];
  let otherwise: MathNode | undefined;
  for (const c of e.children) {
    const parts = c.children.filter((x) => !IGNORED.has(x.name));
    if (c.name === 'piece' && parts.length === 2) {
      pieces.push([readNode(parts[0], where), readNode(parts[1], where)]);
    } else if (c.name === 'otherwise' && parts.length === 1) {
      otherwise = readNode(parts[0], where);
    } else {
      throw new SbmlError('invalid', where, `malformed <${c.name}> in <piecewise>`);
    }
  }
  return { k: 'piecewise', pieces, otherwise };
}

function readLambda(e: XmlElement, where: string): MathNode {
  const params: string[] = [];
  let body: MathNode | undefined;
  for (const c of e.children) {
    if (c.name === 'bvar') {
      const ci = c.children.find((x) => x.name === 'ci');
      if (!ci) throw new SbmlError('invalid', where, '<bvar> without <ci>');
      params.push(ci.text.trim());
    } else if (!IGNORED.has(c.name)) {
      body = readNode(c, where);
    }
  }
  if (!body) throw new SbmlError('invalid', where, '<lambda> without a body');
  return { k: 'lambda', params, body };
}

/** Every identifier an expression refers to (not lambda parameters, not function names). */
export function identifiersIn(node: MathNode, into: Set<string> = new Set()): Set<string> {
  switch (node.k) {
    case 'id':
      into.add(node.name);
      break;
    case 'apply':
    case 'call':
      for (const a of node.args) identifiersIn(a, into);
      break;
    case 'piecewise':
      for (const [v, c] of node.pieces) {
        identifiersIn(v, into);
        identifiersIn(c, into);
      }
      if (node.otherwise) identifiersIn(node.otherwise, into);
      break;
    default:
      break;
  }
  return into;
}
