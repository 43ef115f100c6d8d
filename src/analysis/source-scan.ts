/**
 * The class structure of a TypeScript class file, read from its syntax tree (one real parse,
 * src/engine/apps/parse-source.ts, shared with `implements` and the import scan): top-level
 * classes, their members (methods and properties, with the function a property holds), parameters
 * with their annotation, and the `return` statements that belong to a function itself (not to the
 * arrows, function expressions or classes nested in it).
 */
import { isFunctionNode, keyName, parseSource, textOf, topLevelClasses, walk, type Ast } from '../engine/apps/parse-source.ts';

export interface Range {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface Param {
  name: string;
  /** Type annotation text, trimmed ('' when none). */
  type: string;
  /** The annotation's type name when it is a plain type reference (`IRoomBuilder`), else null. */
  typeName: string | null;
  offset: number;
}

export interface Member {
  name: string;
  /** Offset of the name. */
  offset: number;
  params: Param[];
  /** The function this member is or holds (a method, or a property set to an arrow / function). */
  fn: Ast.Function | null;
  /** True for `name = (...) => expression` (the expression is the returned value). */
  expressionBody: boolean;
}

export interface ClassInfo {
  name: string;
  node: Ast.ClassDeclaration;
  exported: boolean;
  /** `extends` target as written without type arguments (`App`, `BaseApp`, `ns.Base`), or null. */
  extendsName: string | null;
  members: Member[];
}

export interface ReturnStatement {
  node: Ast.ReturnStatement;
  /** The returned expression, null for a bare `return`. */
  argument: Ast.Expression | null;
}

function paramOf(source: string, p: Ast.Node): Param | null {
  let node: Ast.Node = p;
  if (node.type === 'TSParameterProperty') node = node.parameter;
  if (node.type === 'AssignmentPattern') node = node.left;
  if (node.type === 'RestElement') node = node.argument;
  if (node.type !== 'Identifier') return null;
  const annotation = node.typeAnnotation;
  const typeNode = annotation && annotation.type === 'TSTypeAnnotation' ? annotation.typeAnnotation : null;
  const type = typeNode ? textOf(source, typeNode).trim() : '';
  const typeName = typeNode?.type === 'TSTypeReference' && typeNode.typeName.type === 'Identifier' ? typeNode.typeName.name : null;
  return { name: node.name, type, typeName, offset: node.start ?? 0 };
}

function memberOf(source: string, node: Ast.Node): Member | null {
  switch (node.type) {
    case 'ClassMethod':
    case 'ClassPrivateMethod':
    case 'TSDeclareMethod': {
      if (node.kind === 'constructor') return null;
      const name = keyName(node.key, node.computed ?? false);
      if (name === null) return null;
      const params = node.params.flatMap((p) => paramOf(source, p) ?? []);
      return { name, offset: node.key.start ?? 0, params, fn: node.type === 'TSDeclareMethod' ? null : node, expressionBody: false };
    }
    case 'ClassProperty':
    case 'ClassPrivateProperty':
    case 'ClassAccessorProperty': {
      const name = keyName(node.key, 'computed' in node ? (node.computed ?? false) : false);
      if (name === null) return null;
      const value = node.value;
      const fn = value && (value.type === 'ArrowFunctionExpression' || value.type === 'FunctionExpression') ? value : null;
      const params = fn ? fn.params.flatMap((p) => paramOf(source, p) ?? []) : [];
      return { name, offset: node.key.start ?? 0, params, fn, expressionBody: fn?.type === 'ArrowFunctionExpression' && fn.body.type !== 'BlockStatement' };
    }
    default:
      return null;
  }
}

function extendsNameOf(source: string, cls: Ast.ClassDeclaration): string | null {
  const sup = cls.superClass;
  if (!sup) return null;
  if (sup.type === 'Identifier') return sup.name;
  if (sup.type === 'MemberExpression') return textOf(source, sup);
  return textOf(source, sup);
}

/** Top-level classes of a file, as the apps compiler sees them (see implements.ts); [] if it does not parse. */
export function findClasses(source: string): ClassInfo[] {
  const parsed = parseSource(source);
  if (!parsed.ok) return [];
  return topLevelClasses(parsed.program).map(({ node, exported }) => ({
    name: node.id?.name ?? 'default',
    node,
    exported,
    extendsName: extendsNameOf(source, node),
    members: node.body.body.flatMap((m) => memberOf(source, m) ?? []),
  }));
}

/** The `return` statements of a function that belong to it (not to functions or classes nested in it). */
export function ownReturns(fn: Ast.Function): ReturnStatement[] {
  const out: ReturnStatement[] = [];
  walk(fn.body, (node) => {
    if (isFunctionNode(node) || node.type === 'ClassBody') return false;
    if (node.type === 'ReturnStatement') out.push({ node, argument: node.argument ?? null });
    return true;
  });
  return out;
}

/** Every node of a function's body, nested functions included. */
export function nodesOf(fn: Ast.Function, visit: (node: Ast.Node) => void): void {
  walk(fn.body, (node) => {
    visit(node);
    return true;
  });
}

/** Offset -> 1-based line and column. */
export function positionAt(source: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}
