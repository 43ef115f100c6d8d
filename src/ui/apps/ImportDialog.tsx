/**
 * What opening a project folder will do: the app it found, its files, and what would stop it
 * from loading (file, line, module), or why it cannot be opened at all. An id clash offers
 * "replace" or "import as a copy".
 */
import { useEffect, useRef } from 'react';
import { sortedPaths } from '../../workspace/app-files.ts';
import { declareNpmPackages } from '../editor/npm-package-types.ts';
import { asCopy, type ImportPlan } from '../../workspace/import-project.ts';
import { useStore } from '../../state/store.ts';
import type { WorkspaceApp } from '../../workspace/types.ts';
import './import.css';

function commit(app: WorkspaceApp, replace: string | null, readDep: ((path: string) => Promise<string | null>) | undefined, npmPackages: string[]): void {
  // The folder's node_modules stay with the app for the page's life: its edits are bundled again.
  if (readDep) void import('./bundler/bundle-client.ts').then((m) => m.rememberDeps(app.id, readDep));
  if (npmPackages.length > 0) declareNpmPackages(npmPackages);
  const s = useStore.getState();
  if (replace) s.replaceApp(replace, app);
  else s.addApp(app);
  // A package has no class file source: the editor opens its bundle.
  s.openFileOf(app.id, app.files[app.classFile] !== undefined ? app.classFile : (sortedPaths(app).find((p) => p.endsWith('.js')) ?? 'app.json'));
}

const kb = (n: number) => (n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KB`);

export function ImportDialog({ plan, onClose }: { plan: ImportPlan; onClose(): void }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), []);
  const done = (app: WorkspaceApp, replace: string | null = null) => {
    commit(app, replace, plan.ok ? plan.readDep : undefined, plan.ok ? (plan.bundled?.imported ?? []) : []);
    onClose();
  };
  const from = plan.root ? <span className="mono">{/\.zip$/i.test(plan.root) ? plan.root : `${plan.root}/`}</span> : 'the dropped files';
  const shown = plan.ok ? sortedPaths(plan.app) : [];
  return (
    <div className="overlay" onMouseDown={onClose}>
      <div
        className="dialog import-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="import-title"
        data-testid="import-dialog"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        {!plan.ok ? (
          <>
            <h2 id="import-title" className="dialog-title">
              Cannot open {from}
            </h2>
            <p className="import-error" role="alert" data-testid="import-error">
              {plan.error}
            </p>
            <div className="dialog-actions">
              <button ref={first} type="button" className="btn" onClick={onClose}>
                Close
              </button>
            </div>
          </>
        ) : (
          <>
            <h2 id="import-title" className="dialog-title">
              Open <strong>{plan.app.name}</strong>{' '}
              <span className="muted mono small">
                {plan.app.id} {plan.app.version ?? ''}
              </span>
            </h2>
            {plan.zip ? (
              <p className="small muted" data-testid="import-zip">
                From the package <span className="mono">{plan.zip.name}</span> ({kb(plan.zip.bytes)}): app.json and the bundled class file{' '}
                <span className="mono">{plan.app.classFile.replace(/\.ts$/, '.js')}</span> ({kb(plan.zip.bundleBytes)}), run as the server runs it
                {shown.length > 2 && `, and ${shown.length - 2} more files`}. A package has no TypeScript sources: the editor shows the bundle.
              </p>
            ) : (
              <p className="small muted">
                From {from}: {shown.length} files, main class <span className="mono">{plan.app.classFile}</span>
                {plan.skipped > 0 && `; ${plan.skipped} other files not read (node_modules, dist, .git, non-source)`}.
                {plan.generatedManifest && ' The folder had no app.json: hookscope wrote one.'}
              </p>
            )}
            {plan.bundled && (
              <p className="small import-bundled" data-testid="import-bundled">
                npm packages bundled from the folder's node_modules, as the apps compiler does: <span className="mono">{plan.bundled.packages.join(', ')}</span>{' '}
                ({plan.bundled.depFiles} files read, bundle {kb(plan.bundled.bytes)}, {plan.bundled.ms} ms). Edits are bundled again.
                {plan.bundled.warnings.map((w) => (
                  <span key={w} className="import-warning">
                    {' '}
                    {w}
                  </span>
                ))}
              </p>
            )}
            <ul className="import-files mono small" data-testid="import-files">
              {shown.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
            {plan.problems.length > 0 && (
              <div className="import-problems" role="alert" data-testid="import-problems">
                <p>This app will not load as it is:</p>
                <ul>
                  {plan.problems.map((p) => (
                    <li key={`${p.file}:${p.line}:${p.module}`}>
                      <span className="mono">
                        {p.file}:{p.line}
                      </span>{' '}
                      {p.message}
                    </li>
                  ))}
                </ul>
                <p className="small">You can import it anyway and fix the code in the editor.</p>
              </div>
            )}
            {plan.clash && (
              <p className="import-clash" data-testid="import-clash">
                An app with the id <span className="mono">{plan.clash.id}</span> is already open: <strong>{plan.clash.name}</strong>.
              </p>
            )}
            <div className="dialog-actions">
              {plan.clash ? (
                <>
                  <button ref={first} type="button" className="btn btn-primary" data-testid="import-replace" onClick={() => done(plan.app, plan.clash!.id)}>
                    Replace {plan.clash.name}
                  </button>
                  <button
                    type="button"
                    className="btn"
                    data-testid="import-copy"
                    onClick={() =>
                      done(
                        asCopy(
                          plan.app,
                          useStore.getState().apps.map((a) => a.id),
                        ),
                      )
                    }
                  >
                    Import as a copy
                  </button>
                </>
              ) : (
                <button ref={first} type="button" className="btn btn-primary" data-testid="import-confirm" onClick={() => done(plan.app)}>
                  {plan.problems.length > 0 ? 'Import anyway' : 'Import'}
                </button>
              )}
              <button type="button" className="btn" onClick={onClose}>
                Cancel
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
