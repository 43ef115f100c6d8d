/** A users-table row in edit mode (also used to add a user). Enter saves, Escape cancels. */
import { useState } from 'react';
import type { WorldState, WorldUser } from '../../engine/index.ts';
import { checkUserDraft, emptyUserDraft, userToDraft, type UserDraft } from './drafts.ts';
import { ErrorText } from './common.tsx';
import { RolesInput } from './RolesInput.tsx';

export function UserEditRow(props: { world: WorldState; user?: WorldUser; onSave(user: WorldUser): void; onCancel(): void }) {
  const [draft, setDraft] = useState<UserDraft>(() => (props.user ? userToDraft(props.user) : emptyUserDraft()));
  const [tried, setTried] = useState(false);
  const checked = checkUserDraft(draft, props.world, props.user);
  const errors = tried && !checked.ok ? checked.errors : {};
  const key = props.user ? props.user.username : 'new';
  const save = () => {
    setTried(true);
    if (checked.ok) props.onSave(checked.value);
  };
  const set = (patch: Partial<UserDraft>) => setDraft((d) => ({ ...d, ...patch }));
  return (
    <tr
      className="hsw-editing"
      data-testid={`world-user-edit-${key}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
        if (e.key === 'Enter' && (e.target as HTMLElement).tagName === 'INPUT') save();
      }}
    >
      <td>
        <input
          className="hsw-input"
          aria-label="Username"
          autoFocus
          value={draft.username}
          aria-invalid={Boolean(errors.username)}
          data-testid="world-user-username"
          onChange={(e) => set({ username: e.target.value })}
        />
        {errors.username && <ErrorText testId="world-user-username-error">{errors.username}</ErrorText>}
      </td>
      <td>
        <input
          className="hsw-input"
          aria-label="Name"
          value={draft.name}
          aria-invalid={Boolean(errors.name)}
          data-testid="world-user-name"
          onChange={(e) => set({ name: e.target.value })}
        />
        {errors.name && <ErrorText testId="world-user-name-error">{errors.name}</ErrorText>}
      </td>
      <td>
        <RolesInput roles={draft.roles} onRoles={(roles) => set({ roles })} label="Add role" testId="world-user-roles" />
      </td>
      <td>
        <select
          className="hsw-input"
          aria-label="Type"
          value={draft.type}
          data-testid="world-user-type"
          onChange={(e) => set({ type: e.target.value as UserDraft['type'] })}
        >
          <option value="user">user</option>
          <option value="bot">bot</option>
          <option value="app">app</option>
        </select>
      </td>
      <td className="hsw-actions">
        <button type="button" className="hsw-btn hsw-btn--primary" data-testid="world-user-save" onClick={save}>
          Save
        </button>
        <button type="button" className="hsw-btn" data-testid="world-user-cancel" onClick={props.onCancel}>
          Cancel
        </button>
      </td>
    </tr>
  );
}
