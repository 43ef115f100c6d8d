/** Users: username, name, roles, type; add, edit inline, delete (refused for room creators). */
import { useState } from 'react';
import { Chips, ConfirmButton, ErrorText, SectionHeader, WorldTable, type SectionProps } from './common.tsx';
import { UserEditRow } from './UserEditRow.tsx';
import { deleteUser, roomsCreatedBy, upsertUser } from './updates.ts';

export function UsersSection({ world, onChange, readOnly }: SectionProps) {
  const [editing, setEditing] = useState<string | null>(null); // user id, or 'new'
  const [error, setError] = useState<string | null>(null);
  const save = (user: Parameters<typeof upsertUser>[1]) => {
    onChange(upsertUser(world, user));
    setEditing(null);
    setError(null);
  };
  return (
    <section className="hsw-section" data-testid="world-users" aria-label="Users">
      <SectionHeader title="Users" note={`${world.users.length} user${world.users.length === 1 ? '' : 's'}`}>
        {!readOnly && (
          <button type="button" className="hsw-btn" data-testid="world-add-user" disabled={editing === 'new'} onClick={() => setEditing('new')}>
            + Add user
          </button>
        )}
      </SectionHeader>
      {error && <ErrorText testId="world-user-error">{error}</ErrorText>}
      <WorldTable
        isEmpty={world.users.length === 0 && editing !== 'new'}
        empty="No users yet. Rooms need a creator: add one."
        columns={['Username', 'Name', 'Roles', 'Type']}
        actions={!readOnly}
      >
        {world.users.map((user) =>
          editing === user.id ? (
            <UserEditRow key={user.id} world={world} user={user} onSave={save} onCancel={() => setEditing(null)} />
          ) : (
            <tr key={user.id} data-testid={`world-user-row-${user.username}`}>
              <td className="hsw-mono">@{user.username}</td>
              <td>{user.name}</td>
              <td>
                <Chips items={user.roles} empty="no roles" />
              </td>
              <td>
                {user.type}
                {user.appId ? <span className="hsw-muted"> · {user.appId}</span> : null}
              </td>
              {!readOnly && (
                <td className="hsw-actions">
                  <button
                    type="button"
                    className="hsw-btn"
                    data-testid={`world-edit-user-${user.username}`}
                    aria-label={`Edit user ${user.username}`}
                    onClick={() => setEditing(user.id)}
                  >
                    Edit
                  </button>
                  {roomsCreatedBy(world, user.id).length ? (
                    <button
                      type="button"
                      className="hsw-btn hsw-btn--danger"
                      data-testid={`world-delete-user-${user.username}`}
                      aria-label={`Delete user ${user.username}`}
                      onClick={() => {
                        const r = deleteUser(world, user.id);
                        setError(r.ok ? null : r.error);
                      }}
                    >
                      Delete
                    </button>
                  ) : (
                    <ConfirmButton
                      label="Delete"
                      confirm={`Delete @${user.username}?`}
                      ariaLabel={`Delete user ${user.username}`}
                      testId={`world-delete-user-${user.username}`}
                      onConfirm={() => {
                        const r = deleteUser(world, user.id);
                        if (r.ok) onChange(r.world);
                        setError(r.ok ? null : r.error);
                      }}
                    />
                  )}
                </td>
              )}
            </tr>
          ),
        )}
        {editing === 'new' && <UserEditRow world={world} onSave={save} onCancel={() => setEditing(null)} />}
      </WorldTable>
    </section>
  );
}
