/**
 * `loadAppZip(bytes)`: the package `rc-apps package` writes (`dist/<name>_<version>.zip`): `app.json`
 * (its `classFile` still says `MyApp.ts`, its `implements` filled in by the compiler), the bundled
 * class file as `MyApp.js`, and support files. The server runs that `.js` as it is; so do we.
 * No `node:` imports: usable in the browser.
 */
import { Unzip, UnzipInflate, strFromU8 } from 'fflate';
import { AppLoadError, BUNDLED_MARKER, bundlePathFor, parseManifest, type LoadedApp } from './loaded-app.ts';

const MAX_ENTRIES = 2000;
const MAX_UNZIPPED_BYTES = 32 * 1024 * 1024;
const TEXT_FILE = /\.(js|json|md|txt|html|css)$/i;

/** Input is fed to the inflater in slices this small, so one slice cannot inflate past ~1 MB (deflate's ratio is at most ~1:1032). */
const SLICE = 1024;

/**
 * Unpacks `bytes`, measuring what each entry really inflates to while it inflates: the sizes a
 * zip declares in its headers are not trusted (a crafted header may say 10 bytes for 1 GB).
 */
export function unpackZip(bytes: Uint8Array, origin: string): Record<string, Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  let total = 0;
  let count = 0;
  let stop: AppLoadError | null = null;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (file) => {
    count += 1;
    if (count > MAX_ENTRIES) stop ??= new AppLoadError(`${origin}: more than ${MAX_ENTRIES} files`);
    if (stop || file.name.endsWith('/')) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (err, chunk, final) => {
      if (stop) return;
      if (err) {
        stop = new AppLoadError(`${origin}: not a readable zip file (${file.name}: ${err.message})`);
        return;
      }
      total += chunk.length;
      if (total > MAX_UNZIPPED_BYTES) {
        stop = new AppLoadError(`${origin}: unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB (measured while unpacking; it was not opened)`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) entries[file.name] = concat(chunks);
    };
    file.start();
  };
  try {
    for (let at = 0; at < bytes.length && !stop; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  } catch (e) {
    stop ??= new AppLoadError(`${origin}: not a readable zip file (${e instanceof Error ? e.message : String(e)})`);
  }
  if (stop) throw stop;
  if (count === 0) throw new AppLoadError(`${origin}: not a readable zip file (no entries found)`);
  return entries;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function loadAppZip(bytes: Uint8Array, name = 'package.zip'): LoadedApp {
  const origin = `package ${name}`;
  const entries = unpackZip(bytes, origin);
  const text = (path: string): string | undefined => {
    const data = entries[path];
    return data === undefined ? undefined : strFromU8(data);
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
