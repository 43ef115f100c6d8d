/**
 * Load state of an app: loading, not enabled (its code failed to load, or its onEnable returned
 * false or threw: the reason is shown under the row), or the interfaces it implements.
 */
import type { AppStatus } from '../../workspace/types.ts';

const SHORT: Record<string, string> = {
  IPreRoomCreatePrevent: 'CreatePrevent',
  IPreRoomCreateExtend: 'CreateExtend',
  IPreRoomCreateModify: 'CreateModify',
  IPostRoomCreate: 'PostCreate',
  IPreRoomDeletePrevent: 'DeletePrevent',
  IPostRoomDeleted: 'PostDeleted',
  IPreRoomUserJoined: 'PreJoin',
  IPostRoomUserJoined: 'PostJoin',
  IPreRoomUserLeave: 'PreLeave',
  IPostRoomUserLeave: 'PostLeave',
};

export function StatusBadge({ status, enabled }: { status: AppStatus | undefined; enabled: boolean }) {
  if (!status || status.state === 'loading') return <span className="badge badge-muted">{status ? 'loading…' : 'not loaded'}</span>;
  if (status.state === 'error') {
    const label = status.notEnabledPhase === 'enable' ? 'not enabled' : status.notEnabledPhase === 'install' ? 'not installed' : 'not loaded';
    return (
      <span
        className="badge badge-error"
        data-testid="app-not-enabled"
        title="Rocket.Chat does not enable an app whose code fails to load or whose onEnable returns false or throws: none of its handlers is ever called."
      >
        ⚠ {label}
      </span>
    );
  }
  return (
    <span className="implements" data-testid="app-implements">
      {status.implements.length === 0 && <span className="badge badge-muted">no room interfaces</span>}
      {status.implements.map((i) => (
        <span key={i} className={`badge ${enabled ? 'badge-ok' : 'badge-muted'}`} title={i}>
          {SHORT[i] ?? i}
        </span>
      ))}
    </span>
  );
}
