/**
 * An app in a scenario: its code inline (`source`, or `files` + `classFile`), as exported from the
 * browser, or a `path` to the app's folder (relative to the scenario file), read from disk when
 * the scenario runs so a CI test checks the repository's code, not a copy of it.
 */
import { isReservedKey } from '../engine/own-keys.ts';
import { z } from 'zod';
import { ROOM_EVENTS } from '../engine/events.ts';

export const appSchema = z
  .object({
    /** The app's folder (app.json, its classFile, node_modules), relative to the scenario file. */
    path: z
      .string()
      .min(1)
      .optional()
      .describe(
        "The app's folder (app.json, its classFile, .rcappsconfig, node_modules), relative to the scenario file; read and bundled when the scenario runs. Not with source/files/classFile.",
      ),
    id: z.string().min(1).optional().describe("The app's id (app.json `id`); with `path`, overrides app.json's."),
    name: z.string().min(1).optional().describe("The app's name (app.json `name`), used in reports and `expect`; with `path`, overrides app.json's."),
    nameSlug: z.string().min(1).optional().describe("The app's slug (app.json `nameSlug`); its bot user is `<nameSlug>.bot`."),
    version: z.string().optional().describe("The app's version (app.json `version`)."),
    description: z.string().optional().describe("The app's description (app.json `description`)."),
    /** One file: the main class. */
    source: z.string().optional().describe('The main class file as one TypeScript text (an inline app).'),
    /** Several files: relative path -> text; `classFile` names the main one. */
    files: z
      .record(
        z.string().refine((k) => !isReservedKey(k), { message: 'this file name is the name of a property every object has, so it is not allowed' }),
        z.string(),
      )
      .optional()
      .describe('Several files of an inline app: relative path -> text; `classFile` (or an app.json among them) names the main one.'),
    classFile: z.string().min(1).optional().describe('With `files`: the main class file.'),
    enabled: z.boolean().default(true).describe('False: installed but not enabled, so Rocket.Chat never calls it (default true).'),
    essentials: z
      .array(z.enum(ROOM_EVENTS))
      .optional()
      .describe('Events the app declares essential (app.json `essentials`): if its handler fails, the action fails.'),
  })
  .strict()
  .superRefine((app, ctx) => {
    if (app.path !== undefined) {
      for (const key of ['source', 'files', 'classFile'] as const) {
        if (app[key] !== undefined)
          ctx.addIssue({ code: 'custom', path: [key], message: `cannot be given with "path": the app's code is read from its folder` });
      }
      return;
    }
    if (app.id === undefined) ctx.addIssue({ code: 'custom', path: ['id'], message: 'is required (or give "path", the app\'s folder)' });
    if (app.name === undefined) ctx.addIssue({ code: 'custom', path: ['name'], message: 'is required (or give "path", the app\'s folder)' });
    if (app.source === undefined && app.files === undefined)
      ctx.addIssue({ code: 'custom', message: 'needs "path" (the app\'s folder), "source" (one file) or "files" (several)' });
    if (app.source !== undefined && app.files !== undefined) ctx.addIssue({ code: 'custom', message: 'has both "source" and "files": use one' });
    if (app.files !== undefined) {
      let classFile = app.classFile;
      if (classFile === undefined && app.files['app.json'] !== undefined) {
        try {
          const json = JSON.parse(app.files['app.json']) as { classFile?: unknown };
          if (typeof json.classFile === 'string') classFile = json.classFile;
        } catch {
          ctx.addIssue({ code: 'custom', path: ['files', 'app.json'], message: 'is not valid JSON' });
        }
      }
      if (classFile === undefined) ctx.addIssue({ code: 'custom', path: ['classFile'], message: 'is required with "files" (or an app.json with classFile)' });
      else if (app.files[classFile] === undefined)
        ctx.addIssue({ code: 'custom', path: ['classFile'], message: `names "${classFile}", which is not among "files"` });
    }
  })
  .transform((app) => app as CodeApp | PathApp);

type Parsed = {
  nameSlug?: string | undefined;
  version?: string | undefined;
  description?: string | undefined;
  enabled: boolean;
  essentials?: (typeof ROOM_EVENTS)[number][] | undefined;
};

/** An app whose code is in the scenario. */
export interface CodeApp extends Parsed {
  path?: undefined;
  id: string;
  name: string;
  source?: string | undefined;
  files?: Record<string, string> | undefined;
  classFile?: string | undefined;
}

/** An app read from its folder when the scenario runs (Node only). */
export interface PathApp extends Parsed {
  path: string;
  /** Overrides app.json's. */
  id?: string | undefined;
  name?: string | undefined;
}

export function isPathApp(app: CodeApp | PathApp): app is PathApp {
  return app.path !== undefined;
}
