import { describe, expect, it } from 'vitest';
import { TranspileError, createModuleLoader, joinPath } from './module-loader.ts';
import { nodeEvaluator } from './test-harness.ts';

const load = (files: Record<string, string>, entry = 'main.ts'): Record<string, unknown> =>
  createModuleLoader(files, nodeEvaluator).requireFile(entry) as Record<string, unknown>;

describe('module loader', () => {
  it('normalises paths and refuses to leave the app', () => {
    expect(joinPath('a/b', '../c/./d')).toBe('a/c/d');
    expect(joinPath('', './x')).toBe('x');
    expect(joinPath('a', '../../x')).toBeNull();
  });

  it('resolves relative specifiers: exact, .ts, .js, /index.ts, /index.js, .js written for a .ts file', () => {
    const out = load({
      'main.ts': [
        "import { a } from './lib/a';",
        "import { b } from './lib/b.js';",
        "import { c } from './dir';",
        "import { d } from './js';",
        "import { e } from './lib/e.js';",
        "import data from './data.json';",
        'export const all = [a, b, c, d, e, (data as any).k];',
      ].join('\n'),
      'lib/a.ts': "export const a: string = 'a';",
      'lib/b.js': "export const b = 'b';",
      'dir/index.ts': "export { c } from '../lib/c';",
      'lib/c.ts': "export const c = 'c';",
      'js/index.js': "exports.d = 'd';",
      'lib/e.ts': "export const e = 'e';",
      'data.json': '{"k": "json"}',
    });
    expect(out['all']).toEqual(['a', 'b', 'c', 'd', 'e', 'json']);
  });

  it('evaluates each module once and gives partial exports on cycles, like Node', () => {
    const out = load(
      {
        'main.js':
          "const a = require('./a');\nconst b = require('./b');\nexports.r = [a.fromB, b.aRef === a, a.late, require('./a') === a, globalThis.__hs_count];",
        'a.js':
          "globalThis.__hs_count = (globalThis.__hs_count || 0) + 1;\nexports.early = 1;\nconst b = require('./b');\nexports.fromB = b.sawA;\nexports.late = 2;",
        'b.js': "const a = require('./a');\nexports.sawA = Object.keys(a).join(',');\nexports.aRef = a;",
      },
      'main.js',
    );
    expect(out['r']).toEqual(['early', true, 2, true, 1]);
    delete (globalThis as Record<string, unknown>)['__hs_count'];
  });

  it('refuses other modules with a message naming them', () => {
    expect(() => load({ 'main.ts': "const x = require('axios');" })).toThrow(
      /^Module "axios" is not allowed: the Rocket\.Chat apps runtime does not provide it\..*open the app folder with its node_modules/,
    );
    expect(() => load({ 'main.ts': "require('node:crypto');" })).toThrow(/^Module "node:crypto" is not allowed: .*bare name only \(require\('crypto'\)\)/);
    expect(() => load({ 'main.ts': "require('./missing');" })).toThrow('Cannot find module "./missing" from "main.ts"');
    expect(() => load({ 'main.ts': "require('../up');" })).toThrow('Cannot find module "../up" from "main.ts"');
  });

  it('reports transpile errors with file:line:column', () => {
    let err: unknown;
    try {
      load({ 'main.ts': "import './b';", 'b.ts': 'let ok = 1;\nclass {' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TranspileError);
    expect((err as Error).message).toMatch(/^b\.ts:2:\d+: /);
  });

  it('keeps line numbers and uses app:/// source URLs', () => {
    const out = load({
      'main.ts': "import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';\n\nexport function f(r?: IRoom) {\n  return new Error('x').stack;\n}",
    });
    expect(String((out['f'] as () => string)())).toMatch(/\(app:\/\/\/main\.ts:4:10\)/);
  });
});
