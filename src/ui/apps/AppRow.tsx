/** One app in the list: order, name, enable switch, load status, reorder, rename, delete. */
import { useState, type DragEvent } from 'react';
import { useStore } from '../../state/store.ts';
import { selectAppById, selectAppStatus } from '../../state/selectors.ts';
import { metaOf } from '../../workspace/app-files.ts';
import { LoadErrorLine } from './LoadErrorLine.tsx';
import { PathInput } from './PathInput.tsx';
import { StatusBadge } from './StatusBadge.tsx';

const DRAG_TYPE = 'application/x-hookscope-app';

export function AppRow({ id, index, count }: { id: string; index: number; count: number }) {
  const app = useStore(selectAppById(id));
  const status = useStore(selectAppStatus(id));
  const selected = useStore((s) => s.selectedAppId === id);
  const { selectApp, setEnabled, moveApp, removeApp } = useStore.getState();
  const [confirming, setConfirming] = useState(false);
  const [dropTarget, setDropTarget] = useState(false);
  const [renaming, setRenaming] = useState(false);
  if (!app) return null;

  const onDrop = (e: DragEvent) => {
    const from = e.dataTransfer.getData(DRAG_TYPE);
    setDropTarget(false);
    if (from && from !== id) moveApp(from, index);
  };

  return (
    <li
      className={`app-row ${selected ? 'is-selected' : ''} ${app.enabled ? '' : 'is-disabled'} ${dropTarget ? 'is-drop-target' : ''}`}
      data-testid={`app-row-${id}`}
      draggable
      onDragStart={(e) => e.dataTransfer.setData(DRAG_TYPE, id)}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(DRAG_TYPE)) {
          e.preventDefault();
          setDropTarget(true);
        }
      }}
      onDragLeave={() => setDropTarget(false)}
      onDrop={onDrop}
    >
      <div className="app-row-main">
        <span className="drag-handle" aria-hidden="true" title="Drag to reorder">
          ⋮⋮
        </span>
        <span
          className="app-order"
          title={app.enabled ? `Called ${ordinal(index + 1)} among enabled apps listening to the same event` : 'Disabled: never called'}
        >
          {index + 1}
        </span>
        {renaming ? (
          <PathInput
            initial={app.name}
            label="App name"
            validate={(v) => (v.trim() ? null : 'an app needs a name')}
            onDone={(name) => {
              if (name) useStore.getState().setAppMeta(id, { ...metaOf(app), name });
              setRenaming(false);
            }}
          />
        ) : (
          <button
            type="button"
            className="app-name"
            aria-current={selected ? 'true' : undefined}
            data-testid="app-select"
            onClick={() => selectApp(id)}
            onDoubleClick={() => setRenaming(true)}
          >
            {app.name}
          </button>
        )}
        <label className="switch" title="Re-enabling an app moves it to the end of the listener order, as Rocket.Chat does.">
          <input
            type="checkbox"
            role="switch"
            data-testid="app-enabled"
            checked={app.enabled}
            onChange={(e) => setEnabled(id, e.target.checked)}
            aria-label={`${app.name} enabled`}
          />
          <span className="switch-track" aria-hidden="true" />
        </label>
      </div>
      <div className="app-row-meta">
        <StatusBadge status={status} enabled={app.enabled} />
        <span className="row-tools">
          <button
            type="button"
            className="icon-btn"
            aria-label={`Move ${app.name} up`}
            data-testid="app-up"
            disabled={index === 0}
            onClick={() => moveApp(id, index - 1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label={`Move ${app.name} down`}
            data-testid="app-down"
            disabled={index === count - 1}
            onClick={() => moveApp(id, index + 1)}
          >
            ↓
          </button>
          <button type="button" className="icon-btn" aria-label={`Rename ${app.name}`} data-testid="app-rename" onClick={() => setRenaming(true)}>
            ✎
          </button>
          <button type="button" className="icon-btn" aria-label={`Delete ${app.name}`} data-testid="app-delete" onClick={() => setConfirming(true)}>
            ✕
          </button>
        </span>
      </div>
      {status?.state === 'error' && <LoadErrorLine app={app} error={status.loadError ?? 'could not load'} />}
      {confirming && (
        <div className="confirm" role="alertdialog" aria-label={`Delete ${app.name}?`}>
          <span>
            Delete {app.name} and its {Object.keys(app.files).length} files?
          </span>
          <button type="button" className="btn btn-danger btn-small" data-testid="app-delete-confirm" onClick={() => removeApp(id)} autoFocus>
            Delete
          </button>
          <button type="button" className="btn btn-small" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
    </li>
  );
}

function ordinal(n: number): string {
  return n === 1 ? '1st' : n === 2 ? '2nd' : n === 3 ? '3rd' : `${n}th`;
}
