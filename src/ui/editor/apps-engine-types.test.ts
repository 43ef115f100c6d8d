import { describe, expect, it } from 'vitest';
import { editorTypeLibs } from './apps-engine-type-libs.ts';

/** Where TypeScript looks for a relative import of `from` (no extension, as the .d.ts write them). */
function candidates(from: string, spec: string): string[] {
  const base = new URL(spec, from).href.replace(/\/$/, '');
  return [`${base}.d.ts`, `${base}/index.d.ts`, base];
}

describe('the editor gets the real @rocket.chat/ui-kit types (issue 10)', () => {
  const libs = new Map(editorTypeLibs().map((l) => [l.filePath, l.content]));

  it('serves ui-kit 1.0.0 from node_modules, entry point included, not a stub', () => {
    expect(libs.get('file:///node_modules/@rocket.chat/ui-kit/index.d.ts')).toBe("export * from './dist/index';");
    const index = libs.get('file:///node_modules/@rocket.chat/ui-kit/dist/index.d.ts') ?? '';
    expect(index).toContain('LayoutBlock');
    expect(index).toContain("export { TextObjectType } from './blocks/TextObjectType';");
    expect([...libs.values()].join('\n')).not.toContain('hookscope stub');
  });

  it('every import inside those types resolves to a file the worker has', () => {
    const unresolved: string[] = [];
    const bare = new Set<string>();
    for (const [path, content] of libs) {
      if (!path.includes('/@rocket.chat/ui-kit/') && !path.includes('/@rocket.chat/icons/')) continue;
      for (const m of content.matchAll(/\bfrom '([^']+)'/g)) {
        const spec = m[1]!;
        if (!spec.startsWith('.')) {
          bare.add(spec);
          continue;
        }
        if (!candidates(path, spec).some((c) => libs.has(c))) unresolved.push(`${path} -> ${spec}`);
      }
    }
    expect(unresolved).toEqual([]);
    // The only package ui-kit's types import; its entry point is served too.
    expect([...bare]).toEqual(['@rocket.chat/icons']);
    expect(libs.has('file:///node_modules/@rocket.chat/icons/index.d.ts')).toBe(true);
    expect(libs.get('file:///node_modules/@rocket.chat/icons/dist/index.d.ts')).toContain('Keys');
  });
});
