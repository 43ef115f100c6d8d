/** Rooms: a table of the world's rooms with an inline editor for add / edit, and delete. */
import { Fragment, useState } from 'react';
import type { WorldRoom } from '../../engine/index.ts';
import { Chips, ConfirmButton, Empty, SectionHeader, type SectionProps } from './common.tsx';
import { JsonView } from './JsonView.tsx';
import { RoomEditor } from './RoomEditor.tsx';
import { ROOM_TYPE_LABELS } from './format.ts';
import { usernamesFor } from './drafts.ts';
import { deleteRoom, upsertRoom } from './updates.ts';

const COLUMNS = ['Name', 'Type', 'Creator', 'Members', 'Owners', 'Read-only', 'Default', 'Custom fields'];

export function RoomsSection({ world, onChange, readOnly }: SectionProps) {
  const [editing, setEditing] = useState<string | null>(null); // room id, or 'new'
  const save = (room: WorldRoom) => {
    onChange(upsertRoom(world, room));
    setEditing(null);
  };
  const span = COLUMNS.length + (readOnly ? 0 : 1);
  const editor = (room?: WorldRoom) => (
    <tr className="hsw-editing">
      <td colSpan={span}>
        <RoomEditor world={world} {...(room ? { room } : {})} onSave={save} onCancel={() => setEditing(null)} />
      </td>
    </tr>
  );
  return (
    <section className="hsw-section" data-testid="world-rooms" aria-label="Rooms">
      <SectionHeader title="Rooms" note={`${world.rooms.length} room${world.rooms.length === 1 ? '' : 's'}`}>
        {!readOnly && (
          <button
            type="button"
            className="hsw-btn"
            data-testid="world-add-room"
            disabled={editing === 'new' || world.users.length === 0}
            title={world.users.length === 0 ? 'Add a user first: a room needs a creator' : undefined}
            onClick={() => setEditing('new')}
          >
            + Add room
          </button>
        )}
      </SectionHeader>
      {world.rooms.length === 0 && editing !== 'new' ? (
        <Empty>No rooms yet.{world.users.length === 0 ? ' Add a user first: a room needs a creator.' : ''}</Empty>
      ) : (
        <div className="hsw-scroll-x">
          <table className="hsw-table">
            <thead>
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
                {!readOnly && (
                  <th scope="col" className="hsw-actions-col">
                    <span className="hsw-sr">Actions</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {world.rooms.map((room) => (
                <Fragment key={room.id}>
                  <tr data-testid={`world-room-row-${room.slugifiedName}`} className={editing === room.id ? 'hsw-selected' : undefined}>
                    <td>
                      <span className="hsw-mono">
                        {room.type === 'd' ? '@' : '#'}
                        {room.slugifiedName}
                      </span>
                      {room.displayName && <div className="hsw-muted">{room.displayName}</div>}
                    </td>
                    <td>
                      <span className="hsw-type">
                        {ROOM_TYPE_LABELS[room.type]} <span className="hsw-muted hsw-mono">{room.type}</span>
                      </span>
                    </td>
                    <td className="hsw-mono">{usernamesFor(world, [room.creatorId]).map((n) => `@${n}`)}</td>
                    <td>
                      <Chips items={usernamesFor(world, room.memberIds)} empty="none" />
                    </td>
                    <td>
                      <Chips items={usernamesFor(world, room.ownerIds)} empty="none" />
                    </td>
                    <td>{room.isReadOnly ? 'yes' : <span className="hsw-muted">no</span>}</td>
                    <td>{room.isDefault ? 'yes' : <span className="hsw-muted">no</span>}</td>
                    <td className="hsw-json-cell">{room.customFields ? <JsonView value={room.customFields} /> : <span className="hsw-muted">—</span>}</td>
                    {!readOnly && (
                      <td className="hsw-actions">
                        <button
                          type="button"
                          className="hsw-btn"
                          data-testid={`world-edit-room-${room.slugifiedName}`}
                          aria-label={`Edit room ${room.slugifiedName}`}
                          onClick={() => setEditing(room.id)}
                        >
                          Edit
                        </button>
                        <ConfirmButton
                          label="Delete"
                          confirm={`Delete ${room.slugifiedName} and its messages?`}
                          ariaLabel={`Delete room ${room.slugifiedName}`}
                          testId={`world-delete-room-${room.slugifiedName}`}
                          onConfirm={() => onChange(deleteRoom(world, room.id))}
                        />
                      </td>
                    )}
                  </tr>
                  {editing === room.id && editor(room)}
                </Fragment>
              ))}
              {editing === 'new' && editor()}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
