/**
 * What hookscope loads for an app that comes from disk or from a package, the way the Rocket.Chat
 * server gets it: the `app.json` manifest and ONE bundled CommonJS file (spec 7.3, "require").
 *
 * The bundle sits in the files map under {@link bundlePathFor}(classFile); the runtime's module
 * loader runs it instead of the class file's source when it is there (no transpiling). The
 * sources stay in the map beside it, for the editor, the `implements` scan and stack lines (a
 * source map `<bundle>.map` sends a frame in the bundle back to `MyApp.ts:12:5`).
 *
 * Pure data, no `node:` imports: the browser uses it too.
 */
import type { AppDefinition } from '../engine/apps/app-manifest.ts';

export { BUNDLED_MARKER, BUNDLE_DIR, bundlePathFor } from '../protocol/bundle-path.ts';

export interface AppManifestJson {
  id: string;
  name: string;
  nameSlug?: string;
  version?: string;
  description?: string;
  classFile: string;
  implements?: string[];
  [key: string]: unknown;
}

export interface LoadedApp {
  manifest: AppManifestJson;
  /** The class file as app.json names it (`MyApp.ts`). */
  classFile: string;
  /** The path of the bundle in `files`. */
  bundlePath: string;
  /** `app.json`, the sources (if any), the bundle (marked) and its source map (if any). */
  files: Record<string, string>;
  /** Source files only (the app's own, not node_modules), for showing and scanning. */
  sources: Record<string, string>;
  /** Where it came from, for messages ("folder /x/y", "package my-app.zip"). */
  origin: string;
}

/** A problem loading or bundling an app; `message` names the file, line and module. */
export class AppLoadError extends Error {
  override readonly name = 'AppLoadError';
  constructor(
    message: string,
    readonly file?: string,
    readonly line?: number,
  ) {
    super(message);
  }
}

export function parseManifest(text: string, where: string): AppManifestJson {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppLoadError(`${where}: app.json is not valid JSON: ${(e as Error).message}`, 'app.json');
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw new AppLoadError(`${where}: app.json is not an object`, 'app.json');
  const m = json as Record<string, unknown>;
  for (const key of ['id', 'name', 'classFile'] as const) {
    if (typeof m[key] !== 'string' || m[key] === '') throw new AppLoadError(`${where}: app.json has no "${key}" string`, 'app.json');
  }
  return m as AppManifestJson;
}

/** The engine's AppDefinition for a loaded app (enabled; manifest fields from app.json). */
export function toAppDefinition(app: LoadedApp): AppDefinition {
  const m = app.manifest;
  const def: AppDefinition = { id: m.id, name: m.name, classFile: app.classFile, files: { ...app.files }, enabled: true };
  if (typeof m.nameSlug === 'string') def.nameSlug = m.nameSlug;
  if (typeof m.version === 'string') def.version = m.version;
  if (typeof m.description === 'string') def.description = m.description;
  return def;
}
