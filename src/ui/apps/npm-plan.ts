/**
 * The parts of opening a project that only some projects need, loaded with the first one opened:
 * bundling the app's npm packages from the folder's node_modules (esbuild-wasm in a worker,
 * ./bundler/), and reading an `rc-apps package` zip (src/bundle/load-zip.ts).
 */
import { classifyImport, packageNameOf } from '../../bundle/compiler-rules.ts';
import { AppLoadError } from '../../bundle/loaded-app.ts';
import { withBundle } from '../../state/app-bundle.ts';
import type { ImportPlan, ImportProblem } from '../../workspace/import-project.ts';
import { findImports } from '../../workspace/import-scan.ts';
import type { WorkspaceApp } from '../../workspace/types.ts';

type ReadDep = (path: string) => Promise<string | null>;

/**
 * How node_modules files are reached: `has(dir)` says whether the opened folder has a
 * node_modules folder at `dir` (paths inside the opened folder), `read(path)` reads one file.
 */
export interface NodeModules {
  has(dir: string): boolean;
  read(path: string): Promise<string | null>;
}

const join = (...parts: string[]) => parts.filter((p) => p !== '').join('/');

/** The npm packages the app's sources import (not type-only), with where. */
function packageImports(app: WorkspaceApp): { file: string; line: number; module: string }[] {
  const out: { file: string; line: number; module: string }[] = [];
  for (const [file, text] of Object.entries(app.files)) {
    if (!/\.(ts|js)$/.test(file)) continue;
    for (const ref of findImports(text)) {
      const kind = classifyImport(ref.module);
      if (!ref.typeOnly && (kind === 'package' || kind === 'ui-kit')) out.push({ file, line: ref.line, module: ref.module });
    }
  }
  return out;
}

const isPackageProblem = (p: ImportProblem) => p.module !== '' && ['package', 'ui-kit'].includes(classifyImport(p.module));

/** Bundles the planned app's npm packages from the folder's node_modules, or names what is missing. */
export async function withNpmPackages(plan: ImportPlan, modules: NodeModules): Promise<ImportPlan> {
  if (!plan.ok) return plan;
  const wanted = packageImports(plan.app);
  if (wanted.length === 0) return plan;
  const base = plan.base ?? '';
  if (!modules.has(base)) {
    // The runtime refuses packages it does not provide; say what would make them load.
    const named = new Set(plan.problems.filter(isPackageProblem).map((p) => `${p.file}:${p.line}:${p.module}`));
    const problems = plan.problems.map((p) =>
      named.has(`${p.file}:${p.line}:${p.module}`)
        ? {
            ...p,
            message: `imports "${p.module}": the Rocket.Chat apps runtime does not provide it, and the opened folder has no node_modules to bundle it from: run \`npm install\` in the app folder, then open it again`,
          }
        : p,
    );
    return { ...plan, problems };
  }
  const readDep: ReadDep = (p) => modules.read(join(base, p));
  const { bundleInWorker } = await import('./bundler/bundle-client.ts');
  const t0 = performance.now();
  const r = await bundleInWorker(plan.app, readDep);
  const ms = performance.now() - t0;
  const others = plan.problems.filter((p) => !isPackageProblem(p));
  if (!r.ok) {
    const message = r.message.replace(/^Could not bundle the app: /, '').replace(/^[^\s:]+:\d+:\d+: /, '');
    return { ...plan, problems: [...others, { file: r.file ?? plan.app.classFile, line: r.line ?? 1, module: '', message: `cannot be bundled: ${message}` }] };
  }
  const app = withBundle(plan.app, r.code, r.map);
  return {
    ...plan,
    app,
    problems: others,
    readDep,
    bundled: {
      packages: r.packages,
      imported: [...new Set(wanted.filter((w) => classifyImport(w.module) === 'package').map((w) => packageNameOf(w.module)))].sort(),
      depFiles: r.depFiles.length,
      bytes: r.code.length,
      ms: Math.round(ms),
      warnings: r.warnings,
    },
  };
}

/** The largest package accepted (the unpacked limit is load-zip's, measured while unpacking). */
const MAX_ZIP_BYTES = 16 * 1024 * 1024;

/** An `rc-apps package` zip: app.json and the bundled class file, run as they are (src/bundle/load-zip.ts). */
export async function planFromZip(file: File, existing: Pick<WorkspaceApp, 'id' | 'name'>[]): Promise<ImportPlan> {
  const fail = (error: string): ImportPlan => ({ ok: false, root: file.name, error, skipped: 0 });
  if (file.size > MAX_ZIP_BYTES)
    return fail(`package ${file.name}: ${(file.size / 1024 / 1024).toFixed(1)} MB, larger than the ${MAX_ZIP_BYTES / 1024 / 1024} MB hookscope opens`);
  let loaded;
  try {
    // fflate's unzip is fetched when a package is opened, not with the page.
    const { loadAppZip } = await import('../../bundle/load-zip.ts');
    loaded = loadAppZip(new Uint8Array(await file.arrayBuffer()), file.name);
  } catch (err) {
    return fail(err instanceof AppLoadError || err instanceof Error ? err.message : String(err));
  }
  const m = loaded.manifest;
  const app: WorkspaceApp = { id: m.id, name: m.name, classFile: loaded.classFile, enabled: true, files: { ...loaded.files } };
  if (typeof m.nameSlug === 'string') app.nameSlug = m.nameSlug;
  if (typeof m.version === 'string') app.version = m.version;
  if (typeof m.description === 'string') app.description = m.description;
  if (Array.isArray(m['essentials'])) app.essentials = (m['essentials'] as unknown[]).filter((e): e is string => typeof e === 'string');
  const other = existing.find((a) => a.id === app.id);
  return {
    ok: true,
    root: file.name,
    app,
    problems: [],
    skipped: 0,
    generatedManifest: false,
    clash: other ? { id: other.id, name: other.name } : null,
    zip: { name: file.name, bytes: file.size, bundleBytes: (loaded.files[loaded.bundlePath] ?? '').length },
  };
}
