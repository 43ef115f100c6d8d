/**
 * `hookscope dev` in the browser: the page opens the served app folder, a file saved on disk
 * reloads the app and runs the last action again, and page edits reach the disk only through
 * "Save to folder". The server is the repository's CLI on a temporary app project.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from './fixtures.ts';
import { Workbench } from './pages/workbench.ts';
import { startDevServer, stopDevServer } from './pages/dev-server.ts';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const PORT = Number(process.env['HOOKSCOPE_DEV_E2E_PORT'] ?? 5219);
const APP_ID = 'dev-guard';

const GUARD = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { isBanned } from './lib/words';

export class DevGuardApp extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        return isBanned(room.slugifiedName);
    }
}
`;
const words = (w: string) => `export function isBanned(name: string): boolean {\n    return name.includes('${w}');\n}\n`;

let dir = '';
let server: ChildProcess | null = null;
let url = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hookscope-dev-e2e-'));
  const files: Record<string, string> = {
    'app.json': JSON.stringify({ id: APP_ID, name: 'Dev Guard', nameSlug: 'dev-guard', version: '0.0.1', classFile: 'DevGuardApp.ts' }, null, 2),
    'DevGuardApp.ts': GUARD,
    'lib/words.ts': words('zebra'),
  };
  for (const [p, t] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), t);
  }
  ({ server, url } = await startDevServer(repo, dir, PORT));
});

test.afterAll(async () => {
  await stopDevServer(server);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('hookscope dev: the folder opens, a save on disk reloads and re-runs, Save to folder writes back', async ({ page }) => {
  test.setTimeout(90_000);
  const wb = new Workbench(page);
  await page.goto(url);
  await page.getByTestId('workbench').waitFor();
  await expect(page.getByTestId('dev-bar')).toContainText('hookscope dev');
  await expect(wb.appRow(APP_ID)).toBeVisible();
  await expect(page.getByTestId('dev-save')).toBeDisabled();

  await wb.setRoomName('zebra-club');
  await wb.run();
  await expect(wb.answer()).toContainText('error-app-prevented', { timeout: 20_000 });

  // Saved in the user's own editor: the page reloads the app and runs createRoom again.
  writeFileSync(join(dir, 'lib/words.ts'), words('poker'));
  await expect(page.getByTestId('dev-note')).toHaveAttribute('data-reloads', '1', { timeout: 20_000 });
  await expect(page.getByTestId('dev-note')).toContainText('reloaded lib/words.ts from disk; running createRoom again');
  await expect(wb.answer()).toContainText('completed', { timeout: 20_000 });

  // An edit in the page stays in the page until Save to folder.
  await wb.selectApp(APP_ID);
  await wb.openFile('lib/words.ts');
  const lottery = "export const isBanned = (name: string): boolean => name.includes('lottery');\n";
  await wb.typeIntoEditor(lottery);
  await expect(page.getByTestId('dev-save')).toHaveText('Save to folder (1)');
  expect(readFileSync(join(dir, 'lib/words.ts'), 'utf8')).toContain("'poker'");
  await page.getByTestId('dev-save').click();
  await expect(page.getByTestId('dev-note')).toContainText('saved 1 file');
  const onDisk = readFileSync(join(dir, 'lib/words.ts'), 'utf8');
  expect(onDisk).toBe(lottery);
  // The save is a change on disk too: the app reloads with it and the last action runs again.
  await expect(page.getByTestId('dev-note')).toHaveAttribute('data-reloads', '2', { timeout: 20_000 });
  await expect(wb.answer()).toContainText('completed', { timeout: 20_000 });
  await expect(page.getByTestId('dev-save')).toBeDisabled();
  await page.screenshot({ path: 'test-results/dev-server.png' });
});
