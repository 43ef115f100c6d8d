/** Add a persistence record (id, associations as model:id, data as JSON) or edit a record's data. */
import { useState } from 'react';
import type { PersistenceRecord } from '../../engine/index.ts';
import { Field, FormActions } from './common.tsx';
import { JsonEditor } from './JsonEditor.tsx';
import { newId } from './ids.ts';
import { associationsText, parseAssociations, parseJsonText } from './validation.ts';

export function RecordForm(props: { record?: PersistenceRecord; taken: string[]; onSave(record: PersistenceRecord): void; onCancel(): void; testId: string }) {
  const editing = props.record;
  const [id, setId] = useState(() => editing?.id ?? newId());
  const [assoc, setAssoc] = useState(() => associationsText(editing?.associations ?? []));
  const [data, setData] = useState(() => (editing ? (JSON.stringify(editing.data, null, 2) ?? '') : '{}'));
  const [tried, setTried] = useState(false);
  const idError = id.trim() === '' ? 'Id is required.' : !editing && props.taken.includes(id) ? `A record with id "${id}" already exists.` : undefined;
  const parsedAssoc = parseAssociations(assoc);
  const parsedData = parseJsonText(data);
  const save = () => {
    setTried(true);
    if (idError || !parsedAssoc.ok || !parsedData.ok) return;
    props.onSave({ id: id.trim(), associations: parsedAssoc.value, data: parsedData.value });
  };
  return (
    <form
      className="hsw-form"
      data-testid={props.testId}
      aria-label={editing ? `Edit record ${editing.id}` : 'New record'}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
    >
      <Field label="Record id" error={tried ? idError : undefined}>
        {({ id: inputId, describedBy, invalid }) => (
          <input
            id={inputId}
            className="hsw-input hsw-mono"
            value={id}
            readOnly={Boolean(editing)}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-testid="world-record-id"
            onChange={(e) => setId(e.target.value)}
          />
        )}
      </Field>
      <Field label="Associations" error={parsedAssoc.ok ? undefined : parsedAssoc.error} hint="model:id, comma separated (room:GENERAL, user:abc)" wide>
        {({ id: inputId, describedBy, invalid }) => (
          <input
            id={inputId}
            className="hsw-input hsw-mono"
            value={assoc}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            data-testid="world-record-associations"
            onChange={(e) => setAssoc(e.target.value)}
          />
        )}
      </Field>
      <JsonEditor
        label="Data (JSON)"
        text={data}
        onText={setData}
        error={parsedData.ok ? undefined : parsedData.error}
        rows={Math.min(16, Math.max(4, data.split('\n').length))}
        testId="world-record-data"
      />
      <FormActions saveLabel={editing ? 'Save record' : 'Add record'} testId="world-record" onCancel={props.onCancel} />
    </form>
  );
}
