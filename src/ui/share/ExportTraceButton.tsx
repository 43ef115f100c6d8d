/** Exports one run's trace as JSON: mountable in a history row as `<ExportTraceButton runId={run.id} />`. */
import { traceFile, traceFileName } from '../../share/trace-file.ts';
import { useStore } from '../../state/store.ts';
import { downloadText } from './download.ts';

export function ExportTraceButton({ runId }: { runId: string }) {
  const run = useStore((s) => s.runs.find((r) => r.id === runId));
  if (!run) return null;
  return (
    <button
      type="button"
      className="btn btn-small btn-ghost"
      data-testid={`export-trace-${runId}`}
      title="Download this run's trace as JSON"
      onClick={() => downloadText(traceFileName(run), JSON.stringify(traceFile(run), null, 2) + '\n')}
    >
      ⤓ Trace
    </button>
  );
}
