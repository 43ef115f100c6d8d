/**
 * Compare across profiles (issue 7): the same action under every Rocket.Chat version profile,
 * side by side: outcome, committed room, the graph, and a table of what differs with the rule
 * responsible (spec section 8).
 */
import { describeAction, PROFILES, type ProfileComparison } from '../../engine/index.ts';
import { projectRun } from '../../graph/project.ts';
import { RunGraphView } from '../graph/RunGraph.tsx';
import './profiles.css';

export interface ProfileCompareProps {
  comparison: ProfileComparison;
  theme: 'dark' | 'light';
}

function show(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}

export function ProfileCompare({ comparison, theme }: ProfileCompareProps) {
  const { runs, differences } = comparison;
  return (
    <div className="hs-pc" data-testid="profile-compare">
      <p className="hs-pc-intro">
        <strong>{describeAction(comparison.action)}</strong>, from the same world, under each profile.{' '}
        {differences.length === 0 ? 'Every profile agrees.' : `${differences.length} difference${differences.length > 1 ? 's' : ''}.`}
      </p>
      {differences.length > 0 && (
        <table className="hs-pc-diff" data-testid="profile-compare-differences">
          <thead>
            <tr>
              <th>what</th>
              {runs.map((r) => (
                <th key={r.profile}>{r.profile}</th>
              ))}
              <th>why (spec §8)</th>
            </tr>
          </thead>
          <tbody>
            {differences.map((d) => (
              <tr key={d.what} data-testid={`profile-diff-${d.what}`}>
                <td className="hs-mono">{d.what}</td>
                {runs.map((r) => (
                  <td key={r.profile} className="hs-mono">
                    {show(d.values[r.profile])}
                  </td>
                ))}
                <td>
                  {d.rules.length ? d.rules.map((rule) => <div key={rule}>{rule}</div>) : <span className="hs-pc-muted">no single switch explains it</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="hs-pc-columns">
        {runs.map((run) => (
          <section key={run.profile} className="hs-pc-col" data-testid={`profile-run-${run.profile}`} data-outcome={run.outcome}>
            <header>
              <div className="hs-pc-profile">{PROFILES[run.profile].label}</div>
              <div className={`hs-pc-outcome hs-pc-${run.outcome}`}>
                {run.outcome}
                {run.error ? `: ${run.error.code}` : ''}
              </div>
              <div className="hs-pc-muted">
                {run.room
                  ? `room: ${run.room.slugifiedName}${run.room.displayName && run.room.displayName !== run.room.slugifiedName ? ` (“${run.room.displayName}”)` : ''}`
                  : 'no room committed'}{' '}
                · timeout {run.timeoutMs} ms
              </div>
            </header>
            <div className="hs-pc-graph">
              <RunGraphView
                graph={projectRun(run.events.filter((e) => e.runId === run.events[0]?.runId))}
                selectedNodeId={null}
                onSelectNode={() => undefined}
                theme={theme}
                fitAll
              />
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
