import { transform } from 'sucrase';
import { describe, expect, it } from 'vitest';
import { asCopy, planImport, skipReason, stripCommonRoot, type ProjectFile } from './import-project.ts';
import { findImports } from './import-scan.ts';

const MAIN = `import { App } from '@rocket.chat/apps-engine/definition/App';
import { IPreRoomCreatePrevent, IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { isBad } from './lib/rules';

export class GuardApp extends App implements IPreRoomCreatePrevent {
    public async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
        return isBad(room.slugifiedName);
    }
}
`;
const LIB = `export function isBad(name: string): boolean { return name.includes('bad'); }\n`;
const MANIFEST = JSON.stringify({
  id: 'guard-id',
  name: 'Guard',
  nameSlug: 'guard',
  version: '1.2.3',
  classFile: 'GuardApp.ts',
  essentials: ['IPreRoomCreatePrevent'],
});

/** What a folder picker hands over: paths under the picked folder's name. */
function picked(files: Record<string, string>, folder = 'guard'): { paths: string[]; texts: string[] } {
  return { paths: Object.keys(files).map((p) => `${folder}/${p}`), texts: Object.values(files) };
}

function plan(files: Record<string, string>, existing: { id: string; name: string }[] = []) {
  const { paths, texts } = picked(files);
  const { root, paths: rel } = stripCommonRoot(paths);
  const kept: ProjectFile[] = [];
  let skipped = 0;
  rel.forEach((p, i) => (skipReason(p) === null ? kept.push({ path: p, text: texts[i]! }) : (skipped += 1)));
  return planImport(kept, existing, { root, skipped, transpile });
}

/** The runtime's transpile step (src/runtime/module-loader.ts). */
const transpile = (path: string, source: string) =>
  transform(source, { transforms: path.endsWith('.ts') ? ['typescript', 'imports'] : ['imports'], filePath: path, production: true }).code;

describe('import project', () => {
  it('loads app.json, the class file and helpers with their relative paths', () => {
    const p = plan({
      'app.json': MANIFEST,
      'GuardApp.ts': MAIN,
      'lib/rules.ts': LIB,
      'README.md': '#',
      'node_modules/x/index.d.ts': '',
      'dist/GuardApp.js': '',
      '.git/HEAD': '',
    });
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.root).toBe('guard');
    expect(p.app).toMatchObject({
      id: 'guard-id',
      name: 'Guard',
      nameSlug: 'guard',
      version: '1.2.3',
      classFile: 'GuardApp.ts',
      enabled: true,
      essentials: ['IPreRoomCreatePrevent'],
    });
    expect(Object.keys(p.app.files).sort()).toEqual(['GuardApp.ts', 'app.json', 'lib/rules.ts']);
    expect(p.problems).toEqual([]);
    expect(p.skipped).toBe(4);
    expect(p.clash).toBeNull();
  });

  it('names the file, line and module of an import the runtime refuses', () => {
    const src = MAIN.replace("import { isBad } from './lib/rules';", "import { isBad } from './lib/rules';\nimport axios from 'axios';").replace(
      'return isBad',
      'void axios.get("x");\n        return isBad',
    );
    const p = plan({
      'app.json': MANIFEST,
      'GuardApp.ts': src,
      'lib/rules.ts': `import type { X } from 'some-types';\nimport * as path from 'node:path';\nexport const sep = path.sep;\n${LIB}`,
    });
    expect(p.ok && p.problems.map((x) => [x.file, x.line, x.module])).toEqual([
      ['GuardApp.ts', 4, 'axios'],
      ['lib/rules.ts', 2, 'node:path'],
    ]);
    expect(p.ok && p.problems[0]?.message).toMatch(/does not provide it/);
  });

  it('like the runtime, ignores imports used only as types or not at all, and reports syntax errors', () => {
    const src = MAIN.replace(
      "import { isBad } from './lib/rules';",
      "import { isBad } from './lib/rules';\nimport axios from 'axios';\nimport { Thing } from 'types-only';\nlet t: Thing | undefined;",
    );
    const p = plan({ 'app.json': MANIFEST, 'GuardApp.ts': src, 'lib/rules.ts': LIB });
    expect(p.ok && p.problems).toEqual([]);
    const broken = plan({ 'app.json': MANIFEST, 'GuardApp.ts': MAIN, 'lib/rules.ts': 'export function isBad(name: string {\n' });
    expect(broken.ok && broken.problems.map((x) => `${x.file}:${x.line} ${x.message.slice(0, 13)}`)).toEqual(['lib/rules.ts:1 syntax error:']);
  });

  it('reports a relative import of a missing file and ignores commented-out imports', () => {
    const p = plan({ 'app.json': MANIFEST, 'GuardApp.ts': `// import x from 'left-pad';\n${MAIN}` });
    expect(p.ok && p.problems.map((x) => `${x.file}:${x.line} ${x.module}`)).toEqual(['GuardApp.ts:4 ./lib/rules']);
  });

  it('says so when app.json names a classFile that is not there', () => {
    const p = plan({ 'app.json': MANIFEST.replace('GuardApp.ts', 'src/Main.ts'), 'GuardApp.ts': MAIN, 'lib/rules.ts': LIB });
    expect(p.ok).toBe(false);
    expect(!p.ok && p.error).toContain('classFile "src/Main.ts", which is not in the folder');
  });

  it('without app.json finds the class extending App and writes a manifest', () => {
    const p = plan({ 'GuardApp.ts': MAIN, 'lib/rules.ts': LIB });
    expect(p.ok && [p.app.classFile, p.app.name, p.generatedManifest]).toEqual(['GuardApp.ts', 'Guard', true]);
    expect(p.ok && JSON.parse(p.app.files['app.json']!).classFile).toBe('GuardApp.ts');
  });

  it('refuses a folder with neither app.json nor an App class', () => {
    const p = plan({ 'index.ts': 'export const x = 1;\n' });
    expect(!p.ok && p.error).toBe('no app.json and no class extending App found: this does not look like a Rocket.Chat app project');
  });

  it('reports invalid app.json', () => {
    const p = plan({ 'app.json': '{ "id": ', 'GuardApp.ts': MAIN });
    expect(!p.ok && p.error).toMatch(/^app.json is not valid JSON/);
  });

  it('reports an id clash and makes a copy with a new id in app.json', () => {
    const p = plan({ 'app.json': MANIFEST, 'GuardApp.ts': MAIN, 'lib/rules.ts': LIB }, [{ id: 'guard-id', name: 'Old guard' }]);
    expect(p.ok && p.clash).toEqual({ id: 'guard-id', name: 'Old guard' });
    if (!p.ok) return;
    const copy = asCopy(p.app, ['guard-id']);
    expect(copy.id).toBe('guard-id-copy');
    expect(JSON.parse(copy.files['app.json']!)).toMatchObject({ id: 'guard-id-copy', name: 'Guard (copy)' });
  });

  it('starts at the one folder holding app.json when the project is nested', () => {
    const p = planImport(
      [
        { path: 'app/app.json', text: MANIFEST },
        { path: 'app/GuardApp.ts', text: MAIN },
        { path: 'app/lib/rules.ts', text: LIB },
        { path: 'tools/x.ts', text: '' },
      ],
      [],
      { root: 'repo' },
    );
    expect(p.ok && [p.root, Object.keys(p.app.files).sort()]).toEqual(['repo/app', ['GuardApp.ts', 'app.json', 'lib/rules.ts']]);
  });

  it('loose dropped files have no common root', () => {
    expect(stripCommonRoot(['app.json', 'Main.ts'])).toEqual({ root: '', paths: ['app.json', 'Main.ts'] });
  });

  it('finds multi-line, re-exported, required and dynamic imports', () => {
    const refs = findImports(
      `import {\n  a,\n  b,\n} from 'x';\nexport * from './y';\nexport type { T } from 'z';\nconst q = require('q');\nvoid import('w');\nimport 'side';\n`,
    );
    expect(refs.map((r) => `${r.line}:${r.module}${r.typeOnly ? ':type' : ''}`)).toEqual(['1:x', '5:./y', '6:z:type', '7:q', '8:w', '9:side']);
  });

  it('reads the syntax tree: module names in strings, templates, comments and regex literals are not imports', () => {
    const refs = findImports(
      `const OPEN = /{/;\nconst s = "require('fake')";\nconst re = /import x from 'y'/;\nconst t = \`\${'{'} import('z')\`;\n/* import a from 'b' */\nimport real from 'real';\nimport type { T } from 't';\nimport { type U } from 'u';\nimport e = require('eq');\n`,
    );
    expect(refs.map((r) => `${r.line}:${r.module}${r.typeOnly ? ':type' : ''}`)).toEqual(['6:real', '7:t:type', '8:u:type', '9:eq']);
  });
});
