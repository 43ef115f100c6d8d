/** The run history: every action run, newest first, virtualized; filter by outcome, app, event. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { ROOM_EVENTS } from '../../engine/index.ts';
import { PHASE_LABEL } from '../../graph/labels.ts';
import { filterRows, nextRowId, NO_FILTER, toRows, troubleText, type HistoryFilter, type HistoryRun } from './history-filter.ts';
import './history.css';

export interface RunHistoryProps {
  runs: readonly HistoryRun[];
  selectedId: string | null;
  /** The second run of a side-by-side comparison. */
  compareId: string | null;
  apps: { id: string; name: string }[];
  onSelect(id: string): void;
  onCompare(id: string | null): void;
}

/** Three lines: the action, its answer (whole: the error code is what the row is scanned for), the apps. */
const ROW_HEIGHT = 58;

export function RunHistory({ runs, selectedId, compareId, apps, onSelect, onCompare }: RunHistoryProps) {
  const [filter, setFilter] = useState<HistoryFilter>(NO_FILTER);
  const rows = useMemo(() => toRows(runs), [runs]);
  const visible = useMemo(() => filterRows(rows, filter), [rows, filter]);
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count: visible.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const names = useMemo(() => new Map(apps.map((a) => [a.id, a.name])), [apps]);
  const set = (patch: Partial<HistoryFilter>) => setFilter((f) => ({ ...f, ...patch }));
  const onListKey = (e: KeyboardEvent) => {
    const next = nextRowId(visible, selectedId, e.key);
    if (next === null) return;
    e.preventDefault();
    onSelect(next);
    const index = visible.findIndex((r) => r.id === next);
    virtual.scrollToIndex(index, { align: 'auto' });
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(next)}"]`)?.focus());
  };
  const focusable = visible.some((r) => r.id === selectedId) ? selectedId : (visible[0]?.id ?? null);
  return (
    <div className="hs-history" data-testid="run-history">
      <div className="hs-history-filters" role="group" aria-label="Filter runs">
        <input
          type="search"
          placeholder="Filter runs"
          aria-label="Filter runs by text"
          value={filter.text}
          onChange={(e) => set({ text: e.target.value })}
          data-testid="history-filter-text"
        />
        <select
          aria-label="Outcome"
          value={filter.outcome}
          onChange={(e) => set({ outcome: e.target.value as HistoryFilter['outcome'] })}
          data-testid="history-filter-outcome"
        >
          <option value="all">all outcomes</option>
          <option value="completed">completed</option>
          <option value="prevented">prevented</option>
          <option value="failed">failed</option>
          <option value="running">running</option>
        </select>
        <select aria-label="App" value={filter.appId} onChange={(e) => set({ appId: e.target.value })}>
          <option value="all">all apps</option>
          {apps.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
        <select aria-label="Event" value={filter.event} onChange={(e) => set({ event: e.target.value as HistoryFilter['event'] })}>
          <option value="all">all events</option>
          {ROOM_EVENTS.map((ev) => (
            <option key={ev} value={ev}>
              {PHASE_LABEL[ev]}
            </option>
          ))}
        </select>
        <span className="hs-history-count" aria-live="polite">
          {visible.length === rows.length ? `${rows.length} runs` : `${visible.length} of ${rows.length}`}
        </span>
      </div>
      {rows.length === 0 ? (
        <div className="hs-history-empty">No runs yet. Every action you run is kept here; select one to see its graph and the world as it was.</div>
      ) : (
        <div className="hs-history-list" ref={scroller} role="grid" aria-label="Runs (arrow keys move)" aria-rowcount={visible.length} onKeyDown={onListKey}>
          <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
            {virtual.getVirtualItems().map((item) => {
              const row = visible[item.index];
              if (!row) return null;
              const selected = row.id === selectedId;
              const trouble = troubleText(row.trouble);
              return (
                <div
                  key={row.id}
                  role="row"
                  aria-rowindex={item.index + 1}
                  aria-selected={selected}
                  tabIndex={row.id === focusable ? 0 : -1}
                  data-row-id={row.id}
                  className={`hs-history-row${selected ? ' is-selected' : ''}${row.id === compareId ? ' is-compared' : ''}`}
                  style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                  onClick={() => onSelect(row.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') onSelect(row.id);
                  }}
                  data-testid={`history-row-${row.index + 1}`}
                  data-outcome={row.outcome}
                >
                  <span className={`hs-outcome-dot hs-dot-${row.outcome}`} aria-hidden="true" />
                  <span role="gridcell" className="hs-history-index">
                    #{row.index + 1}
                  </span>
                  <span role="gridcell" className="hs-history-label" title={row.label}>
                    {row.label}
                  </span>
                  <span role="gridcell" className="hs-history-outcome">
                    {row.errorCode ?? row.outcome}
                    {trouble && (
                      <span className="hs-history-trouble" data-testid={`history-trouble-${row.index + 1}`}>
                        {' '}
                        {trouble}
                      </span>
                    )}
                  </span>
                  <span role="gridcell" className="hs-history-apps">
                    {row.apps.map((id) => names.get(id) ?? id).join(', ')}
                  </span>
                  <span role="gridcell" className="hs-history-compare-cell">
                    <button
                      type="button"
                      className="hs-history-compare"
                      aria-pressed={row.id === compareId}
                      title="Compare side by side with the selected run"
                      onClick={(e) => {
                        e.stopPropagation();
                        onCompare(row.id === compareId ? null : row.id);
                      }}
                      data-testid={`history-compare-${row.index + 1}`}
                    >
                      {row.id === compareId ? 'comparing' : 'compare'}
                    </button>
                  </span>
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
