/**
 * Per-call timeout (the profile's default, e.g. Rocket.Chat's 30 000 ms, or a short demo preset)
 * and the behaviour profile (every available one in src/engine/profiles.ts). Switching profile
 * takes the new profile's default timeout unless the user had set their own.
 */
import { useState } from 'react';
import { PROFILES, type ProfileId } from '../../engine/index.ts';
import { DEMO_TIMEOUT_MS } from '../../workspace/default-workspace.ts';
import { useStore } from '../../state/store.ts';
import { selectSettings } from '../../state/selectors.ts';

export function RuntimeSettings() {
  const settings = useStore(selectSettings);
  const setSettings = useStore((s) => s.setSettings);
  const [draft, setDraft] = useState<string | null>(null);
  const value = draft ?? String(settings.timeoutMs);
  const commit = (text: string) => {
    const n = Number(text);
    if (Number.isFinite(n) && n >= 1) setSettings({ timeoutMs: Math.round(n) });
    setDraft(null);
  };
  const profileDefault = PROFILES[settings.profile].timeoutMs;
  const preset = settings.timeoutMs === profileDefault ? 'default' : settings.timeoutMs === DEMO_TIMEOUT_MS ? 'demo' : 'custom';
  const setProfile = (profile: ProfileId) => setSettings(preset === 'default' ? { profile, timeoutMs: PROFILES[profile].timeoutMs } : { profile });
  return (
    <div className="runtime-settings" role="group" aria-label="Runtime settings">
      <label className="field-inline">
        <span>
          Timeout<span className="topbar-long"> per call</span>
        </span>
        <input
          className="input input-number"
          data-testid="timeout-input"
          type="number"
          min={1}
          step={500}
          value={value}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && commit(e.currentTarget.value)}
        />
        <span className="unit">ms</span>
      </label>
      <div className="segmented" role="radiogroup" aria-label="Timeout preset">
        <button
          type="button"
          role="radio"
          aria-checked={preset === 'default'}
          onClick={() => setSettings({ timeoutMs: profileDefault })}
          title={`The default of this profile's Rocket.Chat versions: ${profileDefault.toLocaleString('en')} ms`}
          data-testid="timeout-default"
        >
          Default {profileDefault / 1000} s
        </button>
        <button
          type="button"
          role="radio"
          aria-checked={preset === 'demo'}
          onClick={() => setSettings({ timeoutMs: DEMO_TIMEOUT_MS })}
          title="3 000 ms: a hung handler is cut off quickly in a live demo"
        >
          Demo 3 s
        </button>
      </div>
      <label className="field-inline">
        <span>Profile</span>
        <select className="input" value={settings.profile} onChange={(e) => setProfile(e.target.value as ProfileId)} data-testid="profile-select">
          {Object.values(PROFILES)
            .filter((p) => p.available)
            .map((p) => (
              <option key={p.id} value={p.id} title={p.notes.join('\n')}>
                {p.label}
              </option>
            ))}
        </select>
      </label>
    </div>
  );
}
