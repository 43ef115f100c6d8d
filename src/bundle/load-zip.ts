/**
 * `loadAppZip(bytes)`: the package `rc-apps package` writes (`dist/<name>_<version>.zip`): `app.json`
 * (its `classFile` still says `MyApp.ts`, its `implements` filled in by the compiler), the bundled
 * class file as `MyApp.js`, and support files. The server runs that `.js` as it is; so do we.
 * No `node:` imports: usable in the browser.
 */
import { unzipSync } from 'fflate';
import { AppLoadError, BUNDLED_MARKER, bundlePathFor, parseManifest, type LoadedApp } from './loaded-app.ts';

const MAX_ENTRIES = 2000;
const MAX_UNZIPPED_BYTES = 32 * 1024 * 1024;
const TEXT_FILE = /\.(js|json|md|txt|html|css)$/i;

export function loadAppZip(bytes: Uint8Array, name = 'package.zip'): LoadedApp {
  const origin = `package ${name}`;
  let entries: Record<string, Uint8Array>;
  let total = 0;
  let count = 0;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        count += 1;
        total += file.originalSize;
        if (count > MAX_ENTRIES) throw new AppLoadError(`${origin}: more than ${MAX_ENTRIES} files`);
        if (total > MAX_UNZIPPED_BYTES) throw new AppLoadError(`${origin}: unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`);
        return !file.name.endsWith('/');
      },
    });
  } catch (e) {
    if (e instanceof AppLoadError) throw e;
    throw new AppLoadError(`${origin}: not a readable zip file (${e instanceof Error ? e.message : String(e)})`);
  }
  const decoder = new TextDecoder('utf-8');
  const text = (path: string): string | undefined => {
    const data = entries[path];
    return data === undefined ? undefined : decoder.decode(data);
  };
  // `rc-apps package` puts app.json at the root; some tools wrap everything in one folder.
  const names = Object.keys(entries);
  const manifestPath = names.includes('app.json') ? 'app.json' : names.find((n) => /^[^/]+\/app\.json$/.test(n));
  if (manifestPath === undefined) throw new AppLoadError(`${origin}: there is no app.json in the package`, 'app.json');
  const root = manifestPath.slice(0, -'app.json'.length);
  const manifestText = text(manifestPath) ?? '';
  const manifest = parseManifest(manifestText, origin);
  const classFile = manifest.classFile;
  const jsName = classFile.replace(/\.ts$/, '.js');
  const code = text(root + jsName);
  if (code === undefined) throw new AppLoadError(`${origin}: app.json names the class file "${classFile}", but the package has no "${jsName}"`, 'app.json');

  const files: Record<string, string> = { 'app.json': manifestText };
  const sources: Record<string, string> = {};
  for (const n of names) {
    if (!n.startsWith(root) || n === manifestPath || n === root + jsName || !TEXT_FILE.test(n)) continue;
    const rel = n.slice(root.length);
    const t = text(n);
    if (t !== undefined) sources[rel] = t;
  }
  // Without a bundler the compiler packs each compiled file: those run as they are too.
  for (const [rel, t] of Object.entries(sources)) files[rel] = rel.endsWith('.js') ? BUNDLED_MARKER + t : t;
  const bundlePath = bundlePathFor(classFile);
  files[bundlePath] = BUNDLED_MARKER + code;
  return { manifest, classFile, bundlePath, files, sources, origin };
}
