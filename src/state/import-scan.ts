/**
 * A light scan of app source for what the runtime will refuse, before it is loaded: module
 * specifiers (import, export ... from, require, import()) with their line, and the main class.
 * The rules mirror src/runtime/module-loader.ts (not imported: it pulls the transpiler in).
 */

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
}

const APPS_ENGINE = '@rocket.chat/apps-engine/';
/** Node built-ins the real runtime provides (module-loader.ts RC_ALLOWED_NATIVE_MODULES) and `uuid`. */
const RC_PROVIDED = ['path', 'url', 'crypto', 'buffer', 'stream', 'net', 'http', 'https', 'zlib', 'util', 'punycode', 'os', 'querystring', 'fs', 'uuid'];

const PATTERNS: { re: RegExp; typeOnly?: (m: RegExpExecArray) => boolean }[] = [
  { re: /\bimport\s+(type\s+)?[\w*{}\s,$]*?\s*from\s*['"]([^'"]+)['"]/g, typeOnly: (m) => m[1] !== undefined },
  { re: /\bimport\s*['"]([^'"]+)['"]/g },
  { re: /\bexport\s+(type\s+)?(?:\*|\{[^}]*\})(?:\s+as\s+\w+)?\s*from\s*['"]([^'"]+)['"]/g, typeOnly: (m) => m[1] !== undefined },
  { re: /\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g },
  { re: /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g },
];

/** Blanks comments (keeping newlines) so commented-out imports are not reported. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"\\])\/\/[^\n]*/g, (m, lead: string | undefined) => (lead !== undefined && !m.startsWith('/*') ? lead + ' '.repeat(m.length - lead.length) : m.replace(/[^\n]/g, ' ')));
}

export function findImports(source: string): ImportRef[] {
  const text = stripComments(source);
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  const out = new Map<number, ImportRef>();
  for (const { re, typeOnly } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const module = m[m.length - 1] ?? '';
      const at = m.index + m[0].lastIndexOf(module);
      if (!out.has(at)) out.set(at, { module, line: lineAt(m.index), typeOnly: typeOnly?.(m) ?? false });
    }
  }
  return [...out.entries()].sort((a, b) => a[0] - b[0]).map(([, ref]) => ref);
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
      if (!module.startsWith(`${APPS_ENGINE}definition/`)) out.push({ ...at, message: `imports "${module}": only ${APPS_ENGINE}definition/... exists at run time` });
    } else if (RC_PROVIDED.includes(module.replace(/^node:/, ''))) {
      out.push({ ...at, message: `imports "${module}": Rocket.Chat provides it, but hookscope runs apps in a browser sandbox without Node modules` });
    } else {
      out.push({ ...at, message: `imports "${module}": the Rocket.Chat apps runtime does not provide it (apps may import their own files and ${APPS_ENGINE}definition/...; npm packages must be bundled, which hookscope does not do)` });
    }
  }
  return out;
}

/** The file exporting a class that extends App (the app.json `classFile` candidate). */
export function findMainClass(sources: { path: string; text: string }[]): { path: string; className: string } | null {
  const re = /\bexport\s+(?:default\s+)?class\s+([A-Za-z_$][\w$]*)\s+extends\s+App\b/;
  for (const s of sources) {
    const m = re.exec(stripComments(s.text));
    if (m) return { path: s.path, className: m[1]! };
  }
  return null;
}
