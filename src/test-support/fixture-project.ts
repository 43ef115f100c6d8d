/**
 * Reads an app project folder of `fixtures/` (app.json, the class file, helpers) into the
 * AppDefinition the engine installs, as "Open folder" does in the browser.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AppDefinition } from '../engine/apps/app-manifest.ts';

export const FIXTURES = new URL('../../fixtures/', import.meta.url).pathname;

function walk(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, out);
    else out.push(path);
  }
  return out;
}

/** `fixtures/<path>` as an installable app (manifest fields come from its app.json). */
export function fixtureApp(path: string, overrides: Partial<AppDefinition> = {}): AppDefinition {
  const root = join(FIXTURES, path);
  const files: Record<string, string> = {};
  for (const file of walk(root)) files[relative(root, file)] = readFileSync(file, 'utf8');
  const manifest = JSON.parse(files['app.json'] ?? '{}') as { id?: string; name?: string; classFile?: string };
  return { id: manifest.id ?? path, name: manifest.name ?? path, classFile: manifest.classFile ?? '', files, enabled: true, ...overrides };
}
