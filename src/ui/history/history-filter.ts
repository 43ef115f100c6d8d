/** Rows of the run history and their filters (pure; tested in Node). */
import { describeAction, type ActionInput, type HostError, type RoomEvent, type TraceEvent } from '../../engine/index.ts';

export interface HistoryRun {
  id: string;
  action: ActionInput;
  startedAt: number;
  state: 'running' | 'answered' | 'settled' | 'crashed';
  result: { outcome: string; error: HostError | null } | null;
  events: readonly TraceEvent[];
  /** 1-based run number, when the record has one (else the position is used). */
  seq?: number;
}

export interface HistoryRow {
  id: string;
  index: number;
  label: string;
  outcome: 'completed' | 'prevented' | 'failed' | 'running' | 'crashed';
  errorCode: string | null;
  apps: string[];
  events: RoomEvent[];
  startedAt: number;
  /** Handlers that did not do their job though the host went on: swallowed throws, timeouts, stops. */
  trouble: { swallowed: number; timedOut: number };
}

export interface HistoryFilter {
  outcome: HistoryRow['outcome'] | 'all';
  appId: string | 'all';
  event: RoomEvent | 'all';
  text: string;
}

export const NO_FILTER: HistoryFilter = { outcome: 'all', appId: 'all', event: 'all', text: '' };

export function toRow(run: HistoryRun, index: number): HistoryRow {
  const apps = new Set<string>();
  const events = new Set<RoomEvent>();
  const trouble = { swallowed: 0, timedOut: 0 };
  for (const e of run.events) {
    if (e.type === 'call-start') apps.add(e.call.appId);
    if (e.type === 'phase-start' && e.listeners.length > 0) events.add(e.event);
    if (e.type === 'call-end' && e.status === 'threw') trouble.swallowed++;
    if (e.type === 'call-end' && (e.status === 'timed-out' || e.status === 'stopped')) trouble.timedOut++;
  }
  const outcome = run.state === 'crashed' ? 'crashed' : ((run.result?.outcome as HistoryRow['outcome'] | undefined) ?? 'running');
  return {
    id: run.id,
    index,
    label: describeAction(run.action),
    outcome,
    errorCode: run.result?.error?.code ?? null,
    apps: [...apps],
    events: [...events],
    startedAt: run.startedAt,
    trouble,
  };
}

/**
 * Rows already built, per run record: the runs slice replaces a record when it changes and keeps
 * the others, so a row is built once per change of its run and not again on each update.
 */
const rowCache = new WeakMap<HistoryRun, HistoryRow>();

/** History rows, newest first, numbered by the runs' own numbers. */
export function toRows(runs: readonly HistoryRun[]): HistoryRow[] {
  const rows = new Array<HistoryRow>(runs.length);
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i]!;
    const index = (run.seq ?? i + 1) - 1;
    let row = rowCache.get(run);
    if (!row || row.index !== index) {
      row = toRow(run, index);
      rowCache.set(run, row);
    }
    rows[runs.length - 1 - i] = row;
  }
  return rows;
}

/** The row's notice, the same words for a swallowed throw as for a timeout: "⚠ 1 swallowed error". */
export function troubleText(t: HistoryRow['trouble']): string | null {
  const parts: string[] = [];
  if (t.swallowed) parts.push(`${t.swallowed} swallowed error${t.swallowed > 1 ? 's' : ''}`);
  if (t.timedOut) parts.push(`${t.timedOut} timed out`);
  return parts.length ? `⚠ ${parts.join(', ')}` : null;
}

/** Arrow-key navigation: the row id to select after `key`, or null. */
export function nextRowId(rows: readonly Pick<HistoryRow, 'id'>[], currentId: string | null, key: string): string | null {
  if (rows.length === 0) return null;
  const i = rows.findIndex((r) => r.id === currentId);
  const last = rows.length - 1;
  const to =
    key === 'ArrowDown'
      ? i < 0
        ? 0
        : Math.min(last, i + 1)
      : key === 'ArrowUp'
        ? i < 0
          ? 0
          : Math.max(0, i - 1)
        : key === 'Home'
          ? 0
          : key === 'End'
            ? last
            : null;
  return to === null ? null : (rows[to]?.id ?? null);
}

export function filterRows(rows: HistoryRow[], f: HistoryFilter): HistoryRow[] {
  const text = f.text.trim().toLowerCase();
  return rows.filter(
    (r) =>
      (f.outcome === 'all' || r.outcome === f.outcome) &&
      (f.appId === 'all' || r.apps.includes(f.appId)) &&
      (f.event === 'all' || r.events.includes(f.event)) &&
      (!text || r.label.toLowerCase().includes(text) || (r.errorCode ?? '').includes(text)),
  );
}
