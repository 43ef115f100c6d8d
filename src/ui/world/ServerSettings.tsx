/** Server settings apps may read (Site_Url, Site_Name …): values edited as JSON. */
import { useState } from 'react';
import { ConfirmButton, ErrorText, SectionHeader, type SectionProps } from './common.tsx';
import { DraftInput } from './DraftInput.tsx';
import { deleteServerSetting, setServerSetting } from './updates.ts';
import { parseJsonText } from './validation.ts';

export function ServerSettings({ world, onChange, readOnly }: SectionProps) {
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = () => {
    const k = key.trim();
    if (!k) return setError('Enter the setting id, e.g. Language.');
    if (k in world.serverSettings) return setError(`"${k}" already exists: edit its value above.`);
    setError(null);
    setKey('');
    onChange(setServerSetting(world, k, ''));
  };
  return (
    <div className="hsw-subsection" data-testid="world-server-settings">
      <SectionHeader title="Server settings" note="read by apps via read.getEnvironmentReader().getServerSettings(); values are JSON" />
      <table className="hsw-table">
        <thead>
          <tr>
            <th scope="col">Id</th>
            <th scope="col">Value (JSON)</th>
            {!readOnly && (
              <th scope="col" className="hsw-actions-col">
                <span className="hsw-sr">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {Object.entries(world.serverSettings).map(([k, v]) => (
            <tr key={k} data-testid={`world-server-setting-row-${k}`}>
              <td className="hsw-mono">{k}</td>
              <td>
                <DraftInput
                  value={JSON.stringify(v) ?? ''}
                  parse={(t) => parseJsonText(t)}
                  onCommit={(value) => onChange(setServerSetting(world, k, value))}
                  label={`Value of server setting ${k}`}
                  testId={`world-server-setting-${k}`}
                  disabled={readOnly}
                  className="hsw-mono"
                />
              </td>
              {!readOnly && (
                <td className="hsw-actions">
                  <ConfirmButton
                    label="Delete"
                    confirm={`Delete ${k}?`}
                    ariaLabel={`Delete server setting ${k}`}
                    testId={`world-delete-server-setting-${k}`}
                    onConfirm={() => onChange(deleteServerSetting(world, k))}
                  />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <div className="hsw-add-row">
          <input
            className="hsw-input hsw-mono"
            aria-label="New server setting id"
            placeholder="Setting id, e.g. Language"
            value={key}
            data-testid="world-server-setting-new-id"
            onChange={(e) => setKey(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && add()}
          />
          <button type="button" className="hsw-btn" data-testid="world-add-server-setting" onClick={add}>
            + Add server setting
          </button>
          {error && <ErrorText>{error}</ErrorText>}
        </div>
      )}
    </div>
  );
}
