/** Form fields picking from the world: a user, a room, several members. */
import type { ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from '../../state/store.ts';
import { selectUsernames, selectWorld } from '../../state/selectors.ts';
import { roomLabel, roomRef } from './action-check.ts';

export function Field({ label, hint, children }: { label: string; hint?: string | undefined; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field-label">{label}</span>
      {children}
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}

export function UserSelect({
  label,
  value,
  onChange,
  optional,
  testId,
}: {
  label: string;
  value: string | undefined;
  onChange(v: string): void;
  optional?: boolean | undefined;
  testId: string;
}) {
  const users = useStore(useShallow(selectUsernames));
  const known = value === undefined || value === '' || users.includes(value);
  return (
    <Field label={label}>
      <select className="input" data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.target.value)}>
        {optional && <option value="">(nobody)</option>}
        {!known && <option value={value}>{value} (not in the world)</option>}
        {users.map((u) => (
          <option key={u} value={u}>
            @{u}
          </option>
        ))}
      </select>
    </Field>
  );
}

/**
 * A room of the world, named as a person names it (a direct message by its members). With
 * `noDirect` (Join) direct messages are listed but cannot be picked: nobody joins a DM.
 */
export function RoomSelect({
  value,
  onChange,
  testId,
  noDirect = false,
  hint,
}: {
  value: string;
  onChange(v: string): void;
  testId: string;
  noDirect?: boolean;
  hint?: string | null;
}) {
  const world = useStore(selectWorld);
  const rooms = world.rooms.filter((r) => r.type !== 'l');
  const known = rooms.some((r) => roomRef(r) === value || r.id === value);
  const selected = rooms.find((r) => roomRef(r) === value || r.id === value);
  return (
    <Field label="Room" hint={hint ?? undefined}>
      <select
        className={`input ${hint ? 'is-invalid' : ''}`}
        aria-invalid={Boolean(hint)}
        data-testid={testId}
        value={selected ? roomRef(selected) : value}
        onChange={(e) => onChange(e.target.value)}
      >
        {!known && (
          <option value={value}>
            {value || '(pick a room)'}
            {value ? ' (not in the world)' : ''}
          </option>
        )}
        {rooms.map((r) => {
          const direct = r.type === 'd';
          return (
            <option key={r.id} value={roomRef(r)} disabled={noDirect && direct}>
              {roomLabel(r, world)}
              {noDirect && direct ? ': cannot be joined' : ''}
            </option>
          );
        })}
      </select>
    </Field>
  );
}

export function MemberPicker({ value, exclude, onChange }: { value: string[]; exclude: string; onChange(v: string[]): void }) {
  const users = useStore(useShallow(selectUsernames));
  return (
    <fieldset className="field member-picker" data-testid="members">
      <legend className="field-label">Members</legend>
      <div className="chips">
        {users
          .filter((u) => u !== exclude)
          .map((u) => {
            const on = value.includes(u);
            return (
              <label key={u} className={`chip ${on ? 'is-on' : ''}`}>
                <input type="checkbox" checked={on} onChange={() => onChange(on ? value.filter((x) => x !== u) : [...value, u])} />@{u}
              </label>
            );
          })}
      </div>
    </fieldset>
  );
}
