/** Each app's settings (package value vs current value, reset) and the server settings apps read. */
import { ownValue, type AppSetting } from '../../engine/index.ts';
import { Empty, SectionHeader, type SectionProps } from './common.tsx';
import { JsonView } from './JsonView.tsx';
import { SettingControl } from './SettingControl.tsx';
import { ServerSettings } from './ServerSettings.tsx';
import { appIds, appLabel, isOverridden } from './format.ts';
import { resetSetting, setSettingValue } from './updates.ts';

export function SettingsSection(props: SectionProps) {
  const { world, onChange, appNames, readOnly } = props;
  const ids = appIds(appNames, world.settings);
  return (
    <section className="hsw-section" data-testid="world-settings" aria-label="Settings">
      <SectionHeader title="App settings" note="current value overrides the package value (the app's default)" />
      {ids.length === 0 && <Empty>No apps yet.</Empty>}
      {ids.map((appId) => {
        const settings: AppSetting[] = Object.values(ownValue(world.settings, appId) ?? {});
        return (
          <details key={appId} className="hsw-group" open data-testid={`world-settings-app-${appId}`}>
            <summary>
              <span className="hsw-group-title">{appLabel(appNames, appId)}</span>{' '}
              <span className="hsw-muted">
                {settings.length} setting{settings.length === 1 ? '' : 's'}
              </span>
            </summary>
            {settings.length === 0 ? (
              <Empty>This app declares no settings (extendConfiguration → settings.provideSetting).</Empty>
            ) : (
              <table className="hsw-table">
                <thead>
                  <tr>
                    <th scope="col">Setting</th>
                    <th scope="col">Type</th>
                    <th scope="col">Package value</th>
                    <th scope="col">Current value</th>
                    <th scope="col" className="hsw-actions-col">
                      <span className="hsw-sr">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {settings.map((s) => {
                    const overridden = isOverridden(s);
                    return (
                      <tr key={s.id} data-testid={`world-setting-row-${appId}-${s.id}`} className={overridden ? 'hsw-overridden' : undefined}>
                        <td>
                          <div className="hsw-mono">{s.id}</div>
                          {s.i18nLabel && s.i18nLabel !== s.id && <div className="hsw-muted">{s.i18nLabel}</div>}
                          {s.required && <span className="hsw-chip">required</span>}
                        </td>
                        <td className="hsw-mono">{s.type}</td>
                        <td>
                          <JsonView value={s.packageValue} />
                        </td>
                        <td>
                          <div className="hsw-value-cell">
                            <SettingControl
                              setting={s}
                              world={world}
                              disabled={readOnly}
                              testId={`world-setting-value-${appId}-${s.id}`}
                              onValue={(v) => onChange(setSettingValue(world, appId, s.id, v))}
                            />
                            {overridden && (
                              <span className="hsw-badge" title="The value differs from the package value">
                                overridden
                              </span>
                            )}
                          </div>
                        </td>
                        <td className="hsw-actions">
                          {!readOnly && (
                            <button
                              type="button"
                              className="hsw-btn"
                              disabled={s.value === undefined || s.value === null}
                              data-testid={`world-setting-reset-${appId}-${s.id}`}
                              aria-label={`Reset ${s.id} to its package value`}
                              onClick={() => onChange(resetSetting(world, appId, s.id))}
                            >
                              Reset to package value
                            </button>
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            )}
          </details>
        );
      })}
      <ServerSettings {...props} />
    </section>
  );
}
