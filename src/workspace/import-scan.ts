/**
 * A scan of app source for what the runtime will refuse, before it is loaded: module
 * specifiers (import, export ... from, require, import()) with their line, and the main class,
 * both read from one real parse of the file (src/engine/apps/parse-source.ts).
 * The rules mirror src/runtime/module-loader.ts (not imported: it pulls the transpiler in).
 */
import { parseSource, topLevelClasses, walk, type Ast } from '../engine/index.ts';

export interface ImportRef {
  module: string;
  line: number;
  /** `import type` / `export type`: erased when transpiled, never required. */
  typeOnly: boolean;
}

export interface ImportProblem {
  file: string;
  line: number;
  module: string;
  message: string;
  /** An npm package (not the app's own file, not the Apps-Engine): fine once a bundle resolved it. */
  npm?: true;
}

const APPS_ENGINE = '@rocket.chat/apps-engine/';
/** Node built-ins the real runtime provides (module-loader.ts RC_ALLOWED_NATIVE_MODULES) and `uuid`. */
const RC_PROVIDED = ['path', 'url', 'crypto', 'buffer', 'stream', 'net', 'http', 'https', 'zlib', 'util', 'punycode', 'os', 'querystring', 'fs', 'uuid'];

/**
 * Every module specifier of one file, read from its syntax tree (one real parse, shared with
 * implements and the contract hints): `import ... from`, `import 'x'`, `export ... from`,
 * `import x = require('x')`, `require('x')` and `import('x')` with a string literal, anywhere.
 * Comments, strings and regular-expression literals never count. A file that does not parse has
 * none (the transpile step reports its syntax error).
 */
export function findImports(source: string): ImportRef[] {
  const parsed = parseSource(source);
  if (!parsed.ok) return [];
  const out: { at: number; ref: ImportRef }[] = [];
  const add = (literal: Ast.Node | null | undefined, typeOnly: boolean, line: Ast.Node): void => {
    if (!literal || literal.type !== 'StringLiteral') return;
    out.push({ at: literal.start ?? 0, ref: { module: literal.value, line: line.loc?.start.line ?? 1, typeOnly } });
  };
  walk(parsed.program, (node) => {
    switch (node.type) {
      case 'ImportDeclaration': {
        const allTypes = node.specifiers.length > 0 && node.specifiers.every((s) => s.type === 'ImportSpecifier' && s.importKind === 'type');
        add(node.source, node.importKind === 'type' || allTypes, node);
        return false;
      }
      case 'ExportNamedDeclaration':
        if (node.source) add(node.source, node.exportKind === 'type', node);
        return true;
      case 'ExportAllDeclaration':
        add(node.source, node.exportKind === 'type', node);
        return false;
      case 'TSImportEqualsDeclaration':
        if (node.moduleReference.type === 'TSExternalModuleReference') add(node.moduleReference.expression, node.importKind === 'type', node);
        return false;
      case 'ImportExpression':
        add(node.source, false, node);
        return true;
      case 'CallExpression': {
        const callee = node.callee;
        const dynamic = callee.type === 'Import';
        const required = callee.type === 'Identifier' && callee.name === 'require';
        if ((dynamic || required) && node.arguments.length >= 1) add(node.arguments[0], false, node);
        return true;
      }
    }
    return true;
  });
  return out.sort((a, b) => a.at - b.at).map((x) => x.ref);
}

function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** The file a relative specifier reaches, as the runtime resolves it, or null. */
export function resolveRelative(from: string, specifier: string, files: Record<string, string>): string | null {
  const parts = dirname(from) === '' ? [] : dirname(from).split('/');
  for (const seg of specifier.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  const base = parts.join('/');
  const candidates = [base, `${base}.ts`, `${base}.js`, `${base}/index.ts`, `${base}/index.js`];
  if (base.endsWith('.js')) candidates.push(`${base.slice(0, -3)}.ts`);
  return candidates.find((c) => files[c] !== undefined) ?? null;
}

/** What the runtime would say about each import of one file (nothing for those it accepts). */
export function importProblems(file: string, refs: ImportRef[], files: Record<string, string>): ImportProblem[] {
  const out: ImportProblem[] = [];
  for (const { module, line, typeOnly } of refs) {
    if (typeOnly) continue;
    const at = { file, line, module };
    if (module.startsWith('.')) {
      if (!resolveRelative(file, module, files)) out.push({ ...at, message: `imports "${module}", which is not among the app's files` });
    } else if (module.startsWith(APPS_ENGINE)) {
      if (!module.startsWith(`${APPS_ENGINE}definition/`))
        out.push({ ...at, message: `imports "${module}": only ${APPS_ENGINE}definition/... exists at run time` });
    } else if (RC_PROVIDED.includes(module.replace(/^node:/, ''))) {
      out.push({ ...at, message: `imports "${module}": Rocket.Chat provides it, but hookscope runs apps in a browser sandbox without Node modules` });
    } else {
      out.push({
        ...at,
        npm: true,
        message: `imports "${module}": the Rocket.Chat apps runtime does not provide it (apps may import their own files and ${APPS_ENGINE}definition/...; npm packages are bundled from the app folder's node_modules when it has them)`,
      });
    }
  }
  return out;
}

/** The file exporting a class that extends App (the app.json `classFile` candidate), read from its syntax tree. */
export function findMainClass(sources: { path: string; text: string }[]): { path: string; className: string } | null {
  for (const s of sources) {
    const parsed = parseSource(s.text);
    if (!parsed.ok) continue;
    for (const { node, exported } of topLevelClasses(parsed.program)) {
      if (exported && node.id && node.superClass?.type === 'Identifier' && node.superClass.name === 'App') return { path: s.path, className: node.id.name };
    }
  }
  return null;
}
