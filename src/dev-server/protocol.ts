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
}

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
