/**
 * Reads a project from the browser: the files of an `<input webkitdirectory>` or a drop (folders
 * are walked through the entries API, never descending into node_modules, dist or .git), or an
 * `rc-apps package` zip. Only app source is read; the plan comes from src/state/import-project.ts.
 *
 * When the app imports npm packages and the folder has node_modules, the app is bundled like the
 * apps compiler does (src/bundle/bundle-files.ts, esbuild-wasm in a worker: ./bundler/), reading
 * only the node_modules files its imports reach: a File of the picked list, or one looked up by
 * path in the dropped folder.
 */
import { classifyImport } from '../../bundle/compiler-rules.ts';
import { AppLoadError } from '../../bundle/loaded-app.ts';
import { withBundle } from '../../state/app-bundle.ts';
import { planImport, skipReason, stripCommonRoot, type ImportPlan, type ImportProblem, type ProjectFile } from '../../state/import-project.ts';
import { findImports } from '../../state/import-scan.ts';
import type { WorkspaceApp } from '../../state/types.ts';

/** The runtime's transpile step (loaded only when a project is opened). */
async function runtimeTranspiler(): Promise<(path: string, source: string) => string> {
  const { transform } = await import('sucrase');
  return (path, source) => transform(source, { transforms: path.endsWith('.ts') ? ['typescript', 'imports'] : ['imports'], filePath: path, production: true }).code;
}

interface Picked {
  path: string;
  file: File;
}

type ReadDep = (path: string) => Promise<string | null>;

/**
 * How node_modules files are reached: `has(dir)` says whether the opened folder has a
 * node_modules folder at `dir` (paths inside the opened folder), `read(path)` reads one file.
 */
interface NodeModules {
  has(dir: string): boolean;
  read(path: string): Promise<string | null>;
}

const join = (...parts: string[]) => parts.filter((p) => p !== '').join('/');
const NM = /(^|\/)node_modules\//;

/** The npm packages the app's sources import (not type-only), with where. */
function packageImports(app: WorkspaceApp): { file: string; line: number; module: string }[] {
  const out: { file: string; line: number; module: string }[] = [];
  for (const [file, text] of Object.entries(app.files)) {
    if (!/\.(ts|js)$/.test(file)) continue;
    for (const ref of findImports(text)) {
      const kind = classifyImport(ref.module);
      if (!ref.typeOnly && (kind === 'package' || kind === 'ui-kit')) out.push({ file, line: ref.line, module: ref.module });
    }
  }
  return out;
}

const isPackageProblem = (p: ImportProblem) => p.module !== '' && ['package', 'ui-kit'].includes(classifyImport(p.module));

/** Bundles the planned app's npm packages from the folder's node_modules, or names what is missing. */
async function withNpmPackages(plan: ImportPlan, modules: NodeModules): Promise<ImportPlan> {
  if (!plan.ok) return plan;
  const wanted = packageImports(plan.app);
  if (wanted.length === 0) return plan;
  const base = plan.base ?? '';
  if (!modules.has(base)) {
    // The runtime refuses packages it does not provide; say what would make them load.
    const named = new Set(plan.problems.filter(isPackageProblem).map((p) => `${p.file}:${p.line}:${p.module}`));
    const problems = plan.problems.map((p) =>
      named.has(`${p.file}:${p.line}:${p.module}`) ? { ...p, message: `imports "${p.module}": the Rocket.Chat apps runtime does not provide it, and the opened folder has no node_modules to bundle it from: run \`npm install\` in the app folder, then open it again` } : p,
    );
    return { ...plan, problems };
  }
  const readDep: ReadDep = (p) => modules.read(join(base, p));
  const { bundleInWorker } = await import('./bundler/bundle-client.ts');
  const t0 = performance.now();
  const r = await bundleInWorker(plan.app, readDep);
  const ms = performance.now() - t0;
  const others = plan.problems.filter((p) => !isPackageProblem(p));
  if (!r.ok) {
    const message = r.message.replace(/^Could not bundle the app: /, '').replace(/^[^\s:]+:\d+:\d+: /, '');
    return { ...plan, problems: [...others, { file: r.file ?? plan.app.classFile, line: r.line ?? 1, module: '', message: `cannot be bundled: ${message}` }] };
  }
  const app = withBundle(plan.app, r.code, r.map);
  return { ...plan, app, problems: others, readDep, bundled: { packages: r.packages, depFiles: r.depFiles.length, bytes: r.code.length, ms: Math.round(ms), warnings: r.warnings } };
}

async function planFrom(picked: Picked[], existing: WorkspaceApp[], modulesOf: (root: string) => NodeModules): Promise<ImportPlan> {
  const { root, paths } = stripCommonRoot(picked.map((p) => p.path));
  const keep: { path: string; file: File }[] = [];
  let skipped = 0;
  paths.forEach((path, i) => {
    const file = picked[i]!.file;
    if (skipReason(path, file.size) === null) keep.push({ path, file });
    else skipped += 1;
  });
  const files: ProjectFile[] = await Promise.all(keep.map(async ({ path, file }) => ({ path, text: await file.text() })));
  const plan = planImport(files, existing, { root, skipped, transpile: await runtimeTranspiler() });
  return withNpmPackages(plan, modulesOf(root));
}

/** Files from `<input type=file webkitdirectory>` (or a multi-file input). */
export function planFromFileList(list: FileList, existing: WorkspaceApp[]): Promise<ImportPlan> {
  const all = [...list];
  const zip = all.length === 1 && all[0] && isZip(all[0]) ? all[0] : null;
  if (zip) return planFromZip(zip, existing);
  const picked = all.map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  return planFrom(picked, existing, () => {
    // Paths relative to the opened folder: the lists' paths without the folder's own name.
    const { paths } = stripCommonRoot(picked.map((p) => p.path));
    const byPath = new Map<string, File>();
    paths.forEach((p, i) => NM.test(p) && byPath.set(p, picked[i]!.file));
    return {
      has: (dir) => [...byPath.keys()].some((p) => p.startsWith(join(dir, 'node_modules/'))),
      read: (path) => byPath.get(path)?.text() ?? Promise.resolve(null),
    };
  });
}

const SKIP_DIRS = new Set(['node_modules', 'dist', '.git']);

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    const next = () =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(out);
        else {
          out.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, prefix: string, out: Picked[], nodeModules: Set<string>): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path, file });
  } else if (entry.isDirectory && entry.name === 'node_modules') {
    nodeModules.add(prefix);
  } else if (entry.isDirectory && !SKIP_DIRS.has(entry.name)) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await walk(child, path, out, nodeModules);
  }
}

/** One file of a dropped folder by its path (first segment: a dropped entry), or null. */
function fileAt(tops: FileSystemEntry[], path: string): Promise<string | null> {
  const [first, ...rest] = path.split('/');
  const top = tops.find((e) => e.name === first);
  if (!top?.isDirectory || rest.length === 0) return Promise.resolve(null);
  return new Promise((resolve) => {
    (top as FileSystemDirectoryEntry).getFile(
      rest.join('/'),
      {},
      (f) => (f as FileSystemFileEntry).file((file) => file.text().then(resolve, () => resolve(null)), () => resolve(null)),
      () => resolve(null),
    );
  });
}

/** A drop of one folder, or of loose files (a folder's contents), or of a package zip. */
export async function planFromDrop(data: DataTransfer, existing: WorkspaceApp[]): Promise<ImportPlan> {
  const zip = data.files.length === 1 && data.files[0] && isZip(data.files[0]) ? data.files[0] : null;
  if (zip) return planFromZip(zip, existing);
  const entries = [...data.items].map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null)).filter((e): e is FileSystemEntry => e !== null);
  const picked: Picked[] = [];
  const nodeModules = new Set<string>();
  if (entries.length > 0) for (const e of entries) await walk(e, '', picked, nodeModules);
  else for (const file of [...data.files]) picked.push({ path: file.name, file });
  return planFrom(picked, existing, (root) => {
    const full = (p: string) => join(root, p);
    return { has: (dir) => nodeModules.has(full(dir)), read: (path) => fileAt(entries, full(path)) };
  });
}

const isZip = (file: File) => /\.zip$/i.test(file.name);

/** The largest package accepted (the unpacked limit is load-zip's, measured while unpacking). */
const MAX_ZIP_BYTES = 16 * 1024 * 1024;

/** An `rc-apps package` zip: app.json and the bundled class file, run as they are (src/bundle/load-zip.ts). */
async function planFromZip(file: File, existing: Pick<WorkspaceApp, 'id' | 'name'>[]): Promise<ImportPlan> {
  const fail = (error: string): ImportPlan => ({ ok: false, root: file.name, error, skipped: 0 });
  if (file.size > MAX_ZIP_BYTES) return fail(`package ${file.name}: ${(file.size / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_ZIP_BYTES / 1024 / 1024} MB hookscope opens`);
  let loaded;
  try {
    // fflate's unzip is fetched when a package is opened, not with the page.
    const { loadAppZip } = await import('../../bundle/load-zip.ts');
    loaded = loadAppZip(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (err) {
    return fail(err instanceof AppLoadError || err instanceof Error ? err.message : String(err));
  }
  const m = loaded.manifest;
  const app: WorkspaceApp = { id: m.id, name: m.name, classFile: loaded.classFile, enabled: true, files: { ...loaded.files } };
  if (typeof m.nameSlug === 'string') app.nameSlug = m.nameSlug;
  if (typeof m.version === 'string') app.version = m.version;
  if (typeof m.description === 'string') app.description = m.description;
  if (Array.isArray(m['essentials'])) app.essentials = (m['essentials'] as unknown[]).filter((e): e is string => typeof e === 'string');
  const other = existing.find((a) => a.id === app.id);
  return {
    ok: true,
    root: file.name,
    app,
    problems: [],
    skipped: 0,
    generatedManifest: false,
    clash: other ? { id: other.id, name: other.name } : null,
    zip: { name: file.name, bytes: file.size, bundleBytes: (loaded.files[loaded.bundlePath] ?? '').length },
  };
}

/** True when a drag carries files from the desktop (not an app row being reordered). */
export function carriesFiles(data: DataTransfer): boolean {
  return [...data.types].includes('Files');
}
