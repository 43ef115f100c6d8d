/**
 * The World panel: the host's data (users, rooms, messages, notifications, persistence, settings,
 * HTTP mocks and log) as tabs, DevTools style. Props-driven: it never mutates `world`; every edit
 * calls `onChange` with a new WorldState.
 */
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { WorldState } from '../../engine/index.ts';
import { ConfirmButton, type SectionProps } from './common.tsx';
import { UsersSection } from './UsersSection.tsx';
import { RoomsSection } from './RoomsSection.tsx';
import { MessagesSection } from './MessagesSection.tsx';
import { NotificationsSection } from './NotificationsSection.tsx';
import { PersistenceSection } from './PersistenceSection.tsx';
import { SettingsSection } from './SettingsSection.tsx';
import { HttpSection } from './HttpSection.tsx';
import { PermissionsSection } from './PermissionsSection.tsx';
import './world.css';
import './world-forms.css';

export interface WorldPanelProps {
  world: WorldState;
  onChange(next: WorldState): void;
  onReset(): void;
  /** App id -> app name, for the persistence and settings sections. */
  appNames: Record<string, string>;
  readOnly?: boolean;
}

export type WorldTab = 'users' | 'permissions' | 'rooms' | 'messages' | 'notifications' | 'persistence' | 'settings' | 'http';

const TABS: { id: WorldTab; label: string; count(w: WorldState): number | null }[] = [
  { id: 'users', label: 'Users', count: (w) => w.users.length },
  { id: 'permissions', label: 'Permissions', count: (w) => Object.keys(w.permissions ?? {}).length || null },
  { id: 'rooms', label: 'Rooms', count: (w) => w.rooms.length },
  { id: 'messages', label: 'Messages', count: (w) => w.messages.length },
  { id: 'notifications', label: 'Notifications', count: (w) => w.notifications.length },
  { id: 'persistence', label: 'Persistence', count: (w) => Object.values(w.persistence).reduce((n, r) => n + r.length, 0) },
  { id: 'settings', label: 'Settings', count: () => null },
  { id: 'http', label: 'HTTP', count: (w) => w.httpMocks.length },
];

export function WorldPanel(props: WorldPanelProps & { initialTab?: WorldTab }) {
  const [tab, setTab] = useState<WorldTab>(props.initialTab ?? 'users');
  const base = useId();
  const tabRefs = useRef<Partial<Record<WorldTab, HTMLButtonElement | null>>>({});
  const readOnly = props.readOnly ?? false;
  const section: SectionProps = { world: props.world, onChange: props.onChange, appNames: props.appNames, readOnly };

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.findIndex((t) => t.id === tab);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? TABS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const t = TABS[(next + TABS.length) % TABS.length];
    if (!t) return;
    setTab(t.id);
    tabRefs.current[t.id]?.focus();
  };

  return (
    <div className="hsw-panel" data-testid="world-panel">
      <div className="hsw-toolbar">
        <div className="hsw-tabs" role="tablist" aria-label="World" onKeyDown={onTabKey}>
          {TABS.map((t) => {
            const count = t.count(props.world);
            return (
              <button
                key={t.id}
                ref={(el) => void (tabRefs.current[t.id] = el)}
                type="button"
                role="tab"
                id={`${base}-tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls={`${base}-panel`}
                tabIndex={tab === t.id ? 0 : -1}
                className="hsw-tab"
                data-testid={`world-tab-${t.id}`}
                onClick={() => setTab(t.id)}
              >
                {t.label}
                {count !== null && <span className="hsw-count">{count}</span>}
              </button>
            );
          })}
        </div>
        <span className="hsw-spacer" />
        {readOnly ? (
          <span className="hsw-badge" data-testid="world-readonly">
            read-only snapshot
          </span>
        ) : (
          <ConfirmButton label="Reset world…" confirm="Reset the whole world to defaults? Edits are lost." testId="world-reset" onConfirm={props.onReset} />
        )}
      </div>
      <div className="hsw-body" role="tabpanel" id={`${base}-panel`} aria-labelledby={`${base}-tab-${tab}`}>
        {tab === 'users' && <UsersSection {...section} />}
        {tab === 'permissions' && <PermissionsSection {...section} />}
        {tab === 'rooms' && <RoomsSection {...section} />}
        {tab === 'messages' && <MessagesSection {...section} />}
        {tab === 'notifications' && <NotificationsSection {...section} />}
        {tab === 'persistence' && <PersistenceSection {...section} />}
        {tab === 'settings' && <SettingsSection {...section} />}
        {tab === 'http' && <HttpSection {...section} />}
      </div>
    </div>
  );
}
