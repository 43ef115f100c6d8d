/** A bundle made in the page is stamped with its sources: an edit makes it stale, and a stale bundle never runs. */
import { describe, expect, it } from 'vitest';
import { hasPageBundle, hasStaleBundle, prepareApp, sourcesStamp, withBundle } from './app-bundle.ts';
import type { WorkspaceApp } from '../workspace/types.ts';

const app = (files: Record<string, string>): WorkspaceApp => ({ id: 'a', name: 'A', classFile: 'A.ts', enabled: true, files });
const CODE = '/*hookscope:cjs*/"use strict";\nexports.A = class {};\n';

describe('app bundles made in the page', () => {
  it('stamps the bundle with the sources; an edit makes it stale, the bundle itself does not count', () => {
    const a = withBundle(app({ 'A.ts': 'export class A {}', 'app.json': '{}' }), CODE, '{"version":3}');
    expect(a.files['__bundle__/A.js']).toMatch(/^\/\*hookscope:cjs\*\/"use strict";\nexports\.A = class \{\};\n\/\/# hookscope-sources=[0-9a-f]{8}\n$/);
    expect(a.files['__bundle__/A.js.map']).toBe('{"version":3}');
    expect(hasPageBundle(a) && !hasStaleBundle(a)).toBe(true);
    expect(sourcesStamp(a.files)).toBe(sourcesStamp({ 'A.ts': 'export class A {}', 'app.json': '{}' }));
    const edited = { ...a, files: { ...a.files, 'A.ts': 'export class A { x = 1 }' } };
    expect(hasStaleBundle(edited)).toBe(true);
    // A bundle from the Node runner or a zip has no stamp: never stale.
    expect(hasStaleBundle(app({ 'A.ts': 'x', '__bundle__/A.js': CODE }))).toBe(false);
  });

  it('without the folder (no preparer), a stale bundle is replaced by one that fails with why', async () => {
    const a = withBundle(app({ 'A.ts': 'export class A {}' }), CODE, '');
    expect(await prepareApp(a)).toBe(a);
    const edited = { ...a, files: { ...a.files, 'A.ts': 'export class A { y = 2 }' } };
    const ready = await prepareApp(edited);
    expect(ready.files['__bundle__/A.js']).toContain('throw new Error("A.ts was edited after its npm packages were bundled from the opened folder');
    expect(ready.files['A.ts']).toBe('export class A { y = 2 }');
  });
});
