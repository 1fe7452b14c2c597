// SPDX-License-Identifier: MIT
/** MathML expression trees to JavaScript source over the value array `v` and the time `t`. */
import { SbmlError } from './errors.js';
import type { MathNode } from './mathml.js';

/** Avogadro's number as SBML Level 3 defines it (the 2006 CODATA value), 1/mol. */
export const AVOGADRO = 6.02214179e23;

/** Helpers the generated code may call, defined once at the top of every generated module. */
export const RUNTIME_HELPERS = `
function factorial(x) { if (!(x >= 0) || x !== Math.floor(x)) return NaN; let r = 1; for (let i = 2; i <= x; i++) r *= i; return r; }
function solveRoot(f, i, t, v) {
  let x0 = Number.isFinite(v[i]) ? v[i] : 0; v[i] = x0; let f0 = f(t, v);
  if (f0 === 0) return x0;
  let x1 = x0 + 1e-6 * Math.max(Math.abs(x0), 1);
  for (let it = 0; it < 100; it++) {
    v[i] = x1; const f1 = f(t, v);
    if (f1 === 0) return x1;
    const d = f1 - f0;
    if (d === 0 || !Number.isFinite(d)) return x1;
    const x2 = x1 - f1 * (x1 - x0) / d;
    x0 = x1; f0 = f1; x1 = x2;
    if (Math.abs(x1 - x0) <= 1e-15 * Math.max(1, Math.abs(x1))) return x1;
  }
  return x1;
}
function root(n, x) { if (n === 2) return Math.sqrt(x); if (x < 0 && Math.abs(n % 2) === 1) return -Math.pow(-x, 1 / n); return Math.pow(x, 1 / n); }
`;

/** Resolves an identifier to the JavaScript that reads its value, or undefined when it is unknown. */
export type Resolver = (name: string) => string | undefined;

function literal(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '(-Infinity)';
  return x < 0 || Object.is(x, -0) ? `(${String(x)})` : String(x);
}

const UNARY: Readonly<Record<string, (a: string) => string>> = {
  abs: (a) => `Math.abs(${a})`,
  exp: (a) => `Math.exp(${a})`,
  ln: (a) => `Math.log(${a})`,
  floor: (a) => `Math.floor(${a})`,
  ceiling: (a) => `Math.ceil(${a})`,
  factorial: (a) => `factorial(${a})`,
  sin: (a) => `Math.sin(${a})`,
  cos: (a) => `Math.cos(${a})`,
  tan: (a) => `Math.tan(${a})`,
  sec: (a) => `(1 / Math.cos(${a}))`,
  csc: (a) => `(1 / Math.sin(${a}))`,
  cot: (a) => `(1 / Math.tan(${a}))`,
  sinh: (a) => `Math.sinh(${a})`,
  cosh: (a) => `Math.cosh(${a})`,
  tanh: (a) => `Math.tanh(${a})`,
  sech: (a) => `(1 / Math.cosh(${a}))`,
  csch: (a) => `(1 / Math.sinh(${a}))`,
  coth: (a) => `(1 / Math.tanh(${a}))`,
  arcsin: (a) => `Math.asin(${a})`,
  arccos: (a) => `Math.acos(${a})`,
  arctan: (a) => `Math.atan(${a})`,
  arcsec: (a) => `Math.acos(1 / ${a})`,
  arccsc: (a) => `Math.asin(1 / ${a})`,
  arccot: (a) => `Math.atan(1 / ${a})`,
  arcsinh: (a) => `Math.asinh(${a})`,
  arccosh: (a) => `Math.acosh(${a})`,
  arctanh: (a) => `Math.atanh(${a})`,
  arcsech: (a) => `Math.acosh(1 / ${a})`,
  arccsch: (a) => `Math.asinh(1 / ${a})`,
  arccoth: (a) => `Math.atanh(1 / ${a})`,
  not: (a) => `(${a} ? 0 : 1)`,
};

const RELATIONAL: Readonly<Record<string, string>> = {
  eq: '===',
  neq: '!==',
  gt: '>',
  lt: '<',
  geq: '>=',
  leq: '<=',
};

/**
 * Generates a JavaScript expression for `node`. Booleans are numbers (1 true, 0 false) so that SBML's mixing of
 * logical and numeric values works; any non-zero, non-NaN number is true.
 * @param where the owning SBML element, for messages.
 * @throws SbmlError (invalid) for unknown identifiers, wrong argument counts or lambdas outside function
 *   definitions; (unsupported) for operators this importer does not evaluate.
 */
export function generate(node: MathNode, resolve: Resolver, where: string): string {
  const gen = (n: MathNode): string => generate(n, resolve, where);
  switch (node.k) {
    case 'num':
      return literal(node.v);
    case 'time':
      return 't';
    case 'avogadro':
      return literal(AVOGADRO);
    case 'id': {
      const code = resolve(node.name);
      if (code === undefined) throw new SbmlError('invalid', where, `unknown identifier '${node.name}'`);
      return code;
    }
    case 'piecewise': {
      let code = node.otherwise ? gen(node.otherwise) : 'NaN';
      for (let i = node.pieces.length - 1; i >= 0; i--) {
        const [value, condition] = node.pieces[i];
        code = `(${gen(condition)} ? ${gen(value)} : ${code})`;
      }
      return code;
    }
    case 'call':
      throw new SbmlError('invalid', where, `unknown function '${node.fn}'`);
    case 'lambda':
      throw new SbmlError('invalid', where, '<lambda> outside a function definition');
    case 'apply':
      return generateApply(node.op, node.args.map(gen), where);
  }
}

function arity(op: string, args: readonly string[], n: number, where: string): void {
  if (args.length !== n)
    throw new SbmlError('invalid', where, `<${op}> takes ${n} argument(s), not ${args.length}`);
}

function generateApply(op: string, args: readonly string[], where: string): string {
  const unary = UNARY[op];
  if (unary) {
    arity(op, args, 1, where);
    return unary(args[0]);
  }
  const relational = RELATIONAL[op];
  if (relational) {
    if (args.length < 2) return args.length === 0 ? '1' : `(${args[0]}, 1)`;
    const pairs = args.slice(1).map((b, i) => `${args[i]} ${relational} ${b}`);
    return `(${pairs.join(' && ')} ? 1 : 0)`;
  }
  switch (op) {
    case 'plus':
      return args.length === 0 ? '0' : `(${args.join(' + ')})`;
    case 'times':
      return args.length === 0 ? '1' : `(${args.join(' * ')})`;
    case 'minus':
      if (args.length === 1) return `(-${args[0]})`;
      arity(op, args, 2, where);
      return `(${args[0]} - ${args[1]})`;
    case 'divide':
      arity(op, args, 2, where);
      return `(${args[0]} / ${args[1]})`;
    case 'power':
      arity(op, args, 2, where);
      return `Math.pow(${args[0]}, ${args[1]})`;
    case 'root':
      arity(op, args, 2, where);
      return `root(${args[0]}, ${args[1]})`;
    case 'log':
      arity(op, args, 2, where);
      return `(Math.log(${args[1]}) / Math.log(${args[0]}))`;
    case 'and':
      return args.length === 0 ? '1' : `(${args.map((a) => `${a}`).join(' && ')} ? 1 : 0)`;
    case 'or':
      return args.length === 0 ? '0' : `(${args.join(' || ')} ? 1 : 0)`;
    case 'xor':
      if (args.length === 0) return '0';
      return `((${args.map((a) => `(${a} ? 1 : 0)`).join(' + ')}) % 2)`;
    case 'implies':
      arity(op, args, 2, where);
      return `(${args[0]} ? (${args[1]} ? 1 : 0) : 1)`;
    case 'max':
      if (args.length === 0) return '(-Infinity)';
      return `Math.max(${args.join(', ')})`;
    case 'min':
      if (args.length === 0) return 'Infinity';
      return `Math.min(${args.join(', ')})`;
    case 'rem':
      arity(op, args, 2, where);
      return `(${args[0]} % ${args[1]})`;
    case 'quotient':
      arity(op, args, 2, where);
      return `Math.trunc(${args[0]} / ${args[1]})`;
    case 'delay':
      // plan.ts replaces delay(x, d) by #delayed(k, d) before generation; a delay left here is malformed.
      throw new SbmlError('invalid', where, `delay() takes 2 arguments, not ${args.length}`);
    case '#solve':
      return `solveRoot(algebraic${args[0]}, ${args[1]}, t, v)`;
    case '#delayed':
      return `hooks.delay(${args[0]}, t - ${args[1]}, t, v)`;
    case 'rateOf':
      throw new SbmlError('unsupported', where, 'csymbol rateOf() of this kind of symbol');
    default:
      throw new SbmlError('invalid', where, `unknown operator <${op}>`);
  }
}
