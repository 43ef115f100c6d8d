/** Create room: name, type, creator, members, read-only, custom fields (JSON). */
import { useState } from 'react';
import type { CreateRoomInput } from '../../engine/index.ts';
import { useStore } from '../../state/store.ts';
import { actionProblem } from './action-check.ts';
import { Field, MemberPicker, UserSelect } from './fields.tsx';
import { RunButton } from './RunButton.tsx';

const TYPES: { id: CreateRoomInput['type']; label: string }[] = [
  { id: 'c', label: 'Channel (c)' },
  { id: 'p', label: 'Private (p)' },
  { id: 'd', label: 'Direct (d)' },
];

function parseFields(text: string): { ok: true; value: Record<string, unknown> | undefined } | { ok: false; error: string } {
  if (!text.trim()) return { ok: true, value: undefined };
  try {
    const v: unknown = JSON.parse(text);
    if (!v || typeof v !== 'object' || Array.isArray(v)) return { ok: false, error: 'custom fields must be a JSON object, e.g. {"team": "blue"}' };
    return { ok: true, value: v as Record<string, unknown> };
  } catch (err) {
    return { ok: false, error: (err as Error).message };
  }
}

export function CreateRoomForm() {
  const draft = useStore((s) => s.drafts.createRoom);
  const setDraft = useStore((s) => s.setDraft);
  const update = (patch: Partial<CreateRoomInput>) => setDraft('createRoom', { ...draft, ...patch });
  const [fieldsText, setFieldsText] = useState(draft.customFields ? JSON.stringify(draft.customFields) : '');
  const fields = parseFields(fieldsText);
  const nameProblem = actionProblem(draft, { rooms: [], users: [] });
  return (
    <form className="form" aria-label="Create room" onSubmit={(e) => e.preventDefault()}>
      <Field
        label="Room name"
        hint={draft.type === 'd' ? 'Ignored for direct messages: a direct message is named by its members.' : (nameProblem ?? undefined)}
      >
        <input
          className={`input mono ${nameProblem ? 'is-invalid' : ''}`}
          aria-invalid={nameProblem !== null}
          data-testid="room-name"
          value={draft.name}
          onChange={(e) => update({ name: e.target.value })}
          disabled={draft.type === 'd'}
        />
      </Field>
      <fieldset className="field">
        <legend className="field-label">Type</legend>
        <div className="segmented" role="radiogroup" aria-label="Room type">
          {TYPES.map((t) => (
            <button
              key={t.id}
              type="button"
              role="radio"
              aria-checked={draft.type === t.id}
              data-testid={`room-type-${t.id}`}
              onClick={() => update({ type: t.id })}
            >
              {t.label}
            </button>
          ))}
        </div>
      </fieldset>
      <UserSelect label="Creator" testId="room-creator" value={draft.creator} onChange={(creator) => update({ creator })} />
      <MemberPicker value={draft.members ?? []} exclude={draft.creator} onChange={(members) => update({ members })} />
      <label className="check">
        <input type="checkbox" checked={draft.readOnly ?? false} onChange={(e) => update({ readOnly: e.target.checked })} /> Read-only
      </label>
      <Field label="Custom fields (JSON)" hint={fields.ok ? undefined : fields.error}>
        <textarea
          className={`input mono textarea-small ${fields.ok ? '' : 'is-invalid'}`}
          aria-invalid={!fields.ok}
          placeholder='{"team": "blue"}'
          value={fieldsText}
          onChange={(e) => {
            setFieldsText(e.target.value);
            const parsed = parseFields(e.target.value);
            if (parsed.ok) {
              const next = { ...draft };
              if (parsed.value) next.customFields = parsed.value;
              else delete next.customFields;
              setDraft('createRoom', next);
            }
          }}
        />
      </Field>
      <RunButton action={draft} disabled={!fields.ok || nameProblem !== null} label="Create room" />
    </form>
  );
}
