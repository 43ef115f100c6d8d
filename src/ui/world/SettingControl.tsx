/** The control for one app setting's current value, fitting its type (Apps-Engine SettingType). */
import type { AppSetting, WorldState } from '../../engine/index.ts';
import { DraftInput } from './DraftInput.tsx';
import { effectiveValue } from './format.ts';
import { parseJsonText, parseSettingInput } from './validation.ts';

interface Choice {
  key: string;
  label: string;
}

function choices(values: unknown): Choice[] {
  if (!Array.isArray(values)) return [];
  return values.map((v: unknown) => {
    const o = (typeof v === 'object' && v !== null ? v : {}) as { key?: unknown; i18nLabel?: unknown };
    const key = String(o.key ?? v);
    return { key, label: typeof o.i18nLabel === 'string' ? o.i18nLabel : key };
  });
}

export function SettingControl(props: { setting: AppSetting; world: WorldState; onValue(value: unknown): void; disabled: boolean; testId: string }) {
  const { setting, disabled, testId } = props;
  const value = effectiveValue(setting);
  const label = `Value of ${setting.i18nLabel || setting.id}`;
  switch (setting.type) {
    case 'boolean':
      return (
        <label className="hsw-inline-check">
          <input type="checkbox" checked={value === true} disabled={disabled} data-testid={testId} onChange={(e) => props.onValue(e.target.checked)} />
          <span className="hsw-mono">{String(value === true)}</span>
          <span className="hsw-sr">{label}</span>
        </label>
      );
    case 'select':
    case 'roomPick': {
      const opts = setting.type === 'roomPick' ? props.world.rooms.map((r) => ({ key: r.id, label: `#${r.slugifiedName}` })) : choices(setting.values);
      const current = String(value ?? '');
      return (
        <select
          className="hsw-input"
          aria-label={label}
          value={current}
          disabled={disabled}
          data-testid={testId}
          onChange={(e) => props.onValue(e.target.value)}
        >
          {!opts.some((o) => o.key === current) && <option value={current}>{current === '' ? '— none —' : `${current} (not an option)`}</option>}
          {opts.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      );
    }
    case 'multiSelect': {
      const picked = Array.isArray(value) ? value.map(String) : [];
      return (
        <fieldset className="hsw-checks hsw-checks--inline" data-testid={testId} disabled={disabled}>
          <legend className="hsw-sr">{label}</legend>
          {choices(setting.values).map((o) => (
            <label key={o.key}>
              <input
                type="checkbox"
                checked={picked.includes(o.key)}
                onChange={(e) => props.onValue(e.target.checked ? [...picked, o.key] : picked.filter((k) => k !== o.key))}
              />{' '}
              {o.label}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'color':
      return (
        <span className="hsw-color">
          <input
            type="color"
            aria-label={`${label} (picker)`}
            value={/^#[0-9a-f]{6}$/i.test(String(value)) ? String(value) : '#000000'}
            disabled={disabled}
            onChange={(e) => props.onValue(e.target.value)}
          />
          <DraftInput
            value={String(value ?? '')}
            parse={(t) => ({ ok: true, value: t })}
            onCommit={props.onValue}
            label={label}
            testId={testId}
            disabled={disabled}
            className="hsw-mono"
          />
        </span>
      );
    case 'code':
      return (
        <DraftInput
          multiline
          value={String(value ?? '')}
          parse={(t) => ({ ok: true, value: t })}
          onCommit={props.onValue}
          label={label}
          testId={testId}
          disabled={disabled}
          className="hsw-code"
        />
      );
    case 'int':
    case 'password':
    case 'string':
    case 'font':
      return (
        <DraftInput
          type={setting.type === 'int' ? 'number' : setting.type === 'password' ? 'password' : 'text'}
          value={String(value ?? '')}
          parse={(t) => parseSettingInput(setting.type, t)}
          onCommit={props.onValue}
          label={label}
          testId={testId}
          disabled={disabled}
        />
      );
    default:
      // An unknown type: edit the raw value as JSON.
      return (
        <DraftInput
          value={JSON.stringify(value) ?? ''}
          parse={(t) => parseJsonText(t)}
          onCommit={props.onValue}
          label={`${label} (JSON)`}
          testId={testId}
          disabled={disabled}
          className="hsw-mono"
        />
      );
  }
}
