/** "Share ▾": copy a link, export the scenario / a test / the latest trace, import a file. */
import { useEffect, useRef, useState } from 'react';
import { shareLink, shareStartWorld } from '../../share/payload.ts';
import { runsToTest } from '../../share/runs-to-test.ts';
import { SCENARIO_FILE_SUFFIX, scenarioText, workspaceToScenario } from '../../share/scenario-io.ts';
import { folderApps } from '../dev/dev-session.ts';
import { traceFile, traceFileName } from '../../share/trace-file.ts';
import { useStore } from '../../state/store.ts';
import { downloadText, fileStem } from './download.ts';
import { importFile } from './open-shared.ts';
import { useDismiss } from '../use-dismiss.ts';

export function ShareMenu() {
  const [open, setOpen] = useState(false);
  const [withRuns, setWithRuns] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const runCount = useStore((s) => s.runs.filter((r) => r.result).length);
  const input = useRef<HTMLInputElement>(null);
  const anchor = useRef<HTMLDivElement>(null);
  const problem = useStore((s) => s.shareProblem);
  const pending = useStore((s) => s.pending);
  // A link or file opened (or refused) takes the stage: the menu gets out of its way.
  useEffect(() => setOpen(false), [problem, pending]);
  useDismiss(open, anchor, () => setOpen(false));
  const stem = () => fileStem(useStore.getState().apps[0]?.name ?? 'workspace');

  const makeLink = (includeRuns: boolean) => {
    const s = useStore.getState();
    // The world the first run started from: the recipient's Run meets what the sender's first run met.
    const start = shareStartWorld(s, s.runs, s.worldBeforeRun);
    const url = shareLink(location.href, { ...s, world: start.world }, includeRuns ? s.runs : null);
    setLink(url);
    const world = start.beforeSeq !== null ? `the world as it was before run #${start.beforeSeq}` : 'the current world';
    setNote(`${url.length} characters, with ${world}${url.length > 8000 ? ': some chat apps cut links this long; export a file instead' : ''}.`);
    void navigator.clipboard?.writeText(url).then(
      () => setNote((n) => `Copied. ${n ?? ''}`),
      () => undefined,
    );
  };
  const exportScenario = () => {
    downloadText(`${stem()}${SCENARIO_FILE_SUFFIX}`, scenarioText(workspaceToScenario(useStore.getState())));
    setNote('Scenario file exported.');
  };
  const exportTest = () => {
    const s = useStore.getState();
    const { scenario, warnings } = runsToTest({ workspace: s, runs: s.runs, worldBefore: s.worldBeforeRun, folderApps: folderApps() });
    downloadText(`${stem()}.test${SCENARIO_FILE_SUFFIX}`, scenarioText(scenario));
    setNote(`Exported ${scenario.steps?.length ?? 0} steps; check it with: npx hookscope run <file>${warnings.length ? `. Note: ${warnings.join('; ')}` : ''}`);
  };
  const exportTrace = () => {
    const run = useStore.getState().runs.at(-1);
    if (run) downloadText(traceFileName(run), JSON.stringify(traceFile(run), null, 2) + '\n');
  };

  return (
    <div className="menu-anchor" ref={anchor}>
      <button type="button" className="btn btn-ghost" data-testid="share-menu" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Share ▾
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid="import-file"
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          setOpen(false);
          if (f) void importFile(f);
        }}
      />
      {open && (
        <div className="menu share-menu" role="menu" data-testid="share-menu-panel">
          <label className="check small">
            <input type="checkbox" checked={withRuns} data-testid="share-with-runs" onChange={(e) => setWithRuns(e.target.checked)} /> include the recorded runs
            ({runCount})
          </label>
          <button type="button" role="menuitem" className="menu-item" data-testid="share-copy-link" onClick={() => makeLink(withRuns)}>
            <span className="menu-item-title">Copy share link</span>
            <span className="menu-item-desc">Everything in the URL fragment: nothing is uploaded</span>
          </button>
          {link && (
            <input className="input mono small" readOnly value={link} aria-label="Share link" data-testid="share-link" onFocus={(e) => e.target.select()} />
          )}
          <button type="button" role="menuitem" className="menu-item" data-testid="export-scenario" onClick={exportScenario}>
            <span className="menu-item-title">Export scenario file</span>
            <span className="menu-item-desc">*.hookscope.json, the file `hookscope run` reads</span>
          </button>
          <button type="button" role="menuitem" className="menu-item" data-testid="export-test" disabled={runCount === 0} onClick={exportTest}>
            <span className="menu-item-title">Export as a test</span>
            <span className="menu-item-desc">The recorded runs with their outcomes, for CI</span>
          </button>
          <button type="button" role="menuitem" className="menu-item" data-testid="export-trace" disabled={runCount === 0} onClick={exportTrace}>
            <span className="menu-item-title">Export the latest run's trace</span>
            <span className="menu-item-desc">Every trace event of that run, as JSON</span>
          </button>
          <button type="button" role="menuitem" className="menu-item" data-testid="import-scenario" onClick={() => input.current?.click()}>
            <span className="menu-item-title">Import scenario file…</span>
            <span className="menu-item-desc">Or drop a *.hookscope.json on the page; you review it before it loads</span>
          </button>
          {note && (
            <p className="small muted share-note" data-testid="share-note">
              {note}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
