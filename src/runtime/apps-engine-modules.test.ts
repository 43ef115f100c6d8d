import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPS_ENGINE_MODULES, APPS_ENGINE_VERSION } from './apps-engine-modules.ts';
import { appsEngineExceptionClass, resolveAppsEngine } from './apps-engine-registry.ts';

const pkg = join(process.cwd(), 'node_modules', '@rocket.chat', 'apps-engine');
function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const full = join(dir, n);
    if (statSync(full).isDirectory()) return jsFiles(full);
    return n.endsWith('.js') ? [relative(pkg, full).split('\\').join('/')] : [];
  });
}

describe('apps-engine module registry', () => {
  const files = jsFiles(join(pkg, 'definition'));

  it('lists every .js file of the installed package', () => {
    expect(APPS_ENGINE_VERSION).toBe('1.66.0');
    expect(files.length).toBe(274);
    expect(Object.keys(APPS_ENGINE_MODULES).sort()).toEqual(files.map((f) => f.slice(0, -3)).sort());
  });

  it('resolves every file with and without .js, and index files by their folder', () => {
    for (const f of files) {
      const spec = `@rocket.chat/apps-engine/${f}`;
      const mod = resolveAppsEngine(spec);
      expect(mod, spec).toBeTypeOf('object');
      expect(resolveAppsEngine(spec.slice(0, -3))).toBe(mod);
      if (f.endsWith('/index.js')) expect(resolveAppsEngine(spec.slice(0, -'/index.js'.length))).toBe(mod);
    }
  });

  it('gives the real exports, one identity per class', () => {
    const all = resolveAppsEngine('@rocket.chat/apps-engine/definition/exceptions') as Record<string, unknown>;
    const one = resolveAppsEngine('@rocket.chat/apps-engine/definition/exceptions/UserNotAllowedException.js') as Record<string, unknown>;
    expect(all['UserNotAllowedException']).toBe(one['UserNotAllowedException']);
    const E = one['UserNotAllowedException'] as new (m: string) => Error;
    expect(new E('x')).toBeInstanceOf(appsEngineExceptionClass());
    expect(
      (resolveAppsEngine('@rocket.chat/apps-engine/definition/rooms/RoomType') as Record<string, Record<string, string>>)['RoomType']?.['PRIVATE_GROUP'],
    ).toBe('p');
    expect(typeof (resolveAppsEngine('@rocket.chat/apps-engine/definition/App/') as Record<string, unknown>)['App']).toBe('function');
    expect(resolveAppsEngine('@rocket.chat/apps-engine/definition/nope')).toBeUndefined();
    expect(resolveAppsEngine('@rocket.chat/apps-engine/server/AppManager')).toBeUndefined();
    expect(resolveAppsEngine('@rocket.chat/apps-engine')).toBeUndefined();
  });
});
