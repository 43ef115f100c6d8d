/**
 * Pick room members from the world's users: a search box filtering a checkbox list, the picked
 * ones as removable chips. Enter in the search adds the typed username even if unknown, so the
 * editor can name it ("unknown member") rather than silently ignore it.
 */
import { useId, useState } from 'react';
import type { WorldUser } from '../../engine/index.ts';

export function MemberPicker(props: {
  users: WorldUser[];
  selected: string[];
  locked?: string;
  onSelected(usernames: string[]): void;
  testId: string;
  describedBy?: string | undefined;
}) {
  const [query, setQuery] = useState('');
  const searchId = useId();
  const q = query.trim().toLowerCase();
  const shown = props.users.filter((u) => !q || u.username.toLowerCase().includes(q) || u.name.toLowerCase().includes(q));
  const toggle = (username: string, on: boolean) => props.onSelected(on ? [...props.selected, username] : props.selected.filter((s) => s !== username));
  return (
    <div className="hsw-picker" data-testid={props.testId}>
      <div className="hsw-chips">
        {props.selected.map((username) => (
          <span key={username} className="hsw-chip">
            @{username}
            {username !== props.locked && (
              <button type="button" className="hsw-chip-x" aria-label={`Remove member ${username}`} onClick={() => toggle(username, false)}>
                ×
              </button>
            )}
          </span>
        ))}
      </div>
      <label htmlFor={searchId} className="hsw-sr">
        Search users to add as members
      </label>
      <input
        id={searchId}
        className="hsw-input"
        type="search"
        placeholder="Search users… (Enter adds a username)"
        value={query}
        aria-describedby={props.describedBy}
        data-testid={`${props.testId}-search`}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          const name = query.trim().replace(/^@/, '');
          const match = shown.length === 1 ? shown[0]?.username : name;
          if (match && !props.selected.includes(match)) toggle(match, true);
          setQuery('');
        }}
      />
      <ul className="hsw-picker-list" aria-label="Users">
        {shown.map((u) => (
          <li key={u.id}>
            <label>
              <input
                type="checkbox"
                checked={props.selected.includes(u.username) || u.username === props.locked}
                disabled={u.username === props.locked}
                data-testid={`${props.testId}-option-${u.username}`}
                onChange={(e) => toggle(u.username, e.target.checked)}
              />
              <span className="hsw-mono">@{u.username}</span> <span className="hsw-muted">{u.name}</span>
              {u.username === props.locked && <span className="hsw-muted"> (creator)</span>}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="hsw-muted">No user matches “{query}”.</li>}
      </ul>
    </div>
  );
}
