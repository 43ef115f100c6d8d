/** What the `hookscope dev` server and the page say to each other (same origin, loopback only). */
export const DEV_BASE = '/__hookscope/dev';
/** The page knows it runs under `hookscope dev` by this meta tag the server puts in index.html. */
export const DEV_META = 'hookscope-dev';
/** Writes must carry this header: a cross-site page cannot send it without a preflight we refuse. */
export const DEV_WRITE_HEADER = 'x-hookscope-dev';

export interface DevProject {
  /** The folder's name. */
  root: string;
  /** Increases with every change seen on disk. */
  version: number;
  files: { path: string; text: string }[];
  /** The folder bundled as `hookscope run` bundles it (what the page runs), or why it could not be. */
  bundle: DevBundle;
}

/**
 * The app bundled like the apps compiler (src/bundle/bundle-node.ts): npm dependencies from the
 * folder's node_modules. `path` is where it goes in the app's files (`__bundle__/<classFile>.js`,
 * its source map at `path + '.map'`, with `sources` relative to the folder).
 */
export type DevBundle =
  | { ok: true; path: string; code: string; map: string; warnings: string[] }
  /** `error` as the CLI says it: `Could not bundle the app: lib/x.ts:3:8: Cannot find module "y"...`. */
  | { ok: false; error: string };

/** POST `bundle` (with the dev header): the page's sources, bundled against the folder's node_modules. */
export interface DevBundleRequest {
  /** Every source file of the app in the page (path relative to the folder -> text). */
  files: Record<string, string>;
  /** The class file to start from (app.json's). */
  classFile: string;
}

/** Request budget of `bundle`: the page's sources, as `loadAppFolder` allows them on disk. */
export const DEV_BUNDLE_LIMITS = { bytes: 4 * 1024 * 1024, files: 500 } as const;

/** Server-sent event `change`: the folder changed on disk; fetch the project again. */
export interface DevChange {
  version: number;
  paths: string[];
}

export interface DevSaveRequest {
  files: Record<string, string>;
}

export interface DevSaveResponse {
  written: string[];
  /** Paths refused (outside the folder, not app source, ignored by .rcappsconfig), with why. */
  refused: { path: string; reason: string }[];
}
