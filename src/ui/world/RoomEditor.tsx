/** The room form (add or edit): name, type, creator, members, owners, flags, custom fields. */
import { useId, useState } from 'react';
import type { RoomTypeCode, WorldRoom, WorldState } from '../../engine/index.ts';
import { checkRoomDraft, emptyRoomDraft, roomToDraft, type RoomDraft } from './drafts.ts';
import { ROOM_TYPE_LABELS } from './format.ts';
import { ErrorText, Field, FormActions } from './common.tsx';
import { JsonEditor } from './JsonEditor.tsx';
import { MemberPicker } from './MemberPicker.tsx';

/** One checkbox per member of the room (owners, moderators): which of them have the role. */
function MemberChecks(props: {
  legend: string;
  testId: string;
  members: string[];
  checked: string[];
  error: string | undefined;
  onChange(next: string[]): void;
}) {
  const { checked } = props;
  return (
    <fieldset className="hsw-field hsw-field--wide hsw-checks" data-testid={props.testId}>
      <legend>{props.legend}</legend>
      {props.members.map((m) => (
        <label key={m}>
          <input
            type="checkbox"
            checked={checked.includes(m)}
            onChange={(e) => props.onChange(e.target.checked ? [...checked, m] : checked.filter((o) => o !== m))}
          />{' '}
          @{m}
        </label>
      ))}
      {props.error && (
        <span className="hsw-error" role="alert">
          {props.error}
        </span>
      )}
    </fieldset>
  );
}

export function RoomEditor(props: { world: WorldState; room?: WorldRoom; onSave(room: WorldRoom): void; onCancel(): void }) {
  const { world } = props;
  const [draft, setDraft] = useState<RoomDraft>(() => (props.room ? roomToDraft(world, props.room) : emptyRoomDraft(world.users[0]?.username ?? '')));
  const [tried, setTried] = useState(false);
  const membersErrId = useId();
  const checked = checkRoomDraft(draft, world, props.room);
  const all = checked.ok ? {} : checked.errors;
  // Always-live messages: malformed JSON and unknown members; the rest after the first Save.
  const errors: Partial<Record<string, string | undefined>> = tried ? all : { customFields: all.customFields, members: all.members };
  const set = (patch: Partial<RoomDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const members = [...new Set([draft.creator, ...draft.members].filter(Boolean))];
  const save = () => {
    setTried(true);
    if (checked.ok) props.onSave(checked.value);
  };
  const typeCodes: RoomTypeCode[] = draft.type === 'l' ? ['c', 'p', 'd', 'l'] : ['c', 'p', 'd'];
  return (
    <form
      className="hsw-form hsw-form--room"
      data-testid={`world-room-editor-${props.room ? props.room.slugifiedName : 'new'}`}
      aria-label={props.room ? `Edit room ${props.room.slugifiedName}` : 'New room'}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <Field label="Name" error={errors.name} hint={draft.type === 'd' ? 'Direct messages: empty = members’ usernames' : 'Letters, digits, - _ . (no spaces)'}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="hsw-input hsw-mono"
            autoFocus
            value={draft.name}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-testid="world-room-name"
            onChange={(e) => set({ name: e.target.value })}
          />
        )}
      </Field>
      <Field label="Display name (fname)">
        {({ id }) => (
          <input
            id={id}
            className="hsw-input"
            value={draft.displayName}
            data-testid="world-room-display-name"
            onChange={(e) => set({ displayName: e.target.value })}
          />
        )}
      </Field>
      <Field label="Type">
        {({ id }) => (
          <select
            id={id}
            className="hsw-input"
            value={draft.type}
            data-testid="world-room-type"
            onChange={(e) => set({ type: e.target.value as RoomTypeCode })}
          >
            {typeCodes.map((t) => (
              <option key={t} value={t}>
                {ROOM_TYPE_LABELS[t]} ({t})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Creator" error={errors.creator}>
        {({ id, describedBy, invalid }) => (
          <select
            id={id}
            className="hsw-input"
            value={draft.creator}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-testid="world-room-creator"
            onChange={(e) => set({ creator: e.target.value })}
          >
            {!world.users.some((u) => u.username === draft.creator) && (
              <option value={draft.creator}>{draft.creator ? `${draft.creator} (unknown)` : '— pick a user —'}</option>
            )}
            {world.users.map((u) => (
              <option key={u.id} value={u.username}>
                @{u.username}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="hsw-field hsw-checks hsw-checks--flags">
        <label>
          <input type="checkbox" checked={draft.isReadOnly} data-testid="world-room-readonly" onChange={(e) => set({ isReadOnly: e.target.checked })} />{' '}
          Read-only
        </label>
        <label>
          <input type="checkbox" checked={draft.isDefault} data-testid="world-room-default" onChange={(e) => set({ isDefault: e.target.checked })} /> Default
          (auto-join)
        </label>
      </div>
      <Field label="Description" wide>
        {({ id }) => (
          <input
            id={id}
            className="hsw-input"
            value={draft.description}
            data-testid="world-room-description"
            onChange={(e) => set({ description: e.target.value })}
          />
        )}
      </Field>
      <fieldset className="hsw-field hsw-field--wide">
        <legend>Members</legend>
        <MemberPicker
          users={world.users}
          selected={members}
          locked={draft.creator}
          testId="world-room-members"
          describedBy={errors.members ? membersErrId : undefined}
          onSelected={(m) =>
            set({
              members: m,
              owners: draft.owners.filter((o) => m.includes(o) || o === draft.creator),
              moderators: draft.moderators.filter((o) => m.includes(o) || o === draft.creator),
            })
          }
        />
        {errors.members && (
          <ErrorText id={membersErrId} testId="world-room-members-error">
            {errors.members}
          </ErrorText>
        )}
      </fieldset>
      <MemberChecks
        legend="Owners"
        testId="world-room-owners"
        members={members}
        checked={draft.owners}
        error={errors.owners}
        onChange={(owners) => set({ owners })}
      />
      <MemberChecks
        legend="Moderators (room role)"
        testId="world-room-moderators"
        members={members}
        checked={draft.moderators}
        error={errors.moderators}
        onChange={(moderators) => set({ moderators })}
      />
      <JsonEditor
        label="Custom fields (JSON object)"
        text={draft.customFields}
        onText={(customFields) => set({ customFields })}
        error={errors.customFields}
        hint='e.g. {"topic": "support"}; empty = none'
        testId="world-room-custom-fields"
      />
      <FormActions saveLabel={props.room ? 'Save room' : 'Add room'} testId="world-room" onCancel={props.onCancel} fixFields={tried && !checked.ok} />
    </form>
  );
}
