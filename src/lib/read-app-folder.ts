/**
 * Reads an app project's source from disk the way `rc-apps package` picks files: everything but
 * node_modules and what `.rcappsconfig` lists in `ignoredFiles` (glob patterns), limited to the
 * .ts/.js/.json files an app loads (the same rule as the browser's Open folder).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { planImport, skipReason, type ProjectFile } from '../state/import-project.ts';
import type { AppDefinition } from '../engine/apps/app-manifest.ts';

/** What `rc-apps create` writes into `.rcappsconfig`, used when the project has none. */
export const DEFAULT_IGNORED = ['**/README.md', '**/package-lock.json', '**/package.json', '**/tslint.json', '**/tsconfig.json', '**/*.js', '**/*.js.map', '**/*.d.ts', '**/*.spec.ts', '**/*.test.ts', '**/dist/**', '**/.*'];

export class AppFolderError extends Error {
  override name = 'AppFolderError';
}

export async function ignoredFiles(dir: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(join(dir, '.rcappsconfig'), 'utf8');
  } catch {
    return DEFAULT_IGNORED;
  }
  try {
    const json = JSON.parse(text) as { ignoredFiles?: unknown };
    return Array.isArray(json.ignoredFiles) ? json.ignoredFiles.filter((p): p is string => typeof p === 'string') : [];
  } catch (err) {
    throw new AppFolderError(`${join(dir, '.rcappsconfig')} is not valid JSON: ${(err as Error).message}`);
  }
}

/** The project's source files (paths relative to `dir`, with `/`). */
export async function readProjectFiles(dir: string): Promise<ProjectFile[]> {
  let info;
  try {
    info = await stat(dir);
  } catch {
    throw new AppFolderError(`the app folder ${dir} does not exist`);
  }
  if (!info.isDirectory()) throw new AppFolderError(`${dir} is not a folder`);
  const ignore = ['**/node_modules/**', ...(await ignoredFiles(dir))];
  const paths = await glob(['**/*.{ts,js,json}'], { cwd: dir, ignore, dot: false, onlyFiles: true, followSymbolicLinks: false });
  const keep = ['app.json', ...paths.filter((p) => p !== 'app.json')].filter((p, i, all) => all.indexOf(p) === i);
  const files: ProjectFile[] = [];
  for (const path of keep.sort()) {
    let size: number;
    try {
      size = (await stat(join(dir, path))).size;
    } catch {
      continue;
    }
    if (skipReason(path, size) !== null) continue;
    files.push({ path, text: await readFile(join(dir, path), 'utf8') });
  }
  return files;
}

/** The app in `dir` as the engine installs it (its own source files, as written). */
export async function readAppFolder(dir: string): Promise<AppDefinition> {
  const files = await readProjectFiles(dir);
  const plan = planImport(files, []);
  if (!plan.ok) throw new AppFolderError(`${dir}: ${plan.error}`);
  return plan.app;
}
