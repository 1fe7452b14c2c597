// SPDX-License-Identifier: MIT
/** Rewrites of expression trees before code generation: function-definition inlining and identifier substitution. */
import { SbmlError } from './errors.js';
import type { MathNode } from './mathml.js';

type Lambda = Extract<MathNode, { k: 'lambda' }>;

/** Replaces identifiers by `map` (only those present). */
export function substitute(node: MathNode, map: ReadonlyMap<string, MathNode>): MathNode {
  switch (node.k) {
    case 'id':
      return map.get(node.name) ?? node;
    case 'apply':
      return { k: 'apply', op: node.op, args: node.args.map((a) => substitute(a, map)) };
    case 'call':
      return { k: 'call', fn: node.fn, args: node.args.map((a) => substitute(a, map)) };
    case 'piecewise':
      return {
        k: 'piecewise',
        pieces: node.pieces.map(([v, c]) => [substitute(v, map), substitute(c, map)] as const),
        otherwise: node.otherwise ? substitute(node.otherwise, map) : undefined,
      };
    default:
      return node;
  }
}

/**
 * Inlines every call of a function definition (recursively; a recursive definition is invalid SBML).
 * @throws SbmlError (invalid) for unknown functions, wrong argument counts or recursion.
 */
export function inlineFunctions(
  node: MathNode,
  functions: ReadonlyMap<string, Lambda>,
  where: string,
  depth = 0,
): MathNode {
  if (depth > 64) throw new SbmlError('invalid', where, 'function definitions call each other recursively');
  const recur = (n: MathNode): MathNode => inlineFunctions(n, functions, where, depth);
  switch (node.k) {
    case 'call': {
      const fn = functions.get(node.fn);
      if (!fn) throw new SbmlError('invalid', where, `unknown function '${node.fn}'`);
      if (fn.params.length !== node.args.length) {
        throw new SbmlError(
          'invalid',
          where,
          `function '${node.fn}' takes ${fn.params.length} argument(s), not ${node.args.length}`,
        );
      }
      const args = node.args.map(recur);
      const body = inlineFunctions(fn.body, functions, `function ${node.fn}`, depth + 1);
      return substitute(body, new Map(fn.params.map((p, i) => [p, args[i]])));
    }
    case 'apply':
      return { k: 'apply', op: node.op, args: node.args.map(recur) };
    case 'piecewise':
      return mapPiecewise(node, recur);
    default:
      return node;
  }
}

/** A piecewise node with `recur` applied to each value, condition and the otherwise branch. */
function mapPiecewise(
  node: Extract<MathNode, { k: 'piecewise' }>,
  recur: (n: MathNode) => MathNode,
): MathNode {
  return {
    k: 'piecewise',
    pieces: node.pieces.map(([v, c]) => [recur(v), recur(c)] as const),
    otherwise: node.otherwise ? recur(node.otherwise) : undefined,
  };
}

/** Applies `rewrite` bottom-up to every `apply` node whose operator is `op`. */
export function rewriteApply(
  node: MathNode,
  op: string,
  rewrite: (args: readonly MathNode[]) => MathNode,
): MathNode {
  const recur = (n: MathNode): MathNode => rewriteApply(n, op, rewrite);
  switch (node.k) {
    case 'apply': {
      const args = node.args.map(recur);
      return node.op === op ? rewrite(args) : { k: 'apply', op: node.op, args };
    }
    case 'call':
      return { k: 'call', fn: node.fn, args: node.args.map(recur) };
    case 'piecewise':
      return mapPiecewise(node, recur);
    default:
      return node;
  }
}
