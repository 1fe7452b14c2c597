// SPDX-License-Identifier: MIT
/**
 * The MathML written for each expression computes what the engine computes: every assignment, output and rate
 * of the full model (every drug, every optional effect) is evaluated both ways, from a small MathML interpreter
 * here and from `evaluateExpression`, at the declared values and at perturbed ones (so both sides of the Hill
 * terms' and conditionals' branches are met).
 */
import { describe, expect, it } from 'vitest';
import { planModel } from '../../../engine/compile.js';
import { evaluateExpression } from '../../../engine/expr/evaluate.js';
import { parseExpression } from '../../../engine/expr/parser.js';
import { parseUnit } from '../../../engine/expr/units.js';
import { modelDefinition } from '../../../physiology/model.js';
import { MathWriter } from './mathml.js';
import { UnitTable } from './units.js';

interface XmlNode {
  readonly tag: string;
  readonly attrs: string;
  readonly children: (XmlNode | string)[];
}

/** Parses the well-formed MathML this writer produces (no comments, no CDATA). */
function parseXml(text: string): XmlNode {
  const root: XmlNode = { tag: '#root', attrs: '', children: [] };
  const stack: XmlNode[] = [root];
  for (const m of text.matchAll(/<(\/?)([A-Za-z][\w:.-]*)([^>]*?)(\/?)>|([^<]+)/g)) {
    const [, closing, tag, attrs, selfClosing, textPart] = m;
    const top = stack[stack.length - 1];
    if (textPart !== undefined) {
      if (textPart.trim() !== '') top.children.push(textPart.trim());
    } else if (closing === '/') stack.pop();
    else {
      const node: XmlNode = { tag, attrs, children: [] };
      top.children.push(node);
      if (selfClosing !== '/') stack.push(node);
    }
  }
  return root.children[0] as XmlNode;
}

const elements = (node: XmlNode): XmlNode[] =>
  node.children.filter((c): c is XmlNode => typeof c !== 'string');

/** Evaluates MathML content; booleans come back as true/false. */
function evaluateMath(node: XmlNode, lookup: (name: string) => number, t: number): number | boolean {
  const num = (n: XmlNode): number => Number(evaluateMath(n, lookup, t));
  const bool = (n: XmlNode): boolean => {
    const v = evaluateMath(n, lookup, t);
    if (typeof v !== 'boolean') throw new Error(`expected a boolean, got ${v} from <${n.tag}>`);
    return v;
  };
  switch (node.tag) {
    case 'math':
      return evaluateMath(elements(node)[0], lookup, t);
    case 'cn': {
      const parts = node.children.filter((c): c is string => typeof c === 'string');
      return parts.length === 2 ? Number(`${parts[0]}e${parts[1]}`) : Number(parts[0]);
    }
    case 'ci':
      return lookup(node.children.filter((c): c is string => typeof c === 'string').join(''));
    case 'csymbol':
      return t;
    case 'pi':
      return Math.PI;
    case 'piecewise': {
      for (const piece of elements(node)) {
        const [value, test] = elements(piece);
        if (piece.tag === 'otherwise') return evaluateMath(value, lookup, t);
        if (bool(test)) return evaluateMath(value, lookup, t);
      }
      throw new Error('piecewise without otherwise');
    }
    case 'apply': {
      const [op, ...args] = elements(node);
      const xs = (): number[] => args.map(num);
      switch (op.tag) {
        case 'plus':
          return xs().reduce((a, b) => a + b, 0);
        case 'minus':
          return args.length === 1 ? -num(args[0]) : num(args[0]) - num(args[1]);
        case 'times':
          return xs().reduce((a, b) => a * b, 1);
        case 'divide':
          return num(args[0]) / num(args[1]);
        case 'power':
          return Math.pow(num(args[0]), num(args[1]));
        case 'exp':
          return Math.exp(num(args[0]));
        case 'ln':
          return Math.log(num(args[0]));
        case 'log':
          return Math.log10(num(args[0]));
        case 'root':
          return Math.sqrt(num(args[0]));
        case 'abs':
          return Math.abs(num(args[0]));
        case 'floor':
          return Math.floor(num(args[0]));
        case 'sin':
          return Math.sin(num(args[0]));
        case 'cos':
          return Math.cos(num(args[0]));
        case 'min':
          return Math.min(...xs());
        case 'max':
          return Math.max(...xs());
        case 'lt':
          return num(args[0]) < num(args[1]);
        case 'leq':
          return num(args[0]) <= num(args[1]);
        case 'gt':
          return num(args[0]) > num(args[1]);
        case 'geq':
          return num(args[0]) >= num(args[1]);
        case 'eq':
          return num(args[0]) === num(args[1]);
        case 'neq':
          return num(args[0]) !== num(args[1]);
        case 'and':
          return args.every(bool);
        case 'or':
          return args.some(bool);
        case 'not':
          return !bool(args[0]);
        default:
          throw new Error(`operator <${op.tag}> not handled by the test interpreter`);
      }
    }
    default:
      throw new Error(`element <${node.tag}> not handled by the test interpreter`);
  }
}

describe('MathML of the model’s expressions', () => {
  const plan = planModel(modelDefinition());
  const units = new UnitTable();
  const unitOf = new Map(
    [...plan.states, ...plan.parameters, ...plan.inputs, ...plan.outputs].map((d) => [
      d.name,
      parseUnit(d.unit),
    ]),
  );
  for (const a of plan.assignments) unitOf.set(a.name, parseUnit(a.decl.unit ?? '1'));
  const writer = new MathWriter({ unitOf: (n) => unitOf.get(n), unitIdOf: (u) => units.idOfUnit(u) });

  /** Values of states, parameters and inputs scaled by `factor` (per name, deterministic), then assignments. */
  function environment(factor: (name: string, i: number) => number): Map<string, number> {
    const env = new Map<string, number>();
    plan.states.forEach((s, i) => env.set(s.name, s.initial * factor(s.name, i)));
    plan.parameters.forEach((p, i) => env.set(p.name, p.value * factor(p.name, i)));
    plan.inputs.forEach((u, i) => env.set(u.name, (u.initial + (i % 2)) * factor(u.name, i)));
    for (const a of plan.assignments)
      env.set(
        a.name,
        evaluateExpression(a.expr.node, (n) => env.get(n)!),
      );
    return env;
  }

  const expressions = [
    ...plan.assignments.map((a) => ({ what: `assignment ${a.name}`, node: a.expr.node })),
    ...plan.outputExprs.map((o) => ({ what: o.declaration, node: o.node })),
    ...plan.ratesByState.flat().map((r) => ({ what: r.declaration, node: r.node })),
  ];

  const factors: [string, (name: string, i: number) => number][] = [
    ['declared values', () => 1],
    ['values × 0.3 and × 2.5 alternately', (_n, i) => (i % 2 === 0 ? 0.3 : 2.5)],
    ['every value zero', () => 0],
  ];
  for (const [label, factor] of factors) {
    it(`evaluates like the engine at ${label} (${expressions.length} expressions)`, () => {
      const env = environment(factor);
      const t = 1234.5;
      const lookup = (n: string): number => (n === 't' ? t : env.get(n)!);
      for (const { what, node } of expressions) {
        const expected = evaluateExpression(node, lookup);
        const math = parseXml(MathWriter.math(writer.expression(node, undefined)));
        const got = Number(evaluateMath(math, lookup, t));
        if (Number.isNaN(expected)) expect(got, what).toBeNaN();
        else
          expect(got, what).toBeCloseTo(
            expected,
            12 - Math.max(0, Math.ceil(Math.log10(Math.abs(expected) + 1))),
          );
      }
    });
  }

  it('writes booleans where MathML needs them and numbers elsewhere', () => {
    const math = (text: string) => writer.expression(parseExpression(text), undefined);
    expect(math('a > 1 ? 2 : 3')).toMatch(/^<piecewise><piece><cn[^>]*>2<\/cn><apply><gt\/>/);
    expect(math('(a > 1) * 2')).toContain(
      '<piecewise><piece><cn sbml:units="dimensionless">1</cn><apply><gt/>',
    );
    expect(math('a && b')).toMatch(/^<piecewise>.*<apply><and\/><apply><neq\/><ci>a<\/ci>/);
    expect(math('1e-7 * a')).toContain('type="e-notation">1<sep/>-7</cn>');
  });
});
