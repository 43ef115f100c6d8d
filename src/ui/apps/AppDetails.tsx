/** The selected app's app.json metadata (name, id, version, essentials) and its full load error. */
import { useState } from 'react';
import { ROOM_EVENTS } from '../../engine/index.ts';
import { metaOf, type AppMeta } from '../../workspace/app-files.ts';
import { useStore } from '../../state/store.ts';
import { selectAppStatus } from '../../state/selectors.ts';
import type { WorkspaceApp } from '../../workspace/types.ts';

export function AppDetails({ app }: { app: WorkspaceApp }) {
  const status = useStore(selectAppStatus(app.id));
  const [meta, setMeta] = useState<AppMeta>(() => metaOf(app));
  const [problem, setProblem] = useState<string | null>(null);
  const saved = metaOf(app);
  const dirty = JSON.stringify(meta) !== JSON.stringify(saved);
  const apply = () => {
    try {
      if (!meta.id.trim() || !meta.name.trim()) throw new Error('name and id must not be empty');
      useStore.getState().setAppMeta(app.id, { ...meta, id: meta.id.trim(), name: meta.name.trim() });
      setProblem(null);
    } catch (err) {
      setProblem((err as Error).message);
    }
  };
  const toggle = (event: string) =>
    setMeta((m) => ({ ...m, essentials: m.essentials.includes(event) ? m.essentials.filter((e) => e !== event) : [...m.essentials, event] }));

  return (
    <section className="app-meta" aria-label="app.json">
      {status?.state === 'error' && (
        <pre className="load-error" role="alert" data-testid="app-load-error-full">
          {status.loadError}
        </pre>
      )}
      <details>
        <summary className="section-title">app.json</summary>
        <form
          className="form form-compact"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <label className="field">
            <span className="field-label">Name</span>
            <input className="input" data-testid="meta-name" value={meta.name} onChange={(e) => setMeta({ ...meta, name: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">Id</span>
            <input className="input mono" data-testid="meta-id" value={meta.id} onChange={(e) => setMeta({ ...meta, id: e.target.value })} />
          </label>
          <label className="field">
            <span className="field-label">Version</span>
            <input className="input mono" value={meta.version} onChange={(e) => setMeta({ ...meta, version: e.target.value })} />
          </label>
          <fieldset className="field">
            <legend className="field-label" title="If an essential app is disabled, the event fails with error-essential-app-disabled.">
              Essential for
            </legend>
            <div className="chips">
              {ROOM_EVENTS.map((ev) => (
                <label key={ev} className={`chip ${meta.essentials.includes(ev) ? 'is-on' : ''}`}>
                  <input type="checkbox" checked={meta.essentials.includes(ev)} onChange={() => toggle(ev)} />
                  {ev.replace(/^I/, '')}
                </label>
              ))}
            </div>
          </fieldset>
          {problem && (
            <p className="field-hint is-error" role="alert">
              {problem}
            </p>
          )}
          <div className="row">
            <button type="submit" className="btn btn-small btn-primary" disabled={!dirty} data-testid="meta-apply">
              Apply
            </button>
            <button type="button" className="btn btn-small" disabled={!dirty} onClick={() => setMeta(saved)}>
              Revert
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}
