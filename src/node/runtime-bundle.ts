/**
 * Bundles the worker code for Node with esbuild, once per process: the runtime (with sucrase and
 * the Apps-Engine runtime classes) as one script that runs inside a vm context, and the small
 * worker shell around it.
 */
import { build, type Plugin } from 'esbuild';
import { fileURLToPath } from 'node:url';

export interface NodeBundles {
  worker: string;
  runtime: string;
}

/**
 * Node built-ins are not available inside the app's vm context. The Apps-Engine package requires
 * `node:url` in OAuth2Client only; such imports resolve to a module that throws when used.
 */
const unavailableBuiltins: Plugin = {
  name: 'unavailable-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'unavailable' }));
    b.onLoad({ filter: /.*/, namespace: 'unavailable' }, (args) => ({
      contents: `module.exports = new Proxy({}, { get(_t, key) {
  if (typeof key !== 'string' || key === '__esModule' || key === 'default' || key === 'then') return undefined;
  throw new Error(${JSON.stringify(`${args.path} is not available to apps in hookscope`)} + ' (' + key + ')');
} });`,
      loader: 'js',
    }));
  },
};

let cached: Promise<NodeBundles> | null = null;

async function bundle(entry: string, platform: 'node' | 'neutral', format: 'cjs' | 'iife'): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    platform,
    format,
    target: 'es2022',
    mainFields: ['main', 'module'],
    logLevel: 'silent',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"', 'process.env.NODE_DEBUG': 'false', 'process.nextTick': 'queueMicrotask' },
    plugins: platform === 'neutral' ? [unavailableBuiltins] : [],
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced no output for ${entry}`);
  return file.text;
}

export function nodeBundles(): Promise<NodeBundles> {
  cached ??= Promise.all([bundle('./worker-main.ts', 'node', 'cjs'), bundle('./vm-entry.ts', 'neutral', 'iife')]).then(([worker, runtime]) => ({
    worker,
    runtime,
  }));
  return cached;
}
