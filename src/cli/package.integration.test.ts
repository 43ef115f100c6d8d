/**
 * The package as users get it: `npm pack`, installed into a fresh app project laid out like
 * `rc-apps create` makes it, and there every command of the README's "Use it in your app
 * repository" section: `hookscope run` on a path-based scenario (pretty, json, junit), an honest
 * exit 1, `--typecheck`, a vitest file using the matchers, a CommonJS jest file with
 * `hookscope/jest` as its setup, several files in one `run`, and `hookscope dev` serving the page,
 * the folder's bundle the page runs (and a bundle of edited sources), and announcing a change
 * saved on disk. The install is offline from npm's cache when it can be.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEV_PORT = Number(process.env['HOOKSCOPE_PACKAGE_TEST_PORT'] ?? 5218);
const GUARD_ID = '0c9f3c4e-6d1a-4c1e-9a51-3b3f1f0e0a01';

/** The commands of the README section, as a user types them. */
function readmeCommands(): string[] {
  const text = readFileSync(join(repo, 'README.md'), 'utf8');
  const start = text.indexOf('<!-- package-test:commands');
  const end = text.indexOf('<!-- package-test:end -->');
  const block = text.slice(start, end);
  return block
    .split('\n')
    .filter((l) => /^(npm|npx) /.test(l))
    .map((l) => l.trim());
}

/** A clean environment: nothing of the outer vitest run leaks into the project's commands. */
const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => !k.startsWith('VITEST') && !['NODE_OPTIONS', 'TEST', 'NODE_ENV', 'FORCE_COLOR'].includes(k)),
);
const plain = (s: string) => s.replace(/\u001b\[[0-9;]*m/g, '');

function sh(command: string, cwd: string, timeoutMs = 120_000) {
  const r = spawnSync('sh', ['-c', command], { cwd, env, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const files: Record<string, string> = {
  'app.json': JSON.stringify(
    {
      id: GUARD_ID,
      version: '0.0.1',
      requiredApiVersion: '^1.19.0',
      iconFile: 'icon.png',
      author: { name: 'Test', homepage: 'https://example.com', support: 'https://example.com' },
      name: 'Guard',
      nameSlug: 'guard',
      classFile: 'GuardApp.ts',
      description: 'Blocks casino rooms',
    },
    null,
    4,
  ),
  'GuardApp.ts': `import { IAppAccessors, ILogger, IRead } from '@rocket.chat/apps-engine/definition/accessors';
import { App } from '@rocket.chat/apps-engine/definition/App';
import { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { isBanned } from './lib/words';

export class GuardApp extends App implements IPreRoomCreatePrevent {
    constructor(info: IAppInfo, logger: ILogger, accessors: IAppAccessors) {
        super(info, logger, accessors);
    }

    public async executePreRoomCreatePrevent(room: IRoom, read: IRead): Promise<boolean> {
        const banned = isBanned(room.slugifiedName);
        if (banned) {
            this.getLogger().warn('blocked', room.slugifiedName);
        }
        return banned;
    }
}
`,
  'lib/words.ts': `export function isBanned(name: string): boolean {\n    return name.includes('casino');\n}\n`,
  // What rc-apps create writes (its tsconfig template).
  'tsconfig.json': `{
"compilerOptions": {
    "target": "es2017",
    "module": "commonjs",
    "moduleResolution": "node",
    "declaration": false,
    "noImplicitAny": false,
    "removeComments": true,
    "strictNullChecks": true,
    "noImplicitReturns": true,
    "emitDecoratorMetadata": true,
    "experimentalDecorators": true,
    },
"include": [
    "**/*.ts"
    ]
}
`,
  '.rcappsconfig': JSON.stringify(
    {
      url: 'http://localhost:3000',
      username: '',
      password: '',
      ignoredFiles: [
        '**/README.md',
        '**/package-lock.json',
        '**/package.json',
        '**/tslint.json',
        '**/tsconfig.json',
        '**/*.js',
        '**/*.js.map',
        '**/*.d.ts',
        '**/*.spec.ts',
        '**/*.test.ts',
        '**/dist/**',
        '**/.*',
      ],
    },
    null,
    4,
  ),
  'package.json': JSON.stringify(
    { devDependencies: { '@rocket.chat/apps-engine': '^1.66.0', typescript: '^7.0.2', vitest: '^4.1.12', jest: '^30.0.0' } },
    null,
    4,
  ),
  // A jest project that is not ESM: the setup file and the library come through `require`.
  // jest's default 5 s per test is short for starting app runtimes on a busy CI machine.
  'jest.config.cjs': "module.exports = { testMatch: ['**/*.jest.cjs'], setupFilesAfterEnv: ['hookscope/jest'], testTimeout: 60000 };\n",
  'room-rules.jest.cjs': `const { runScenario } = require('hookscope');

test('jest: prevents casino rooms, lets the book club through', async () => {
  const world = { apps: [{ path: '.' }], users: [{ id: 'u1', username: 'alice' }] };
  const casino = await runScenario({ ...world, steps: [{ action: 'createRoom', name: 'casino-night', type: 'c', creator: 'alice' }] });
  expect(casino).toBePrevented('error-app-prevented');
  expect(casino).toHaveCalled('Guard', 'executePreRoomCreatePrevent');
  const club = await runScenario({ ...world, steps: [{ action: 'createRoom', name: 'book-club', type: 'c', creator: 'alice' }] });
  expect(club).toHaveCommittedRoom({ slugifiedName: 'book-club' });
  expect(() => expect(club).toBePrevented()).toThrow(/expected the step to be prevented/);
});
`,
  // More files for one \`run\` of several files at once.
  'hookscope-more/poker.json': JSON.stringify({
    apps: [{ path: '..' }],
    users: [{ id: 'u1', username: 'alice' }],
    steps: [{ action: 'createRoom', name: 'casino-royale', type: 'p', creator: 'alice', expect: { outcome: 'prevented' } }],
  }),
  'hookscope-more/lobby.json': JSON.stringify({
    apps: [{ path: '..' }],
    users: [{ id: 'u1', username: 'alice' }],
    steps: [{ action: 'createRoom', name: 'lobby', type: 'c', creator: 'alice', expect: { outcome: 'completed', room: { slugifiedName: 'lobby' } } }],
  }),
  'hookscope/room-rules.json': JSON.stringify(
    {
      $schema: '../node_modules/hookscope/dist/scenario.schema.json',
      apps: [{ path: '..' }],
      users: [{ id: 'u1', username: 'alice' }],
      steps: [
        {
          action: 'createRoom',
          name: 'casino-night',
          type: 'c',
          creator: 'alice',
          expect: {
            outcome: 'prevented',
            errorCode: 'error-app-prevented',
            calls: [{ app: 'Guard', method: 'executePreRoomCreatePrevent', result: true }],
            logs: [{ level: 'warn', text: 'blocked casino-night' }],
          },
        },
        {
          action: 'createRoom',
          name: 'book-club',
          type: 'c',
          creator: 'alice',
          expect: { outcome: 'completed', room: { slugifiedName: 'book-club', creator: 'alice' } },
        },
      ],
    },
    null,
    2,
  ),
  // Expects a handler the app does not have: the run must fail and say why.
  'hookscope-failing/welcome.json': JSON.stringify({
    apps: [{ path: '..' }],
    users: [{ id: 'u1', username: 'alice' }],
    steps: [
      {
        action: 'createRoom',
        name: 'lobby',
        type: 'c',
        creator: 'alice',
        expect: { outcome: 'completed', calls: [{ app: 'Guard', method: 'executePostRoomCreate' }] },
      },
    ],
  }),
  'room-rules.test.ts': `import { describe, expect, it } from 'vitest';
import 'hookscope/vitest';
import { runScenario } from 'hookscope';

const world = { apps: [{ path: '.' }], users: [{ id: 'u1', username: 'alice' }] };

describe('Guard', () => {
  it('prevents casino rooms', async () => {
    const run = await runScenario({ ...world, steps: [{ action: 'createRoom', name: 'casino-night', type: 'c', creator: 'alice' }] });
    expect(run).toBePrevented('error-app-prevented');
    expect(run).toHaveCalled('Guard', 'executePreRoomCreatePrevent');
    expect(run).not.toBeCompleted();
  });
  it('lets the book club through', async () => {
    const run = await runScenario({ ...world, steps: [{ action: 'createRoom', name: 'book-club', type: 'c', creator: 'alice' }] });
    expect(run).toHaveCommittedRoom({ slugifiedName: 'book-club', creator: 'alice' });
    expect(() => expect(run).toBePrevented()).toThrow(/expected the step to be prevented; step 0 \\(createRoom\\) completed/);
  });
});
`,
};

let tmp = '';
let project = '';
let tarball = '';
const commands = readmeCommands();

describe('the packed package in a fresh rc-apps project', () => {
  beforeAll(() => {
    tmp = mkdtempSync(join(tmpdir(), 'hookscope-package-'));
    project = join(tmp, 'guard-app');
    const packed = spawnSync('npm', ['pack', '--pack-destination', tmp, '--silent'], {
      cwd: repo,
      env,
      encoding: 'utf8',
      timeout: 180_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    if (packed.status !== 0) throw new Error(`npm pack failed: ${packed.stderr}`);
    tarball = join(
      tmp,
      readdirSync(tmp).find((f) => f.endsWith('.tgz'))!,
    );
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(project, path)), { recursive: true });
      writeFileSync(join(project, path), text);
    }
    // `npm i -D hookscope`, from the tarball; the rest from npm's cache when it has everything.
    const install = commands[0]!.replace(/ hookscope$/, ` ${tarball}`);
    expect(commands[0]).toBe('npm i -D hookscope');
    let r = sh(`${install} --offline --no-audit --no-fund && npm install --offline --no-audit --no-fund`, project, 180_000);
    if (r.code !== 0) r = sh(`${install} --prefer-offline --no-audit --no-fund && npm install --prefer-offline --no-audit --no-fund`, project, 180_000);
    if (r.code !== 0) throw new Error(`npm install failed: ${r.stderr}`);
  }, 400_000);

  // Removing the project's node_modules (jest included) takes a while on a busy machine.
  afterAll(() => {
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }, 120_000);

  it('the README lists exactly the commands this test runs', () => {
    expect(commands).toEqual([
      'npm i -D hookscope',
      'npx hookscope run hookscope/room-rules.json',
      "npx hookscope run 'hookscope/*.json' --reporter junit --out hookscope-junit.xml",
      'npx hookscope run hookscope/room-rules.json --typecheck',
      'npx vitest run',
      'npx hookscope dev',
    ]);
  });

  it('installs prebuilt JavaScript with only the CLI dependencies (no React, Monaco or tsx)', () => {
    const pkg = JSON.parse(readFileSync(join(project, 'node_modules/hookscope/package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      private?: boolean;
    };
    expect(pkg.private).toBeUndefined();
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['esbuild', 'zod']);
    for (const heavy of ['react', 'monaco-editor', '@xyflow/react', 'tsx', 'sucrase'])
      expect(readdirSync(join(project, 'node_modules')).includes(heavy), heavy).toBe(false);
    const version = sh('npx hookscope --version', project);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('hookscope run: JSON when piped, the pretty report, exit 0', () => {
    const json = sh(commands[1]!, project);
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as {
      passed: boolean;
      apps: { id: string; loadError: string | null }[];
      steps: { outcome: string; calls: { appName: string; method: string }[] }[];
    };
    expect(report.passed).toBe(true);
    expect(report.apps).toEqual([expect.objectContaining({ id: GUARD_ID, loadError: null })]);
    expect(report.steps.map((s) => s.outcome)).toEqual(['prevented', 'completed']);
    const pretty = sh(`${commands[1]} --reporter pretty`, project);
    expect(pretty.code).toBe(0);
    expect(pretty.stdout).toContain('✓ 0 createRoom prevented by Guard.executePreRoomCreatePrevent');
    expect(pretty.stdout).toContain('✓ 1 createRoom completed');
    expect(pretty.stdout).toContain('passed: 1 file, 2 steps');
    expect(pretty.stdout).not.toContain('\u001b[');
  }, 60_000);

  it('hookscope run with a glob: JUnit XML written to --out', () => {
    const r = sh(commands[2]!, project);
    expect(r.code, r.stderr).toBe(0);
    const xml = readFileSync(join(project, 'hookscope-junit.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>/);
    expect(xml).toContain('<testsuites name="hookscope" tests="2" failures="0" errors="0">');
    expect(xml).toContain('<testsuite name="hookscope/room-rules.json" tests="2" failures="0"');
    expect(xml).toContain('name="step 0 createRoom: prevented by Guard.executePreRoomCreatePrevent"');
  }, 60_000);

  it('hookscope run on several files at once: every file runs and is reported', () => {
    const r = sh('npx hookscope run hookscope/room-rules.json hookscope-more/poker.json hookscope-more/lobby.json --reporter pretty', project);
    expect(r.code, r.stderr).toBe(0);
    for (const f of ['hookscope/room-rules.json', 'hookscope-more/poker.json', 'hookscope-more/lobby.json']) expect(r.stdout).toContain(`✓ ${f} (profile`);
    expect(r.stdout).toContain('passed: 3 files, 4 steps');
    const json = sh("npx hookscope run 'hookscope-more/*.json' hookscope/room-rules.json --reporter json", project);
    expect(json.code, json.stderr).toBe(0);
    const out = JSON.parse(json.stdout) as { passed: boolean; files: { file: string; passed: boolean }[] };
    expect(out.files.map((f) => [f.file, f.passed])).toEqual([
      ['hookscope-more/lobby.json', true],
      ['hookscope-more/poker.json', true],
      ['hookscope/room-rules.json', true],
    ]);
  }, 60_000);

  it('a handler the scenario expects that did not run: exit 1, the reason on stderr', () => {
    const r = sh('npx hookscope run hookscope-failing/welcome.json --reporter junit', project);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('step 0 (createRoom): expected a call Guard.executePostRoomCreate; got Guard.executePreRoomCreatePrevent returned');
    expect(r.stdout).toContain('<failure message="expected a call Guard.executePostRoomCreate');
  }, 60_000);

  it('an app that does not load fails the run (exit 1) and says where', () => {
    writeFileSync(join(project, 'lib/words.ts'), 'export function isBanned(name: string): boolean {\n');
    try {
      const r = sh(commands[1]!, project);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/apps\[0\] \(path "\.\."\): Could not bundle the app: lib\/words\.ts:2:\d+/);
    } finally {
      writeFileSync(join(project, 'lib/words.ts'), files['lib/words.ts']!);
    }
  }, 60_000);

  it('--typecheck: the real Apps-Engine types; a type error fails the run', () => {
    const ok = sh(commands[3]!, project);
    expect(ok.code, ok.stderr).toBe(0);
    writeFileSync(join(project, 'lib/words.ts'), 'export function isBanned(name: string): boolean {\n    return name.length;\n}\n');
    try {
      const bad = sh(commands[3]!, project);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toMatch(/lib\/words\.ts\(2,5\): error TS2322/);
    } finally {
      writeFileSync(join(project, 'lib/words.ts'), files['lib/words.ts']!);
    }
  }, 90_000);

  it('a vitest file using the matchers passes', () => {
    const r = sh(`${commands[4]} --reporter=verbose`, project);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(plain(r.stdout)).toMatch(/Tests\s+2 passed/);
  }, 90_000);

  it('a CommonJS jest file with hookscope/jest as its setup passes', () => {
    const r = sh('npx jest --ci', project);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(plain(r.stderr)).toMatch(/Tests:\s+1 passed, 1 total/);
  }, 90_000);

  it('hookscope dev serves the workbench from the package and announces a change saved on disk', async () => {
    const child = spawn('sh', ['-c', `exec ${commands[5]} --port ${DEV_PORT}`], { cwd: project, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        let out = '';
        child.stdout.on('data', (d: Buffer) => {
          out += d.toString();
          const m = /hookscope dev: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) resolveUrl(m[1]!);
        });
        child.on('exit', (code) => reject(new Error(`hookscope dev exited (${code}): ${stderr}`)));
      });
      const html = await (await fetch(url)).text();
      expect(html).toContain('<meta name="hookscope-dev"');
      const script = /<script type="module" crossorigin src="([^"]+)"/.exec(html)?.[1];
      expect(script).toBeDefined();
      const asset = await fetch(new URL(script!, url));
      expect(asset.status).toBe(200);
      expect(asset.headers.get('content-type')).toContain('javascript');
      type Bundle = { ok: boolean; path?: string; code?: string; error?: string };
      const project1 = (await (await fetch(new URL('__hookscope/dev/project', url))).json()) as { files: { path: string; text: string }[]; bundle: Bundle };
      expect(project1.files.map((f) => f.path)).toEqual(expect.arrayContaining(['app.json', 'GuardApp.ts', 'lib/words.ts']));
      expect(project1.files.map((f) => f.path)).not.toContain('room-rules.test.ts');
      // What the page runs: the folder bundled by the installed package's esbuild, as `hookscope run` does.
      expect(project1.bundle).toMatchObject({ ok: true, path: '__bundle__/GuardApp.js' });
      expect(project1.bundle.code).toContain('/*hookscope:cjs*/');
      expect(project1.bundle.code).toMatch(/name\.includes\(["']casino["']\)/);
      expect((await fetch(new URL('__hookscope/dev/save', url), { method: 'POST', body: '{"files":{}}' })).status).toBe(403);
      // The page's edits, bundled against the folder (with the dev header only).
      const edited = Object.fromEntries(project1.files.map((f) => [f.path, f.path === 'lib/words.ts' ? f.text.replace("'casino'", "'lottery'") : f.text]));
      const bundleBody = JSON.stringify({ files: edited, classFile: 'GuardApp.ts' });
      expect((await fetch(new URL('__hookscope/dev/bundle', url), { method: 'POST', body: bundleBody })).status).toBe(403);
      const editedBundle = (await (
        await fetch(new URL('__hookscope/dev/bundle', url), { method: 'POST', headers: { 'x-hookscope-dev': '1' }, body: bundleBody })
      ).json()) as Bundle;
      expect(editedBundle.ok, editedBundle.error).toBe(true);
      expect(editedBundle.code).toMatch(/name\.includes\(["']lottery["']\)/);

      const events = await fetch(new URL('__hookscope/dev/events', url));
      const reader = events.body!.getReader();
      let seen = '';
      const next = async (what: RegExp) => {
        while (!what.test(seen)) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`event stream ended before ${what}`);
          seen += new TextDecoder().decode(value);
        }
      };
      await next(/event: hello/);
      writeFileSync(join(project, 'lib/words.ts'), files['lib/words.ts']!.replace("'casino'", "'poker'"));
      await next(/event: change\ndata: \{"version":\d+,"paths":\[[^\]]*"lib\/words\.ts"/);
      await reader.cancel();
      const project2 = (await (await fetch(new URL('__hookscope/dev/project', url))).json()) as { files: { path: string; text: string }[]; bundle: Bundle };
      expect(project2.files.find((f) => f.path === 'lib/words.ts')?.text).toContain("'poker'");
      expect(project2.bundle.code).toMatch(/name\.includes\(["']poker["']\)/);
    } finally {
      writeFileSync(join(project, 'lib/words.ts'), files['lib/words.ts']!);
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }, 60_000);
});
