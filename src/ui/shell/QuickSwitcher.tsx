/** Ctrl/Cmd+P: type to filter apps, Enter opens, Escape closes (focus goes to the editor). */
import { useEffect, useRef, useState } from 'react';
import { useStore } from '../../state/store.ts';
import { selectApps } from '../../state/selectors.ts';

export function QuickSwitcher() {
  const open = useStore((s) => s.quickSwitcherOpen);
  return open ? <SwitcherDialog /> : null;
}

function SwitcherDialog() {
  const apps = useStore(selectApps);
  const close = () => useStore.getState().setQuickSwitcher(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const matches = apps.filter((a) => `${a.name} ${a.id}`.toLowerCase().includes(query.toLowerCase()));
  const pick = (id: string | undefined) => {
    if (!id) return;
    const s = useStore.getState();
    s.selectApp(id);
    s.setQuickSwitcher(false);
    s.requestEditorFocus();
  };
  return (
    <div className="overlay" onMouseDown={close}>
      <div className="switcher" role="dialog" aria-modal="true" aria-label="Go to app" onMouseDown={(e) => e.stopPropagation()}>
        <input
          ref={input}
          className="input switcher-input"
          placeholder="Go to app…"
          aria-label="App name"
          role="combobox"
          aria-expanded="true"
          aria-controls="switcher-list"
          aria-activedescendant={matches[active] ? `switcher-${matches[active].id}` : undefined}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') close();
            else if (e.key === 'ArrowDown') setActive((i) => Math.min(matches.length - 1, i + 1));
            else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
            else if (e.key === 'Enter') pick(matches[active]?.id);
          }}
        />
        <ul className="switcher-list" id="switcher-list" role="listbox">
          {matches.map((a, i) => (
            <li
              key={a.id}
              id={`switcher-${a.id}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              onMouseDown={() => pick(a.id)}
            >
              <span>{a.name}</span>
              <span className="muted mono">{a.id}</span>
              {apps.indexOf(a) < 9 && <kbd>Alt+{apps.indexOf(a) + 1}</kbd>}
            </li>
          ))}
          {matches.length === 0 && <li className="muted">No app matches</li>}
        </ul>
      </div>
    </div>
  );
}
