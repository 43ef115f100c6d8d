/** Handlers of a run that were stopped, timed out or threw (swallowed), named with what the host did. */
import type { TraceEvent } from '../../engine/index.ts';
import { useStore } from '../../state/store.ts';

type CallEnd = Extract<TraceEvent, { type: 'call-end' }>;

export function CutOffCalls({ events }: { events: TraceEvent[] }) {
  const names = useStore((s) => s.apps);
  const cut = events.filter((e): e is CallEnd => e.type === 'call-end' && (e.status === 'stopped' || e.status === 'timed-out' || e.status === 'threw'));
  if (cut.length === 0) return null;
  const name = (id: string) => names.find((a) => a.id === id)?.name ?? id;
  return (
    <ul className="cut-off" data-testid="run-cut-off">
      {cut.map((e) => (
        <li key={e.call.callId} className={e.status === 'stopped' ? 'is-stopped' : 'is-timeout'} data-status={e.status}>
          {e.status === 'stopped' ? '■ Stopped ' : e.status === 'threw' ? '⚠ Swallowed: ' : '⏱ Timed out: '}
          <strong>{name(e.call.appId)}</strong> · <span className="mono">{e.call.method}</span>
          {e.status === 'threw'
            ? ` threw ${e.error ? `${e.error.className}${e.error.message ? `: ${e.error.message}` : ' without a message'}` : 'an error'}`
            : ` after ${Math.round(e.durationMs)} ms`}
          : {e.effect}.
        </li>
      ))}
    </ul>
  );
}
