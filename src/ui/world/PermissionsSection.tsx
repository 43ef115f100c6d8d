/**
 * The permission -> roles table the host flows check (spec §7.1), with Rocket.Chat's defaults
 * (RC `authorization/server/constant/permissions.ts`). Each row's roles are editable; a changed row
 * is marked and "Reset to defaults" drops every override. Room roles (owner, moderator) are set per
 * room in the Rooms tab; global roles per user in the Users tab.
 */
import { DEFAULT_PERMISSIONS, PERMISSION_USES, permissionTable, type WorldState } from '../../engine/index.ts';
import { ConfirmButton, type SectionProps } from './common.tsx';
import { RolesInput } from './RolesInput.tsx';

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((r) => b.includes(r));

export function PermissionsSection({ world, onChange, readOnly }: SectionProps) {
  const table = permissionTable(world);
  const overridden = Object.keys(world.permissions ?? {}).filter((id) => !same(world.permissions?.[id] ?? [], DEFAULT_PERMISSIONS[id] ?? []));
  const setRoles = (id: string, roles: string[]) => {
    const next: Record<string, string[]> = { ...(world.permissions ?? {}) };
    if (same(roles, DEFAULT_PERMISSIONS[id] ?? [])) delete next[id];
    else next[id] = roles;
    const { permissions: _old, ...rest } = world;
    onChange((Object.keys(next).length ? { ...rest, permissions: next } : rest) as WorldState);
  };
  const reset = () => {
    const { permissions: _old, ...rest } = world;
    onChange(rest as WorldState);
  };
  return (
    <section className="hsw-section" data-testid="world-permissions">
      <div className="hsw-section-head">
        <p className="hsw-hint">
          Who may do what, checked by the host <strong>before any app event</strong>, in Rocket.Chat&apos;s order. A user&apos;s roles are their global roles
          (Users tab) plus, in a room they are in, the room roles owner / moderator (Rooms tab). Defaults: Rocket.Chat&apos;s <code>permissions.ts</code>.
        </p>
        {!readOnly && overridden.length > 0 && (
          <ConfirmButton
            label={`Reset to defaults (${overridden.length} changed)`}
            confirm="Restore Rocket.Chat's default roles for every permission?"
            testId="world-permissions-reset"
            onConfirm={reset}
          />
        )}
      </div>
      <table className="hsw-table hsw-perm-table">
        <thead>
          <tr>
            <th scope="col">Permission</th>
            <th scope="col">Decides</th>
            <th scope="col">Granted to roles</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(table).map(([id, roles]) => {
            const changed = overridden.includes(id);
            return (
              <tr key={id} data-testid={`world-permission-${id}`} className={changed ? 'hsw-row--changed' : undefined}>
                <td className="hsw-mono">
                  {id}
                  {changed && (
                    <span className="hsw-badge" title={`Default: ${(DEFAULT_PERMISSIONS[id] ?? []).join(', ') || 'no role'}`}>
                      changed
                    </span>
                  )}
                </td>
                <td>{PERMISSION_USES[id] ?? ''}</td>
                <td>
                  {readOnly ? (
                    <span className="hsw-mono">{roles.join(', ') || 'no role'}</span>
                  ) : (
                    <RolesInput roles={roles} onRoles={(r) => setRoles(id, r)} label={`Roles granted ${id}`} testId={`world-permission-roles-${id}`} />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
