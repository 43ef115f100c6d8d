/** The fallback editor: a monospace textarea with Tab inserting spaces. */
import type { CodeEditorProps } from './EditorArea.tsx';

export function PlainEditor({ path, value, onChange }: CodeEditorProps) {
  return (
    <textarea
      className="plain-editor"
      aria-label={`Source of ${decodeURIComponent(path.split('/').slice(4).join('/'))}`}
      data-testid="plain-editor"
      spellCheck={false}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key !== 'Tab' || e.shiftKey) return;
        e.preventDefault();
        const el = e.currentTarget;
        const { selectionStart: a, selectionEnd: b } = el;
        onChange(el.value.slice(0, a) + '    ' + el.value.slice(b));
        requestAnimationFrame(() => el.setSelectionRange(a + 4, a + 4));
      }}
    />
  );
}
