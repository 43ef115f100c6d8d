/**
 * Reads a project from the browser: the files of an `<input webkitdirectory>` or a drop (folders
 * are walked through the entries API, never descending into node_modules, dist or .git). Only
 * app source is read; the plan comes from src/state/import-project.ts.
 */
import { planImport, skipReason, stripCommonRoot, type ImportPlan, type ProjectFile } from '../../state/import-project.ts';
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

async function planFrom(picked: Picked[], existing: WorkspaceApp[]): Promise<ImportPlan> {
  const { root, paths } = stripCommonRoot(picked.map((p) => p.path));
  const keep: { path: string; file: File }[] = [];
  let skipped = 0;
  paths.forEach((path, i) => {
    const file = picked[i]!.file;
    if (skipReason(path, file.size) === null) keep.push({ path, file });
    else skipped += 1;
  });
  const files: ProjectFile[] = await Promise.all(keep.map(async ({ path, file }) => ({ path, text: await file.text() })));
  return planImport(files, existing, { root, skipped, transpile: await runtimeTranspiler() });
}

/** Files from `<input type=file webkitdirectory>` (or a multi-file input). */
export function planFromFileList(list: FileList, existing: WorkspaceApp[]): Promise<ImportPlan> {
  const picked = [...list].map((file) => ({ path: file.webkitRelativePath || file.name, file }));
  return planFrom(picked, existing);
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

async function walk(entry: FileSystemEntry, prefix: string, out: Picked[]): Promise<void> {
  const path = prefix ? `${prefix}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    out.push({ path, file });
  } else if (entry.isDirectory && !SKIP_DIRS.has(entry.name)) {
    for (const child of await readAll((entry as FileSystemDirectoryEntry).createReader())) await walk(child, path, out);
  }
}

/** A drop of one folder, or of loose files (a folder's contents). */
export async function planFromDrop(data: DataTransfer, existing: WorkspaceApp[]): Promise<ImportPlan> {
  const entries = [...data.items].map((item) => (item.kind === 'file' ? item.webkitGetAsEntry() : null)).filter((e): e is FileSystemEntry => e !== null);
  const picked: Picked[] = [];
  if (entries.length > 0) for (const e of entries) await walk(e, '', picked);
  else for (const file of [...data.files]) picked.push({ path: file.name, file });
  return planFrom(picked, existing);
}

/** True when a drag carries files from the desktop (not an app row being reordered). */
export function carriesFiles(data: DataTransfer): boolean {
  return [...data.types].includes('Files');
}
