/**
 * Pure helpers over one workspace app: metadata kept in step with its app.json, new apps,
 * unique ids and file names. No store, no engine: easy to test.
 */
import { appJson } from './default-workspace.ts';
import type { WorkspaceApp } from './types.ts';

export interface AppMeta {
  id: string;
  name: string;
  version: string;
  essentials: string[];
}

export function metaOf(app: WorkspaceApp): AppMeta {
  return { id: app.id, name: app.name, version: app.version ?? '0.0.1', essentials: app.essentials ?? [] };
}

export function uniqueId(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  const clean =
    base
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'app';
  if (!set.has(clean)) return clean;
  for (let i = 2; ; i++) if (!set.has(`${clean}-${i}`)) return `${clean}-${i}`;
}

function parseJson(text: string | undefined): Record<string, unknown> | null {
  if (text === undefined) return null;
  try {
    const v: unknown = JSON.parse(text);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Applies a metadata edit to the app's fields and rewrites the same keys in its app.json. */
export function withMeta(app: WorkspaceApp, meta: AppMeta): WorkspaceApp {
  const next: WorkspaceApp = { ...app, id: meta.id, name: meta.name, version: meta.version, files: { ...app.files } };
  if (meta.essentials.length > 0) next.essentials = [...meta.essentials];
  else delete next.essentials;
  const json = parseJson(app.files['app.json']);
  if (json) {
    json['id'] = meta.id;
    json['name'] = meta.name;
    json['version'] = meta.version;
    if (meta.essentials.length > 0) json['essentials'] = meta.essentials;
    else delete json['essentials'];
    next.files['app.json'] = JSON.stringify(json, null, 2) + '\n';
  } else if (app.files['app.json'] === undefined) {
    next.files['app.json'] = appJson({ ...meta, classFile: app.classFile });
  }
  return next;
}

/**
 * Sets one file's text. Editing app.json by hand updates the fields it names (id, name, version,
 * essentials, classFile) as soon as it parses, so the Apps panel and the engine agree.
 */
export function withFile(app: WorkspaceApp, path: string, text: string, takenIds: string[] = []): WorkspaceApp {
  const next: WorkspaceApp = { ...app, files: { ...app.files, [path]: text } };
  if (path !== 'app.json') return next;
  const json = parseJson(text);
  if (!json) return next;
  const str = (k: string) => (typeof json[k] === 'string' && json[k] !== '' ? (json[k] as string) : undefined);
  const id = str('id');
  if (id !== undefined && !takenIds.includes(id)) next.id = id;
  next.name = str('name') ?? next.name;
  const version = str('version');
  if (version !== undefined) next.version = version;
  const classFile = str('classFile');
  if (classFile !== undefined) next.classFile = classFile;
  if (Array.isArray(json['essentials'])) next.essentials = json['essentials'].filter((e): e is string => typeof e === 'string');
  return next;
}

export function withFileRenamed(app: WorkspaceApp, from: string, to: string): WorkspaceApp {
  if (from === to || app.files[from] === undefined || app.files[to] !== undefined) return app;
  const files: Record<string, string> = {};
  for (const [p, t] of Object.entries(app.files)) files[p === from ? to : p] = t;
  return { ...app, files, classFile: app.classFile === from ? to : app.classFile };
}

export function withoutFile(app: WorkspaceApp, path: string): WorkspaceApp {
  if (path === app.classFile) return app;
  const files = { ...app.files };
  delete files[path];
  return { ...app, files };
}

/** Problems with a proposed file path, or null when it is fine. */
export function filePathProblem(app: WorkspaceApp, path: string, current?: string): string | null {
  const p = path.trim();
  if (!p) return 'a file needs a name';
  if (p.startsWith('/') || p.split('/').some((part) => part === '..' || part === '.' || part === '')) return 'use a relative path like lib/helpers.ts';
  if (p !== current && app.files[p] !== undefined) return `${p} already exists`;
  return null;
}

/** Files sorted for a tree: class file first, then app.json, then folders before their files. */
/**
 * The files the user sees and edits, class file first. A bundle (`__bundle__/`, made from the
 * sources with their npm packages) is not one of them, except where it is all there is of the
 * code: an app opened from an `rc-apps package` zip.
 */
export function sortedPaths(app: WorkspaceApp): string[] {
  const rank = (p: string) => (p === app.classFile ? 0 : p === 'app.json' ? 1 : 2);
  const hasSource = app.files[app.classFile] !== undefined;
  const shown = (p: string) => !p.startsWith('__bundle__/') || (!hasSource && p.endsWith('.js'));
  return Object.keys(app.files)
    .filter(shown)
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

const CLASS_NAME = /[^A-Za-z0-9]/g;

export function blankApp(name: string, takenIds: string[]): WorkspaceApp {
  const id = uniqueId(name, takenIds);
  const className = (name.replace(CLASS_NAME, '') || 'My') + (name.endsWith('App') ? '' : 'App');
  const classFile = `${className}.ts`;
  const source = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';

export class ${className} extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        // Return true to prevent the room from being created.
        return false;
    }
}
`;
  return {
    id,
    name,
    version: '0.0.1',
    classFile,
    enabled: true,
    files: { [classFile]: source, 'app.json': appJson({ id, name, version: '0.0.1', classFile }) },
  };
}

/** The shape the templates module exports (src/templates/). */
export interface AppTemplate {
  id: string;
  label: string;
  interfaceName: string;
  description: string;
  files: Record<string, string>;
  classFile: string;
}

/** An app's name from its class, as the default app is named: `BannedWordsApp` -> "Banned Words". */
export function nameOfClass(className: string): string {
  const stem = className.length > 3 && className.endsWith('App') ? className.slice(0, -3) : className;
  return (
    stem
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .replace(/([A-Za-z])(\d)/g, '$1 $2')
      .trim() || className
  );
}

/** A template as a new app, named after its class (a second copy gets "2", as its id does). */
export function appFromTemplate(t: AppTemplate, takenIds: string[]): WorkspaceApp {
  const id = uniqueId(t.id, takenIds);
  const files = { ...t.files };
  const copy = id === t.id ? '' : ` ${id.slice(t.id.length + 1)}`;
  const name = nameOfClass(t.classFile.replace(/\.ts$/, '').split('/').pop() ?? t.label) + copy;
  const app: WorkspaceApp = { id, name, version: '0.0.1', classFile: t.classFile, enabled: true, files };
  return withMeta(app, { id, name, version: '0.0.1', essentials: [] });
}
