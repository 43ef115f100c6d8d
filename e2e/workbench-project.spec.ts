/** Opening a real app project from disk: the folder picker, what cannot load, id clashes. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test, expect } from './fixtures.ts';
import { Workbench } from './pages/workbench.ts';

const MAIN = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { isForbidden } from './lib/rules';

export class GuardApp extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        return isForbidden(room.slugifiedName);
    }
}
`;
const RULES = `export function isForbidden(name: string): boolean {\n    return name.startsWith('forbidden');\n}\n`;
const MANIFEST = JSON.stringify(
  { id: 'guard-app', name: 'Guard', nameSlug: 'guard', version: '2.0.0', classFile: 'GuardApp.ts', requiredApiVersion: '^1.44.0' },
  null,
  2,
);

let dirs: string[] = [];
test.afterEach(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

/** Writes a project folder (named `guard`) into a fresh temp dir and returns its path. */
function project(files: Record<string, string>): string {
  const base = mkdtempSync(join(tmpdir(), 'hookscope-e2e-'));
  dirs.push(base);
  const root = join(base, 'guard');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

test('opening an app folder loads app.json, the class file and its helper, and it runs', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  const dir = project({
    'app.json': MANIFEST,
    'GuardApp.ts': MAIN,
    'lib/rules.ts': RULES,
    'README.md': '# Guard',
    'node_modules/left-pad/index.js': 'module.exports = 1;',
  });
  const dialog = await wb.openFolder(dir);
  await expect(dialog).toContainText('Guard');
  await expect(page.getByTestId('import-files')).toHaveText(/GuardApp\.tsapp\.jsonlib\/rules\.ts/);
  await expect(dialog).toContainText('2 other files not read');
  await page.getByTestId('import-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(wb.appRow('guard-app')).toBeVisible();
  await expect(wb.appRow('guard-app').getByTestId('app-implements')).toContainText('CreatePrevent');
  await expect(page.getByTestId('file-lib/rules.ts')).toBeVisible();
  await expect(page.getByTestId('editor-path')).toContainText('GuardApp.ts');
  await wb.setRoomName('forbidden-zone');
  await wb.run();
  await expect(wb.answer()).toHaveText(/^error-app-prevented/);
  await expect(wb.summary()).toContainText('Guard');
  await wb.setRoomName('allowed-zone');
  await wb.run();
  await expect(wb.answer()).toHaveText('completed');
});

test('an import the runtime refuses is named with its file, line and module', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  const main = MAIN.replace("import { isForbidden } from './lib/rules';", "import { isForbidden } from './lib/rules';\nimport axios from 'axios';").replace(
    'return isForbidden',
    "await axios.get('https://example.com/rules');\n        return isForbidden",
  );
  const dialog = await wb.openFolder(project({ 'app.json': MANIFEST, 'GuardApp.ts': main, 'lib/rules.ts': RULES }));
  const problems = page.getByTestId('import-problems');
  await expect(problems).toContainText('GuardApp.ts:4');
  await expect(problems).toContainText('imports "axios": the Rocket.Chat apps runtime does not provide it');
  await page.getByTestId('import-confirm').click(); // "Import anyway"
  await expect(dialog).toBeHidden();
  await expect(wb.appRow('guard-app').getByTestId('app-load-error')).toContainText('Module "axios" is not allowed', { timeout: 10_000 });
});

test('a missing classFile is named and nothing is imported', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  await wb.openFolder(project({ 'app.json': MANIFEST.replace('GuardApp.ts', 'src/Main.ts'), 'GuardApp.ts': MAIN }));
  await expect(page.getByTestId('import-error')).toContainText('app.json names classFile "src/Main.ts", which is not in the folder');
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(wb.appRows()).toHaveCount(1);
});

test('opening the same app twice offers replace or a copy', async ({ page }) => {
  const wb = new Workbench(page);
  await wb.open();
  const dir = project({ 'app.json': MANIFEST, 'GuardApp.ts': MAIN, 'lib/rules.ts': RULES });
  await wb.openFolder(dir);
  await page.getByTestId('import-confirm').click();
  await wb.openFolder(dir);
  await expect(page.getByTestId('import-clash')).toContainText('guard-app');
  await page.getByTestId('import-copy').click();
  await expect(wb.appRow('guard-app-copy')).toBeVisible();
  await wb.openFolder(dir);
  await page.getByTestId('import-replace').click();
  await expect(wb.appRows()).toHaveCount(3);
});
