/**
 * Reads a project from the browser: the files of an `<input webkitdirectory>` or a drop (folders
 * are walked through the entries API, never descending into node_modules, dist or .git), or an
 * `rc-apps package` zip. Only app source is read; the plan comes from src/workspace/import-project.ts.
 *
 * When the app imports npm packages and the folder has node_modules, the app is bundled like the
 * apps compiler does (src/bundle/bundle-files.ts, esbuild-wasm in a worker: ./bundler/), reading
 * only the node_modules files its imports reach: a File of the picked list, or one looked up by
 * path in the dropped folder.
 */
import { planImport, skipReason, stripCommonRoot, type ImportPlan, type ProjectFile } from '../../workspace/import-project.ts';
import type { WorkspaceApp } from '../../workspace/types.ts';
import type { NodeModules } from './npm-plan.ts';

/** The runtime's transpile step (loaded only when a project is opened). */
async function runtimeTranspiler(): Promise<(path: string, source: string) => string> {
  const { transform } = await import('sucrase');
  return (path, source) =>
    transform(source, { transforms: path.endsWith('.ts') ? ['typescript', 'imports'] : ['imports'], filePath: path, production: true }).code;
}

interface Picked {
  path: string;
  file: File;
}

const join = (...parts: string[]) => parts.filter((p) => p !== '').join('/');
const NM = /(^|\/)node_modules\//;
const isZip = (file: File) => /\.zip$/i.test(file.name);

/** The npm and zip parts of planning, loaded with the first project opened (not with the page). */
const plans = () => import('./npm-plan.ts');

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
  return (await plans()).withNpmPackages(plan, modulesOf(root));
}

/** Files from `<input type=file webkitdirectory>` (or a multi-file input). */
export function planFromFileList(list: FileList, existing: WorkspaceApp[]): Promise<ImportPlan> {
  const all = [...list];
  const zip = all.length === 1 && all[0] && isZip(all[0]) ? all[0] : null;
  if (zip) return plans().then((m) => m.planFromZip(zip, existing));
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
      (f) =>
        (f as FileSystemFileEntry).file(
          (file) => file.text().then(resolve, () => resolve(null)),
          () => resolve(null),
        ),
      () => resolve(null),
    );
  });
}

/** A drop of one folder, or of loose files (a folder's contents), or of a package zip. */
export async function planFromDrop(data: DataTransfer, existing: WorkspaceApp[]): Promise<ImportPlan> {
  const zip = data.files.length === 1 && data.files[0] && isZip(data.files[0]) ? data.files[0] : null;
  if (zip) return (await plans()).planFromZip(zip, existing);
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

/** True when a drag carries files from the desktop (not an app row being reordered). */
export function carriesFiles(data: DataTransfer): boolean {
  return [...data.types].includes('Files');
}
