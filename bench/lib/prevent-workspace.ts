/**
 * The workspace the graph benchmarks run: N copies of the "Prevent room creation" template
 * (src/templates, the real app class a user gets from "Add app"), each with its own id, all
 * returning false for the benchmark's room names (no blocked word), so every handler runs and the
 * room is created. Pure: used in Node (to seed localStorage) and on the bench page.
 */
import { preventCreate } from '../../src/templates/create-templates.ts';
import { instantiateTemplate } from '../../src/templates/index.ts';
import { defaultDrafts, defaultWorld, DEFAULT_TIMEOUT_MS } from '../../src/workspace/default-workspace.ts';
import type { Workspace, WorkspaceApp } from '../../src/workspace/types.ts';

export function preventApps(n: number): WorkspaceApp[] {
  return Array.from({ length: n }, (_, i) => {
    const id = `0b6a8f3e-2c1d-4e5f-8a9b-1000000000${String(i + 1).padStart(2, '0')}`;
    const name = `Prevent ${i + 1}`;
    return { id, name, version: '0.0.1', classFile: preventCreate.classFile, enabled: true, files: instantiateTemplate(preventCreate, { id, name }) };
  });
}

/** N Prevent apps, the default world, and a create-room draft no app prevents. */
export function preventWorkspace(n: number, roomName: string): Workspace {
  const drafts = defaultDrafts();
  drafts.createRoom = { ...drafts.createRoom, name: roomName };
  return { apps: preventApps(n), world: defaultWorld(), settings: { timeoutMs: DEFAULT_TIMEOUT_MS, profile: 'current' }, drafts };
}
