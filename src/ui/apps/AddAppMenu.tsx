/** "+ New app": a blank app or one of the templates (src/templates/). */
import { useRef, useState } from 'react';
import { appFromTemplate, blankApp } from '../../workspace/app-files.ts';
import { useStore } from '../../state/store.ts';
import { TEMPLATES } from '../../templates/index.ts';
import { useDismiss } from '../use-dismiss.ts';
import { useMenuPosition } from '../use-menu-position.ts';
import { pickZip } from './OpenProject.tsx';

export function AddAppMenu() {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useDismiss(open, box, () => setOpen(false));
  const placed = useMenuPosition(open, button, 320);

  const add = (make: (taken: string[]) => ReturnType<typeof blankApp>) => {
    const s = useStore.getState();
    const app = make(s.apps.map((a) => a.id));
    s.addApp(app);
    s.selectApp(app.id);
    setOpen(false);
  };
  const nextName = () => `App ${useStore.getState().apps.length + 1}`;

  return (
    <div className="menu-anchor" ref={box}>
      <button
        ref={button}
        type="button"
        className="btn btn-small"
        data-testid="add-app"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        + New app
      </button>
      {open && (
        <div
          className="menu"
          role="menu"
          aria-label="New app"
          data-testid="add-app-menu"
          style={placed}
          onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
        >
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            data-testid="add-blank-app"
            onClick={() => add((taken) => blankApp(nextName(), taken))}
            autoFocus
          >
            <span className="menu-item-title">Blank app</span>
            <span className="menu-item-desc">A Prevent handler that lets every room through</span>
          </button>
          <button
            type="button"
            role="menuitem"
            className="menu-item"
            data-testid="open-zip"
            onClick={() => {
              setOpen(false);
              pickZip();
            }}
          >
            <span className="menu-item-title">From a package (.zip)…</span>
            <span className="menu-item-desc">The zip rc-apps package makes: app.json and the bundled class file, run as the server runs it</span>
          </button>
          {TEMPLATES.filter((t) => t.id !== 'blank').map((t) => (
            <button
              key={t.id}
              type="button"
              role="menuitem"
              className="menu-item"
              data-testid={`add-template-${t.id}`}
              onClick={() => add((taken) => appFromTemplate(t, taken))}
            >
              <span className="menu-item-title">
                {t.label} <span className="mono muted">{t.interfaceName}</span>
              </span>
              <span className="menu-item-desc">{t.description}</span>
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
