/**
 * `loadAppFolder(dir)`: an app project on disk (what `rc-apps deploy` starts from) turned into what
 * the server runs: `app.json`, the bundled class file (see bundle-node.ts) and, beside it, the
 * app's own source files for the editor, the `implements` scan and stack lines. Node only.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleAppFolder } from './bundle-node.ts';
import { ignoredMatcher, parseRcAppsConfig } from './ignored-files.ts';
import { AppLoadError, bundlePathFor, parseManifest, type LoadedApp } from './loaded-app.ts';

/** Budget for the source files carried beside the bundle (they are shown, not run). */
const MAX_SOURCE_FILES = 500;
const MAX_SOURCE_BYTES = 4 * 1024 * 1024;
const TEXT_FILE = /\.(ts|js|mjs|cjs|json|md|txt|html|css)$/i;

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

async function listFiles(dir: string, isIgnored: (p: string) => boolean): Promise<string[]> {
  const out: string[] = [];
  async function walk(rel: string): Promise<void> {
    const entries = await readdir(join(dir, rel), { withFileTypes: true });
    for (const e of entries) {
      const path = rel === '' ? e.name : `${rel}/${e.name}`;
      if (e.name === 'node_modules' || e.name === '.git' || e.name.startsWith('.')) continue;
      if (e.isDirectory()) await walk(path);
      else if (e.isFile() && TEXT_FILE.test(e.name) && (e.name.endsWith('.ts') ? !/\.d\.ts$/.test(e.name) : !isIgnored(path))) out.push(path);
      if (out.length > MAX_SOURCE_FILES) throw new AppLoadError(`the app folder has more than ${MAX_SOURCE_FILES} source files outside node_modules`);
    }
  }
  await walk('');
  return out.sort();
}

export async function loadAppFolder(dir: string): Promise<LoadedApp> {
  const origin = `folder ${dir}`;
  const info = await stat(dir).catch(() => null);
  if (!info?.isDirectory()) throw new AppLoadError(`${origin}: not a folder`);
  const manifestText = await readOptional(join(dir, 'app.json'));
  if (manifestText === undefined) throw new AppLoadError(`${origin}: there is no app.json in the folder`, 'app.json');
  const manifest = parseManifest(manifestText, origin);
  const classFile = manifest.classFile;
  if ((await readOptional(join(dir, classFile))) === undefined) {
    throw new AppLoadError(`${origin}: app.json names the class file "${classFile}", which is not in the folder`, 'app.json');
  }
  const isIgnored = ignoredMatcher(parseRcAppsConfig(await readOptional(join(dir, '.rcappsconfig'))));

  const sources: Record<string, string> = {};
  let bytes = 0;
  for (const path of await listFiles(dir, isIgnored)) {
    const text = await readFile(join(dir, path), 'utf8');
    bytes += text.length;
    if (bytes > MAX_SOURCE_BYTES) throw new AppLoadError(`${origin}: the app's source files are larger than ${MAX_SOURCE_BYTES / 1024 / 1024} MB`);
    sources[path] = text;
  }

  const bundlePath = bundlePathFor(classFile);
  const bundle = await bundleAppFolder(dir, classFile, bundlePath);
  const files: Record<string, string> = { ...sources, 'app.json': manifestText, [bundlePath]: bundle.code };
  if (bundle.map !== '') files[`${bundlePath}.map`] = bundle.map;
  return { manifest, classFile, bundlePath, files, sources, origin };
}
