/**
 * What `hookscope dev` gives the page to run: the app folder bundled the way `hookscope run`
 * bundles it (src/bundle/bundle-node.ts: esbuild, npm dependencies from the folder's
 * node_modules, ui-kit bundled), either from the disk or from the page's edited sources laid
 * over the folder (the browser editor's edits, not saved).
 */
import { readFile } from 'node:fs/promises';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { bundleAppFolder } from '../bundle/bundle-node.ts';
import { AppLoadError, bundlePathFor, parseManifest } from '../bundle/loaded-app.ts';
import { DEV_BUNDLE_LIMITS, type DevBundle, type DevBundleRequest } from './protocol.ts';

async function bundle(dir: string, classFile: string, files?: Record<string, string>): Promise<DevBundle> {
  const path = bundlePathFor(classFile);
  try {
    const out = await bundleAppFolder(dir, classFile, path, files ? { files } : {});
    return { ok: true, path, code: out.code, map: out.map, warnings: out.warnings };
  } catch (err) {
    if (err instanceof AppLoadError) return { ok: false, error: err.message };
    throw err;
  }
}

/** The folder as it is on disk. */
export async function bundleFolder(dir: string): Promise<DevBundle> {
  let manifest;
  try {
    manifest = parseManifest(await readFile(join(dir, 'app.json'), 'utf8'), `folder ${dir}`);
  } catch (err) {
    return { ok: false, error: `Could not bundle the app: ${(err as Error).message}` };
  }
  return bundle(dir, manifest.classFile);
}

/** Why a bundle request is refused (400), or null. Paths must stay inside the folder and out of node_modules. */
export function refuseBundleRequest(body: unknown): string | null {
  if (typeof body !== 'object' || body === null) return 'needs an object';
  const { files, classFile } = body as Partial<DevBundleRequest>;
  if (typeof classFile !== 'string' || classFile === '') return 'needs "classFile"';
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return 'needs "files"';
  const entries = Object.entries(files);
  if (entries.length > DEV_BUNDLE_LIMITS.files) return `more than ${DEV_BUNDLE_LIMITS.files} files`;
  for (const [path, text] of entries) {
    if (typeof text !== 'string') return `${path}: not text`;
    const clean = normalize(path).split(sep).join('/');
    if (isAbsolute(path) || clean.startsWith('../') || clean === '..' || clean.split('/').includes('node_modules'))
      return `${path}: not a path inside the app folder`;
  }
  if (!Object.prototype.hasOwnProperty.call(files, classFile)) return `the class file "${classFile}" is not among "files"`;
  return null;
}

/** The page's sources over the folder (a request `refuseBundleRequest` accepted). */
export function bundleEdits(dir: string, request: DevBundleRequest): Promise<DevBundle> {
  const files = Object.fromEntries(Object.entries(request.files).map(([p, t]) => [normalize(p).split(sep).join('/'), t]));
  return bundle(dir, normalize(request.classFile).split(sep).join('/'), files);
}
