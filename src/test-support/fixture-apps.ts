/**
 * TEST ONLY: the fixture app projects of `fixtures/apps/` (written for hookscope, not copied from
 * anyone) as folders ready to bundle: each is copied to a temporary folder and its
 * `devDependencies` are installed into its own `node_modules` from hookscope's `node_modules`
 * (no network at test time; `@rocket.chat/apps-engine` is left out: the runtime provides it).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURE_APPS_DIR = join(ROOT, 'fixtures/apps');
const made: string[] = [];

export function prepareFixtureApp(name: string): string {
  const source = join(FIXTURE_APPS_DIR, name);
  const dir = mkdtempSync(join(tmpdir(), `hookscope-fixture-${name}-`));
  made.push(dir);
  cpSync(source, dir, { recursive: true, filter: (p) => !p.includes(`${name}/node_modules`) });
  const pkg = JSON.parse(readFileSync(join(source, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
    dependencies?: Record<string, string>;
  };
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
    if (dep === '@rocket.chat/apps-engine') continue;
    const from = join(ROOT, 'node_modules', dep);
    if (!existsSync(from)) throw new Error(`fixture ${name} needs ${dep}: add it to hookscope's devDependencies so tests can install it offline`);
    cpSync(from, join(dir, 'node_modules', dep), { recursive: true, dereference: true });
  }
  return dir;
}

export function removeFixtureApps(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}
