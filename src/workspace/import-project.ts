/**
 * Opening a real app project from disk (pure logic, no DOM): which files to read, the app they
 * make, and everything that would stop it from loading, named precisely (file, line, module).
 * The UI reads the files (src/ui/apps/read-project.ts) and shows the plan (ImportDialog).
 */
import { slugify } from '../engine/index.ts';
import { uniqueId } from './app-files.ts';
import { appJson } from './default-workspace.ts';
import { findImports, findMainClass, importProblems, type ImportProblem } from './import-scan.ts';
import type { WorkspaceApp } from './types.ts';

export type { ImportProblem } from './import-scan.ts';

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git', '.rcapps', 'coverage']);
const SKIP_FILES = new Set(['package-lock.json', 'npm-shrinkwrap.json']);
/** Larger files are not source an app would load (and would fill local storage). */
export const MAX_FILE_BYTES = 1_000_000;

/** Strips a leading folder every path shares (a picked or dropped folder's own name). */
export function stripCommonRoot(paths: string[]): { root: string; paths: string[] } {
  const clean = paths.map((p) => p.replace(/\\/g, '/').replace(/^\/+/, ''));
  const first = clean[0]?.split('/')[0];
  if (first === undefined || !clean.every((p) => p.startsWith(`${first}/`))) return { root: '', paths: clean };
  return { root: first, paths: clean.map((p) => p.slice(first.length + 1)) };
}

/** Why a path is not read, or null when it is app source (.ts/.js/.json). */
export function skipReason(path: string, size = 0): string | null {
  const parts = path.split('/');
  const dir = parts.slice(0, -1).find((d) => SKIP_DIRS.has(d) || d.startsWith('.'));
  if (dir) return `${dir}/`;
  const name = parts[parts.length - 1] ?? '';
  if (!/\.(ts|js|json)$/.test(name)) return 'not .ts/.js/.json';
  if (name.endsWith('.d.ts')) return 'type declarations';
  if (SKIP_FILES.has(name)) return 'lock file';
  if (size > MAX_FILE_BYTES) return `larger than ${MAX_FILE_BYTES / 1_000_000} MB`;
  return null;
}

export interface ProjectFile {
  path: string;
  text: string;
}

export type ImportPlan =
  | { ok: false; root: string; error: string; skipped: number }
  | {
      ok: true;
      root: string;
      app: WorkspaceApp;
      /** Imports the runtime refuses and files it cannot find: the app would not load as it is. */
      problems: ImportProblem[];
      /** Files not read (node_modules, dist, images...), counted. */
      skipped: number;
      /** The app.json was written by hookscope (the project had none). */
      generatedManifest: boolean;
      /** An app in the workspace already has this id. */
      clash: { id: string; name: string } | null;
      /** Where the app sits inside the opened folder ('' = at its top). */
      base?: string;
      /** Its npm packages, bundled from the opened folder's node_modules (src/ui/apps/read-project.ts). */
      bundled?: { packages: string[]; imported: string[]; depFiles: number; bytes: number; ms: number; warnings: string[] };
      /** The opened folder's node_modules files, kept to bundle the app again after edits. */
      readDep?: (path: string) => Promise<string | null>;
      /** Opened from an `rc-apps package` zip: its name and what it held. */
      zip?: { name: string; bytes: number; bundleBytes: number };
    };

function parseManifest(text: string): Record<string, unknown> | string {
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : 'app.json must be a JSON object';
  } catch (err) {
    return `app.json is not valid JSON: ${(err as Error).message}`;
  }
}

export interface PlanOptions {
  /** The picked folder's name (shown, and prefixed to a nested app's folder). */
  root?: string;
  skipped?: number;
  /**
   * The runtime's transpiler (sucrase, same options as src/runtime/module-loader.ts): scanning
   * its output sees exactly the requires the runtime will make (imports used only as types are
   * gone) and reports syntax errors. Without it the source is scanned as written.
   */
  transpile?: (path: string, source: string) => string;
}

function scanFile(file: ProjectFile, files: Record<string, string>, transpile: PlanOptions['transpile']): ImportProblem[] {
  let code = file.text;
  if (transpile) {
    try {
      code = transpile(file.path, file.text);
    } catch (err) {
      const loc = (err as { loc?: { line?: unknown } }).loc;
      const line = typeof loc?.line === 'number' ? loc.line : 1;
      const message = (err instanceof Error ? err.message : String(err)).replace(/^Error transforming [^:]*: /, '').replace(/ \(\d+:\d+\)$/, '');
      return [{ file: file.path, line, module: '', message: `syntax error: ${message}` }];
    }
  }
  return importProblems(file.path, findImports(code), files);
}

/** When the app sits one folder down (a repository with the app in `app/`), start there. */
function rebase(files: ProjectFile[]): { prefix: string; files: ProjectFile[] } {
  if (files.some((f) => f.path === 'app.json')) return { prefix: '', files };
  const manifests = files.filter((f) => f.path.endsWith('/app.json'));
  if (manifests.length !== 1) return { prefix: '', files };
  const prefix = manifests[0]!.path.slice(0, -'app.json'.length);
  return { prefix: prefix.slice(0, -1), files: files.filter((f) => f.path.startsWith(prefix)).map((f) => ({ ...f, path: f.path.slice(prefix.length) })) };
}

/**
 * Builds the workspace app for a project's source files (paths relative to the project folder,
 * already filtered with {@link skipReason}) and lists what would stop it from loading.
 */
export function planImport(input: ProjectFile[], existing: Pick<WorkspaceApp, 'id' | 'name'>[], opts: PlanOptions = {}): ImportPlan {
  const skipped = opts.skipped ?? 0;
  const { prefix, files } = rebase(input);
  const root = [opts.root ?? '', prefix].filter(Boolean).join('/');
  const fail = (error: string): ImportPlan => ({ ok: false, root, error, skipped });
  if (files.length === 0) return fail('no .ts, .js or .json files found (node_modules, dist and .git are not read)');
  const manifests = files.filter((f) => f.path === 'app.json' || f.path.endsWith('/app.json'));
  const byPath = Object.fromEntries(files.map((f) => [f.path, f.text]));
  const sources = files.filter((f) => /\.(ts|js)$/.test(f.path));

  let json: Record<string, unknown>;
  let generated = false;
  if (byPath['app.json'] !== undefined) {
    const parsed = parseManifest(byPath['app.json']);
    if (typeof parsed === 'string') return fail(parsed);
    json = parsed;
  } else {
    if (manifests.length > 1)
      return fail(`found ${manifests.length} app.json files (${manifests.map((m) => m.path).join(', ')}): open one app folder at a time`);
    const main = findMainClass(sources);
    if (!main) return fail('no app.json and no class extending App found: this does not look like a Rocket.Chat app project');
    const name = main.className.replace(/App$/, '') || main.className;
    json = JSON.parse(appJson({ id: slugify(name) || 'app', name, version: '0.0.1', classFile: main.path })) as Record<string, unknown>;
    generated = true;
  }
  const str = (k: string) => (typeof json[k] === 'string' && json[k] !== '' ? (json[k] as string) : undefined);
  const classFile = str('classFile');
  if (!classFile) return fail('app.json has no "classFile" (the file with the class extending App)');
  if (byPath[classFile] === undefined) {
    const found =
      sources
        .map((s) => s.path)
        .slice(0, 8)
        .join(', ') || 'none';
    return fail(`app.json names classFile "${classFile}", which is not in the folder (.ts/.js files found: ${found})`);
  }
  const fileMap: Record<string, string> = { ...byPath };
  if (generated) fileMap['app.json'] = `${JSON.stringify(json, null, 2)}\n`;
  const name = str('name') ?? classFile.replace(/\.(ts|js)$/, '');
  const id = str('id') ?? (slugify(name) || 'app');
  const app: WorkspaceApp = { id, name, classFile, enabled: true, files: fileMap };
  const nameSlug = str('nameSlug');
  if (nameSlug) app.nameSlug = nameSlug;
  const version = str('version');
  if (version) app.version = version;
  const description = str('description');
  if (description) app.description = description;
  if (Array.isArray(json['essentials'])) app.essentials = json['essentials'].filter((e): e is string => typeof e === 'string');
  const problems = sources.flatMap((s) => scanFile(s, fileMap, opts.transpile));
  const other = existing.find((a) => a.id === id);
  return { ok: true, root, app, problems, skipped, generatedManifest: generated, clash: other ? { id: other.id, name: other.name } : null, base: prefix };
}

/** The app as a copy next to an existing one with the same id: a new id in its fields and app.json. */
export function asCopy(app: WorkspaceApp, takenIds: string[]): WorkspaceApp {
  const id = uniqueId(`${app.id}-copy`, takenIds);
  const name = `${app.name} (copy)`;
  const files = { ...app.files };
  const json = parseManifest(files['app.json'] ?? '');
  if (typeof json !== 'string') {
    json['id'] = id;
    json['name'] = name;
    files['app.json'] = `${JSON.stringify(json, null, 2)}\n`;
  }
  return { ...app, id, name, files };
}
