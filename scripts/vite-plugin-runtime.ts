/**
 * Vite plugin: `virtual:hookscope-runtime` is the browser app runtime bundled with esbuild into one
 * self-contained classic-worker script, as a string. The sandboxed iframe turns it into a blob:
 * Worker (it cannot load anything from our origin). Works the same in dev and in builds.
 */
import { build } from 'esbuild';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';

const VIRTUAL = 'virtual:hookscope-runtime';
const RESOLVED = `\0${VIRTUAL}`;

export function hookscopeRuntime(): Plugin {
  const entry = fileURLToPath(new URL('../src/sandbox/worker-entry.ts', import.meta.url));
  const nodeUrlShim = fileURLToPath(new URL('../src/runtime/shims/node-url.ts', import.meta.url));
  return {
    name: 'hookscope-runtime',
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    async load(id) {
      if (id !== RESOLVED) return null;
      const result = await build({
        entryPoints: [entry],
        bundle: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: 'es2022',
        minify: true,
        legalComments: 'none',
        alias: { 'node:url': nodeUrlShim },
        define: { 'process.env.NODE_ENV': '"production"', 'process.env.NODE_DEBUG': 'false', 'process.nextTick': 'queueMicrotask' },
        metafile: true,
      });
      // "(disabled):..." inputs are modules a package's browser field turns off: no file to watch
      // (watching one makes the dev server try to resolve it as an import of this module, a 500).
      for (const input of Object.keys(result.metafile.inputs)) if (!input.startsWith('(disabled):')) this.addWatchFile(resolve(input));
      const code = result.outputFiles[0]?.text ?? '';
      return `export default ${JSON.stringify(code)};`;
    },
  };
}
