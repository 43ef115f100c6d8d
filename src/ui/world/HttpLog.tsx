/** The HTTP log (read-only): which app called which URL, the answer, and the mock that matched. */
import { SectionHeader, WorldTable, type SectionProps } from './common.tsx';
import { appLabel, exchangeMock, exchangeResult, formatTime } from './format.ts';

export function HttpLog({ world, appNames }: SectionProps) {
  const log = world.httpLog;
  return (
    <div className="hsw-subsection" data-testid="world-http-log">
      <SectionHeader title="HTTP log" note={`${log.length} call${log.length === 1 ? '' : 's'}, read-only`} />
      <WorldTable
        isEmpty={log.length === 0}
        empty="No calls yet. Every http.get / post / … an app makes is listed here."
        columns={['Time', 'App', 'Method', 'URL', 'Result', 'Matched mock']}
        scroll
      >
        {log.map((e) => {
          const failed = e.error !== undefined || e.mockIndex === null;
          return (
            <tr key={e.id} data-testid={`world-http-log-row-${e.id}`}>
              <td className="hsw-time">{formatTime(e.at)}</td>
              <td>
                <span className="hsw-chip hsw-chip--app">{appLabel(appNames, e.appId)}</span>
              </td>
              <td className="hsw-mono">{e.method.toUpperCase()}</td>
              <td className="hsw-mono hsw-break">{e.url}</td>
              <td className={`hsw-mono${failed ? ' hsw-fail' : ''}`}>{exchangeResult(e)}</td>
              <td className={`hsw-mono hsw-break${e.mockIndex === null ? ' hsw-fail' : ''}`}>{exchangeMock(world, e)}</td>
            </tr>
          );
        })}
      </WorldTable>
    </div>
  );
}
