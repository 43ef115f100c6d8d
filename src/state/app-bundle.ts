/**
 * An app whose npm packages were bundled in the page from an opened folder's node_modules
 * (src/ui/apps/bundler/) carries the bundle in its files, under `__bundle__/` (the runtime's
 * module loader runs it instead of the class file, as for a folder the Node runner bundled), with
 * a stamp of the sources it was made from on its last line. After an edit the stamp no longer
 * matches: the page bundles again while it still holds the folder's node_modules (the preparer set
 * with {@link setAppPreparer}); without them (after a reload) the stale bundle is never run: it is
 * replaced by one that fails to load with a sentence saying why.
 *
 * Pure except the preparer slot; no DOM.
 */
import type { WorkspaceApp } from '../workspace/types.ts';

/** src/protocol/bundle-path.ts (`BUNDLE_DIR`, `BUNDLED_MARKER`): state may not import the protocol. */
const BUNDLE_DIR = '__bundle__/';
const MARKER = '/*hookscope:cjs*/';
const STAMP = /\n\/\/# hookscope-sources=([0-9a-f]{8})\n?$/;

export const bundlePathOf = (app: Pick<WorkspaceApp, 'classFile'>): string => `${BUNDLE_DIR}${app.classFile.replace(/\.(ts|js)$/, '')}.js`;

export const isBundlePath = (path: string): boolean => path.startsWith(BUNDLE_DIR);

/** FNV-1a over the app's own files (not the bundle), in path order. */
export function sourcesStamp(files: Record<string, string>): string {
  let h = 0x811c9dc5;
  const mix = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (const path of Object.keys(files)
    .filter((p) => !isBundlePath(p))
    .sort()) {
    mix(path);
    mix(files[path] ?? '');
  }
  return h.toString(16).padStart(8, '0');
}

/** The app with `code` (a marked bundle) and its map as its bundle, stamped with its current sources. */
export function withBundle(app: WorkspaceApp, code: string, map: string): WorkspaceApp {
  const path = bundlePathOf(app);
  const files = { ...app.files, [path]: `${code.replace(/\n?$/, '\n')}//# hookscope-sources=${sourcesStamp(app.files)}\n` };
  if (map !== '') files[`${path}.map`] = map;
  else delete files[`${path}.map`];
  return { ...app, files };
}

/** True when the app's bundle was made in the page from other sources than it has now. */
export function hasStaleBundle(app: WorkspaceApp): boolean {
  const stamp = STAMP.exec(app.files[bundlePathOf(app)] ?? '')?.[1];
  return stamp !== undefined && stamp !== sourcesStamp(app.files);
}

/** True when the app's bundle was made in the page (stamped), stale or not. */
export function hasPageBundle(app: WorkspaceApp): boolean {
  return STAMP.test(app.files[bundlePathOf(app)] ?? '');
}

/** The stale bundle replaced by one that fails to load with `why` (what the engine loads, not stored). */
function withFailingBundle(app: WorkspaceApp, why: string): WorkspaceApp {
  const path = bundlePathOf(app);
  const files = { ...app.files, [path]: `${MARKER}throw new Error(${JSON.stringify(why)});\n` };
  delete files[`${path}.map`];
  return { ...app, files };
}

const NO_FOLDER =
  'was edited after its npm packages were bundled from the opened folder, and the page no longer has that folder (it was reloaded): open the folder again (Open folder…) to bundle the edited code';

/** Bundles an app again and stores it; null when the page does not hold its folder's node_modules. */
type Preparer = (app: WorkspaceApp) => Promise<WorkspaceApp> | null;
let preparer: Preparer | null = null;

/** The page's bundler (src/ui/apps/bundler/), set once it is loaded. */
export function setAppPreparer(fn: Preparer): void {
  preparer = fn;
}

/**
 * What the engine should load for `app`: itself, or (stale bundle) the app bundled again, which
 * the preparer also stored, or one whose bundle fails with why. Throws the bundler's error.
 */
export async function prepareApp(app: WorkspaceApp): Promise<WorkspaceApp> {
  if (!hasStaleBundle(app)) return app;
  const again = preparer?.(app);
  if (again) return again;
  return withFailingBundle(app, `${app.classFile} ${NO_FOLDER}`);
}
