/**
 * The apps compiler compiles an app with TypeScript before it bundles it; this does the same to
 * the app's own files for both bundlers (bundle-node.ts, bundle-files.ts). Kept apart from
 * compiler-rules.ts, which the page loads early (sucrase and the source-map reader load only
 * with a bundler). No `node:` imports.
 */
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { Message, PartialMessage, transform as esbuildTransform } from 'esbuild';
import { transform as sucrase } from 'sucrase';

const APP_CODE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/i;

/**
 * Where things are in the app's own files once compileAppFile rewrote them: esbuild reports a
 * resolve error at its place in the compiled text, so its line goes back through that file's map
 * (lines kept by sucrase; esbuild's transform may move them).
 */
export class CompiledPositions {
  private readonly maps = new Map<string, TraceMap>();
  add(file: string, mapJson: string): void {
    this.maps.set(file, new TraceMap(mapJson));
  }
  /** `line` 1-based, `column` 0-based, as esbuild gives them; the same place in the file as written. */
  original(file: string, line: number, column: number): { line: number; column: number } {
    const map = this.maps.get(file);
    if (!map) return { line, column };
    const hit = originalPositionFor(map, { line, column });
    return hit.line === null ? { line, column } : { line: hit.line, column: hit.column ?? 0 };
  }
}

/**
 * An app's own file (not node_modules) as the apps compiler hands it to esbuild. The compiler
 * compiles the app with TypeScript first (AppsCompiler: module CommonJS, target ES2017, no
 * `esModuleInterop`) and bundles that output, so imports follow TypeScript's CommonJS emit:
 * `import * as ms from 'ms'` is `const ms = require('ms')` (callable: the Teams bridge calls `ms(...)`
 * and crypto-js's `sha256(...)` so), `import x from 'y'` reads `require('y').default`. esbuild on the
 * sources would apply its own interop instead (a namespace object, which throws when called). So:
 * esbuild strips the types (with the folder's tsconfig: decorators, class fields), then sucrase's
 * legacy TypeScript interop writes the imports as TypeScript would; lines are kept and the inline
 * source map chains back to the file. With `esModuleInterop` in the tsconfig, TypeScript's interop
 * is esbuild's: the file is left to esbuild. Returns null for files esbuild loads as they are.
 */
export async function compileAppFile(
  transform: typeof esbuildTransform,
  path: string,
  text: string,
  tsconfigRaw: string | undefined,
  positions?: CompiledPositions,
): Promise<{ contents: string } | { errors: PartialMessage[] } | null> {
  if (!APP_CODE.test(path) || (tsconfigRaw !== undefined && /"esModuleInterop"\s*:\s*true/.test(tsconfigRaw))) return null;
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase() ?? 'js';
  const loader = ext === 'tsx' ? 'tsx' : ext === 'jsx' ? 'jsx' : ext.endsWith('ts') ? 'ts' : 'js';
  // The inline map's source is resolved against the file's own folder: its name alone.
  const sourcefile = path.slice(path.lastIndexOf('/') + 1);
  let stripped;
  try {
    stripped = await transform(text, {
      loader,
      format: 'esm',
      target: 'node20',
      sourcemap: 'both',
      sourcefile,
      ...(tsconfigRaw !== undefined ? { tsconfigRaw } : {}),
      logLevel: 'silent',
    });
  } catch (e) {
    // A syntax error: reported at its place in the app's file, as esbuild reports its own.
    const errors = (e as { errors?: Message[] }).errors;
    if (!Array.isArray(errors) || errors.length === 0) throw e;
    return { errors: errors.map((m) => ({ text: m.text, location: m.location ? { ...m.location, file: path } : null, notes: m.notes })) };
  }
  positions?.add(path, stripped.map);
  return { contents: sucrase(stripped.code, { transforms: ['imports'], enableLegacyTypeScriptModuleInterop: true, filePath: path }).code };
}
