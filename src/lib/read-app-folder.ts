/**
 * The source files of an app project on disk, for the workbench's editor (`hookscope dev`): what
 * `rc-apps package` would pick (src/bundle/ignored-files.ts: its defaults and `.rcappsconfig`
 * `ignoredFiles`; never node_modules or dot files), limited to the .ts/.js/.json files the
 * browser's Open folder reads.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { ignoredMatcher, parseRcAppsConfig } from '../bundle/ignored-files.ts';
import { AppLoadError } from '../bundle/loaded-app.ts';
import { planImport, skipReason, type ProjectFile } from '../workspace/import-project.ts';
import type { AppDefinition } from '../engine/apps/app-manifest.ts';

export class AppFolderError extends Error {
  override name = 'AppFolderError';
}

/** A predicate over paths relative to `dir`: true for files the app package leaves out. */
export async function ignoredIn(dir: string): Promise<(path: string) => boolean> {
  let text: string | undefined;
  try {
    text = await readFile(join(dir, '.rcappsconfig'), 'utf8');
  } catch {
    text = undefined;
  }
  try {
    return ignoredMatcher(parseRcAppsConfig(text));
  } catch (err) {
    if (err instanceof AppLoadError) throw new AppFolderError(`${dir}: ${err.message}`);
    throw err;
  }
}

/** The project's source files (paths relative to `dir`, with `/`). */
export async function readProjectFiles(dir: string): Promise<ProjectFile[]> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new AppFolderError(`the app folder ${dir} does not exist`);
  if (!info.isDirectory()) throw new AppFolderError(`${dir} is not a folder`);
  const isIgnored = await ignoredIn(dir);
  const paths = await glob(['**/*.{ts,js,json}'], { cwd: dir, ignore: ['**/node_modules/**'], dot: false, onlyFiles: true, followSymbolicLinks: false });
  const files: ProjectFile[] = [];
  for (const path of paths.sort()) {
    // Tests and specs (`**/*.test.ts` in .rcappsconfig) are not the app: not shown, not scanned.
    if (path !== 'app.json' && isIgnored(path)) continue;
    const size = (await stat(join(dir, path)).catch(() => null))?.size;
    if (size === undefined || skipReason(path, size) !== null) continue;
    files.push({ path, text: await readFile(join(dir, path), 'utf8') });
  }
  return files;
}

/** The app in `dir` from its own source files, as the browser's Open folder makes it. */
export async function readAppFolder(dir: string): Promise<AppDefinition> {
  const plan = planImport(await readProjectFiles(dir), []);
  if (!plan.ok) throw new AppFolderError(`${dir}: ${plan.error}`);
  return plan.app;
}
