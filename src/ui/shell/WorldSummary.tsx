/** Read-only fallback for the World tab: users and rooms with their members. */
import type { WorldPanelProps } from './WorldTab.tsx';

export function WorldSummary({ world, onReset }: WorldPanelProps) {
  const name = (id: string) => world.users.find((u) => u.id === id)?.username ?? id;
  return (
    <div className="world-summary pad">
      <div className="row-between">
        <h2 className="section-title">Users ({world.users.length})</h2>
        <button type="button" className="btn btn-small" onClick={onReset}>
          Reset world
        </button>
      </div>
      <ul className="plain-list">
        {world.users.map((u) => (
          <li key={u.id}>
            <span className="mono">@{u.username}</span> <span className="muted">{u.name}</span> <span className="tag">{u.roles.join(', ')}</span>
          </li>
        ))}
      </ul>
      <h2 className="section-title">Rooms ({world.rooms.length})</h2>
      <ul className="plain-list" data-testid="world-rooms">
        {world.rooms.map((r) => (
          <li key={r.id}>
            <span className="mono">
              {r.type === 'p' ? '🔒' : '#'}
              {r.slugifiedName}
            </span>{' '}
            <span className="muted">{r.memberIds.map(name).join(', ')}</span>
          </li>
        ))}
      </ul>
      <h2 className="section-title">Messages ({world.messages.length})</h2>
      <ul className="plain-list">
        {world.messages.slice(-20).map((m) => (
          <li key={m.id}>
            <span className="muted">{name(m.senderId)}:</span> {m.text ?? '(no text)'}
          </li>
        ))}
      </ul>
    </div>
  );
}
