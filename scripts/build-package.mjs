#!/usr/bin/env node
// `npm run build:package` (also run by `npm pack` / `npm publish` through "prepack"): builds what
// the published package holds, all prebuilt so nothing is compiled at run time:
//   dist/web/                   the workbench (vite build) that `hookscope dev` serves
//   dist/cli.js, index.js,      the CLI and the library (esbuild, ESM, Node 20); only esbuild
//   vitest.js, jest.js          and zod stay outside as dependencies
//   dist/index.cjs, jest.cjs    the library and the jest matchers as CommonJS (jest without ESM)
//   dist/runtime/bundles.json   the app runtime that runs inside each worker's vm context
//   dist/types/                 type declarations (tsc)
//   dist/scenario.schema.json   the JSON Schema of the scenario format
// `--cli-only --out <dir>` builds just the CLI (<dir>/dist/cli.js, its chunks and the runtime
// bundles, with bin/hookscope.mjs copied to <dir>/bin): what `npm run bench` times. <dir> must be
// inside the checkout so that esbuild and zod resolve from its node_modules.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({ options: { 'cli-only': { type: 'boolean' }, out: { type: 'string' } }, strict: true });
const cliOnly = opts['cli-only'] ?? false;
const outRoot = opts.out !== undefined ? resolve(opts.out) : root;
const dist = join(outRoot, 'dist');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const log = (s) => process.stderr.write(`[build:package] ${s}\n`);

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: ['ignore', opts.capture ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.status !== 0) {
    log(`${cmd} ${args.join(' ')} failed (exit ${r.status ?? r.signal})`);
    process.exit(r.status || 1);
  }
  return r.stdout;
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(join(dist, 'runtime'), { recursive: true });

if (!cliOnly) {
  log('vite build -> dist/web');
  run(bin('vite'), ['build', '--logLevel', 'warn', '--outDir', 'dist/web', '--emptyOutDir']);
}

log('runtime bundles -> dist/runtime/bundles.json');
const bundles = run(
  process.execPath,
  [
    '--import',
    'tsx',
    '--input-type=module',
    '-e',
    "const m = await import('./src/node/runtime-bundle.ts'); process.stdout.write(JSON.stringify(await m.nodeBundles()));",
  ],
  { capture: true },
);
writeFileSync(join(dist, 'runtime', 'bundles.json'), bundles);

/** In the package the runtime is prebuilt: runtime-bundle.ts reads it instead of running esbuild on sources. */
const prebuiltRuntime = {
  name: 'prebuilt-runtime',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]node[\\/]runtime-bundle\.ts$/ }, () => ({
      loader: 'js',
      contents: `import { readFileSync } from 'node:fs';
let cached = null;
export function nodeBundles() {
  cached ??= Promise.resolve(JSON.parse(readFileSync(new URL('./runtime/bundles.json', import.meta.url), 'utf8')));
  return cached;
}`,
    }));
  },
};

log(cliOnly ? `esbuild -> ${dist}/cli.js` : 'esbuild -> dist/cli.js, index.js, vitest.js, jest.js');
await build({
  absWorkingDir: root,
  entryPoints: cliOnly
    ? { cli: 'src/cli/main.ts' }
    : { cli: 'src/cli/main.ts', index: 'src/lib/index.ts', vitest: 'src/lib/vitest.ts', jest: 'src/lib/jest.ts' },
  outdir: dist,
  bundle: true,
  splitting: true,
  chunkNames: 'chunk-[name]-[hash]',
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external: ['esbuild', 'zod', 'vitest'],
  banner: { js: "import { createRequire as __hookscopeRequire } from 'node:module'; const require = __hookscopeRequire(import.meta.url);" },
  define: { 'process.env.NODE_ENV': '"production"' },
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [prebuiltRuntime],
});

if (!cliOnly) {
  // For projects whose tests run as CommonJS (jest without ESM): `require('hookscope')` and
  // `setupFilesAfterEach: ['hookscope/jest']`. No code splitting in CJS, so each file is whole.
  log('esbuild -> dist/index.cjs, jest.cjs (CommonJS)');
  await build({
    absWorkingDir: root,
    entryPoints: { index: 'src/lib/index.ts', jest: 'src/lib/jest.ts' },
    outdir: dist,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    external: ['esbuild', 'zod'],
    banner: { js: "const __hookscopeImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'process.env.NODE_ENV': '"production"', 'import.meta.url': '__hookscopeImportMetaUrl' },
    legalComments: 'none',
    logLevel: 'warning',
    plugins: [prebuiltRuntime],
  });
}

if (cliOnly) {
  mkdirSync(join(outRoot, 'bin'), { recursive: true });
  copyFileSync(join(root, 'bin', 'hookscope.mjs'), join(outRoot, 'bin', 'hookscope.mjs'));
  log('done (CLI only)');
  process.exit(0);
}

log('tsc -> dist/types');
// TypeScript 7's own binary: node_modules/.bin/tsc may be the fidelity harness's `typescript-5` alias.
run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.types.json']);
// Declarations keep the sources' `.ts` specifiers; consumers resolve `.js` to the `.d.ts` beside it.
const fixSpecifiers = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) fixSpecifiers(p);
    else if (p.endsWith('.d.ts')) writeFileSync(p, readFileSync(p, 'utf8').replace(/(from\s+'|import\(')(\.{1,2}\/[^']+)\.tsx?'/g, "$1$2.js'"));
  }
};
fixSpecifiers(join(dist, 'types'));

log('JSON Schema -> dist/scenario.schema.json');
run(process.execPath, ['bin/hookscope.mjs', 'schema', '--out', 'dist/scenario.schema.json']);
log('done');
