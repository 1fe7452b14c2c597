// SPDX-License-Identifier: MIT
/**
 * Syntax tree of the expression language. Every node keeps the position of its first character (or of its operator
 * for binary nodes) so later stages (name resolution, unit checks) can point at the culprit.
 */

/** A place in an expression's text: `offset` is 0-based, `line` and `column` are 1-based. */
export interface SourcePosition {
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** Binary operators, from arithmetic to logic. Comparisons and logic yield 1 (true) or 0 (false). */
export type BinaryOperator =
  '+' | '-' | '*' | '/' | '^' | '<' | '<=' | '>' | '>=' | '==' | '!=' | '&&' | '||';

/** Prefix operators. Unary plus is accepted by the parser and dropped (it changes nothing). */
export type UnaryOperator = '-' | '!';

/** A numeric literal such as `2`, `0.5` or `1e-3`. */
export interface NumberNode {
  readonly kind: 'number';
  readonly value: number;
  readonly pos: SourcePosition;
}

/** A name: a state, parameter, input, assignment, `t` (time, minutes) or `pi`. */
export interface IdentifierNode {
  readonly kind: 'identifier';
  readonly name: string;
  readonly pos: SourcePosition;
}

/** `-x` or `!x`. */
export interface UnaryNode {
  readonly kind: 'unary';
  readonly op: UnaryOperator;
  readonly operand: ExprNode;
  readonly pos: SourcePosition;
}

/** `left op right`; `pos` is the operator's position. */
export interface BinaryNode {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: ExprNode;
  readonly right: ExprNode;
  readonly pos: SourcePosition;
}

/** `test ? consequent : alternate`; `pos` is the position of `?`. */
export interface ConditionalNode {
  readonly kind: 'conditional';
  readonly test: ExprNode;
  readonly consequent: ExprNode;
  readonly alternate: ExprNode;
  readonly pos: SourcePosition;
}

/** A call of a built-in function, e.g. `hill(x, K, n)`; the parser has checked the name and the argument count. */
export interface CallNode {
  readonly kind: 'call';
  readonly callee: string;
  readonly args: readonly ExprNode[];
  readonly pos: SourcePosition;
}

/** Any expression node. */
export type ExprNode = NumberNode | IdentifierNode | UnaryNode | BinaryNode | ConditionalNode | CallNode;

/** Calls `visit` on every node of the tree, parents before children. */
export function walkExpression(node: ExprNode, visit: (node: ExprNode) => void): void {
  visit(node);
  switch (node.kind) {
    case 'unary':
      walkExpression(node.operand, visit);
      break;
    case 'binary':
      walkExpression(node.left, visit);
      walkExpression(node.right, visit);
      break;
    case 'conditional':
      walkExpression(node.test, visit);
      walkExpression(node.consequent, visit);
      walkExpression(node.alternate, visit);
      break;
    case 'call':
      for (const arg of node.args) walkExpression(arg, visit);
      break;
    case 'number':
    case 'identifier':
      break;
  }
}

/** The identifier nodes of an expression, in source order (a name used twice appears twice). */
export function identifiersOf(node: ExprNode): IdentifierNode[] {
  const found: IdentifierNode[] = [];
  walkExpression(node, (n) => {
    if (n.kind === 'identifier') found.push(n);
  });
  return found;
}
