/** Roles as removable chips plus a text box (Enter or comma adds; common roles suggested). */
import { useId, useState } from 'react';

const SUGGESTED = ['user', 'admin', 'guest', 'bot', 'app', 'moderator', 'owner', 'leader', 'livechat-agent', 'livechat-manager'];

export function RolesInput(props: { roles: string[]; onRoles(roles: string[]): void; label: string; testId: string }) {
  const [text, setText] = useState('');
  const listId = useId();
  const add = (raw: string) => {
    const role = raw.trim().replace(/,$/, '');
    if (role && !props.roles.includes(role)) props.onRoles([...props.roles, role]);
    setText('');
  };
  return (
    <span className="hsw-roles" data-testid={props.testId}>
      {props.roles.map((role) => (
        <span key={role} className="hsw-chip">
          {role}
          <button type="button" className="hsw-chip-x" aria-label={`Remove role ${role}`} onClick={() => props.onRoles(props.roles.filter((r) => r !== role))}>
            ×
          </button>
        </span>
      ))}
      <input
        className="hsw-input hsw-input--bare"
        aria-label={props.label}
        list={listId}
        placeholder="add role"
        size={9}
        value={text}
        data-testid={`${props.testId}-input`}
        onChange={(e) => (e.target.value.endsWith(',') ? add(e.target.value) : setText(e.target.value))}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && text.trim()) {
            e.preventDefault();
            e.stopPropagation();
            add(text);
          } else if (e.key === 'Backspace' && text === '' && props.roles.length) {
            props.onRoles(props.roles.slice(0, -1));
          }
        }}
        onBlur={() => text.trim() && add(text)}
      />
      <datalist id={listId}>
        {SUGGESTED.filter((r) => !props.roles.includes(r)).map((r) => (
          <option key={r} value={r} />
        ))}
      </datalist>
    </span>
  );
}
