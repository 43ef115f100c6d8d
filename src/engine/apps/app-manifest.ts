/**
 * An installed app as the host knows it: its files, its `app.json` manifest, whether it is
 * enabled, and the interfaces the apps compiler would list for it.
 */
import type { AppDescriptor } from '../../protocol/runtime-protocol.ts';
import { implementedInterfaces } from './implements.ts';

export interface AppDefinition {
  id: string;
  name: string;
  /** Defaults to the slugified name. */
  nameSlug?: string;
  version?: string;
  description?: string;
  author?: { name: string; support?: string; homepage?: string };
  /** The main class file, a key of `files`. */
  classFile: string;
  /** Relative path -> source text (TypeScript or JavaScript). `app.json` may be among them. */
  files: Record<string, string>;
  enabled: boolean;
  /** Interfaces this app is essential for (manifest `essentials`). */
  essentials?: string[];
}

export function slugify(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function descriptorOf(app: AppDefinition): AppDescriptor {
  const descriptor: AppDescriptor = {
    id: app.id,
    name: app.name,
    nameSlug: app.nameSlug ?? slugify(app.name),
    version: app.version ?? '0.0.1',
    description: app.description ?? '',
    requiredApiVersion: '^1.66.0',
    author: { name: app.author?.name ?? 'hookscope', support: app.author?.support ?? '' },
    classFile: app.classFile,
  };
  if (app.author?.homepage !== undefined) descriptor.author.homepage = app.author.homepage;
  return descriptor;
}

/** What the apps compiler would write into the manifest's `implements` for this app. */
export function manifestImplements(app: AppDefinition): string[] {
  const source = app.files[app.classFile];
  return source === undefined ? packagedImplements(app) : implementedInterfaces(source);
}

/** A packaged app (`rc-apps package` zip) has no sources: its app.json lists what it implements. */
function packagedImplements(app: AppDefinition): string[] {
  try {
    const list = (JSON.parse(app.files['app.json'] ?? '{}') as { implements?: unknown }).implements;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** Fills an AppDefinition's manifest fields from an `app.json` among its files, if present. */
export function applyAppJson(app: AppDefinition): AppDefinition {
  const raw = app.files['app.json'];
  if (raw === undefined) return app;
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(raw) as Record<string, unknown>;
  } catch (err) {
    throw new Error(`app.json of ${app.name} is not valid JSON: ${(err as Error).message}`);
  }
  const str = (key: string) => (typeof json[key] === 'string' ? (json[key] as string) : undefined);
  const next: AppDefinition = { ...app };
  next.id = str('id') ?? app.id;
  next.name = str('name') ?? app.name;
  const nameSlug = str('nameSlug') ?? app.nameSlug;
  if (nameSlug !== undefined) next.nameSlug = nameSlug;
  const version = str('version') ?? app.version;
  if (version !== undefined) next.version = version;
  const description = str('description') ?? app.description;
  if (description !== undefined) next.description = description;
  next.classFile = str('classFile') ?? app.classFile;
  if (Array.isArray(json['essentials'])) next.essentials = json['essentials'].filter((e): e is string => typeof e === 'string');
  const author = json['author'];
  if (author && typeof author === 'object') {
    const a = author as Record<string, unknown>;
    next.author = { name: typeof a['name'] === 'string' ? a['name'] : 'unknown' };
    if (typeof a['support'] === 'string') next.author.support = a['support'];
    if (typeof a['homepage'] === 'string') next.author.homepage = a['homepage'];
  }
  return next;
}
