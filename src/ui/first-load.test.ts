/**
 * The page's first load stays without zod: the schemas (scenario, world, drafts, traces) are
 * imported only when something is read (a saved workspace, a link, a file, an example). Walks the
 * static imports from src/main.tsx (type-only imports are erased; `import()` is on demand) and
 * names the chain of any file that would bring zod back.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FROM = /^[ \t]*(?:import|export)\s+(type\s+)?([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm;
const BARE = /^[ \t]*import\s*['"]([^'"]+)['"]/gm;

/** The modules a file imports at run time (specifiers as written). */
function staticImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(FROM)) {
    const [, typeOnly, clause = '', spec = ''] = m;
    if (typeOnly) continue;
    const named = /^\{([^}]*)\}$/s.exec(clause.trim());
    if (named && (named[1] ?? '').split(',').every((n) => !n.trim() || /^type\s/.test(n.trim()))) continue;
    out.push(spec);
  }
  for (const m of text.matchAll(BARE)) out.push(m[1] ?? '');
  return out;
}

/** From the page's entry: the chain of files to each package matching `pkg`. */
function chainsTo(pkg: RegExp): string[] {
  const entry = join(ROOT, 'src/main.tsx');
  const parent = new Map<string, string | null>([[entry, null]]);
  const queue = [entry];
  const found: string[] = [];
  const chain = (file: string) => {
    const files: string[] = [];
    for (let f: string | null = file; f; f = parent.get(f) ?? null) files.unshift(relative(ROOT, f));
    return files.join(' -> ');
  };
  while (queue.length) {
    const file = queue.shift()!;
    for (const spec of staticImports(file)) {
      if (!spec.startsWith('.')) {
        if (pkg.test(spec)) found.push(`${chain(file)} -> ${spec}`);
        continue;
      }
      const target = resolve(dirname(file), spec);
      if (!/\.tsx?$/.test(target) || parent.has(target)) continue;
      expect(existsSync(target), `${relative(ROOT, file)} imports ${spec}`).toBe(true);
      parent.set(target, file);
      queue.push(target);
    }
  }
  return found;
}

describe('the page first load', () => {
  it('imports no zod (the readers are loaded on demand)', () => {
    expect(chainsTo(/^zod(\/|$)/)).toEqual([]);
  });

  it('imports no esbuild-wasm (bundling an opened folder loads it, with its wasm, in a worker)', () => {
    expect(chainsTo(/^esbuild-wasm(\/|$)/)).toEqual([]);
  });

  it('is walked for real: it still reaches the engine and React', () => {
    expect(chainsTo(/^react-dom(\/|$)/).length).toBeGreaterThan(0);
  });
});
