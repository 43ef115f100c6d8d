/**
 * One real parse of an app's TypeScript source, shared by everything that reads its structure:
 * the manifest's `implements` (implements.ts), the contract hints (src/analysis) and the pre-load
 * import scan (src/workspace/import-scan.ts). The parser is @babel/parser with its `typescript` and
 * legacy-decorators plugins (apps are compiled with `experimentalDecorators`); it runs in Node and
 * in the browser. Pure: no DOM, no node: modules.
 *
 * Parses are cached by source text (a few recent ones), so the three readers of one file share one
 * tree. A source the parser cannot read at all gives `{ ok: false }` with the parser's message and
 * position; recoverable errors are listed in `errors` and the tree is still returned.
 */
import { parse } from '@babel/parser';
import type * as t from '@babel/types';

export type { t as Ast };

export interface ParseProblem {
  message: string;
  line: number;
  column: number;
}

export type Parsed = { ok: true; program: t.Program; errors: ParseProblem[] } | { ok: false; error: ParseProblem };

const CACHE_SIZE = 32;
const cache = new Map<string, Parsed>();

function problemOf(err: unknown): ParseProblem {
  const e = err as { message?: unknown; loc?: { line?: number; column?: number } };
  const message = typeof e?.message === 'string' ? e.message : String(err);
  return { message, line: e?.loc?.line ?? 1, column: (e?.loc?.column ?? 0) + 1 };
}

/** Parses a TypeScript (or JavaScript) module; the result is cached by text. */
export function parseSource(source: string): Parsed {
  const hit = cache.get(source);
  if (hit) {
    cache.delete(source);
    cache.set(source, hit);
    return hit;
  }
  let parsed: Parsed;
  try {
    const file = parse(source, {
      sourceType: 'module',
      plugins: ['typescript', 'decorators-legacy'],
      errorRecovery: true,
      allowReturnOutsideFunction: true,
      allowUndeclaredExports: true,
    });
    const errors = ((file as unknown as { errors?: unknown[] }).errors ?? []).map(problemOf);
    parsed = { ok: true, program: file.program, errors };
  } catch (err) {
    parsed = { ok: false, error: problemOf(err) };
  }
  cache.set(source, parsed);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return parsed;
}

const SKIP_KEYS = new Set(['loc', 'start', 'end', 'range', 'extra', 'leadingComments', 'trailingComments', 'innerComments', 'comments', 'errors', 'tokens']);

function isNode(x: unknown): x is t.Node {
  return typeof x === 'object' && x !== null && typeof (x as { type?: unknown }).type === 'string';
}

/** The child nodes of a node, in source order of their keys. */
export function childrenOf(node: t.Node): t.Node[] {
  const out: t.Node[] = [];
  for (const key of Object.keys(node)) {
    if (SKIP_KEYS.has(key)) continue;
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const v of value) if (isNode(v)) out.push(v);
    } else if (isNode(value)) out.push(value);
  }
  return out;
}

/**
 * Depth-first walk. `visit` returning false skips the node's children. `parents` is the chain
 * from the root to the node's parent.
 */
export function walk(root: t.Node, visit: (node: t.Node, parents: readonly t.Node[]) => boolean | void): void {
  const parents: t.Node[] = [];
  const go = (node: t.Node): void => {
    if (visit(node, parents) === false) return;
    parents.push(node);
    for (const child of childrenOf(node)) go(child);
    parents.pop();
  };
  go(root);
}

export const FUNCTION_TYPES = new Set([
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'ClassMethod',
  'ClassPrivateMethod',
  'ObjectMethod',
]);

export function isFunctionNode(node: t.Node): node is t.Function {
  return FUNCTION_TYPES.has(node.type);
}

/** The source text of a node. */
export function textOf(source: string, node: t.Node): string {
  return source.slice(node.start ?? 0, node.end ?? 0);
}

/** The declaration a top-level statement holds (`export class`, `export default class`), or the statement. */
export function declarationOf(statement: t.Statement): t.Node {
  if (statement.type === 'ExportNamedDeclaration' && statement.declaration) return statement.declaration;
  if (statement.type === 'ExportDefaultDeclaration') return statement.declaration;
  return statement;
}

/** Top-level class declarations, as TypeScript's `forEachChild(sourceFile)` + `isClassDeclaration` sees them. */
export function topLevelClasses(program: t.Program): { node: t.ClassDeclaration; exported: boolean; isDefault: boolean }[] {
  const out: { node: t.ClassDeclaration; exported: boolean; isDefault: boolean }[] = [];
  for (const statement of program.body) {
    const decl = declarationOf(statement);
    if (decl.type !== 'ClassDeclaration') continue;
    out.push({ node: decl, exported: statement !== decl, isDefault: statement.type === 'ExportDefaultDeclaration' });
  }
  return out;
}

/** The name of a property key when it is a plain identifier or string, else null. */
export function keyName(key: t.Node, computed: boolean): string | null {
  if (key.type === 'Identifier' && !computed) return key.name;
  if (key.type === 'StringLiteral') return key.value;
  if (key.type === 'PrivateName') return `#${key.id.name}`;
  return null;
}
