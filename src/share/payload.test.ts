import { describe, expect, it } from 'vitest';
import { appFromTemplate } from '../state/app-files.ts';
import { defaultWorkspace } from '../state/default-workspace.ts';
import type { RunRecord, Workspace } from '../state/types.ts';
import { TEMPLATES } from '../templates/index.ts';
import { shareTokenOf } from './codec.ts';
import { readShareToken, shareLink } from './payload.ts';
import { readScenarioFile, scenarioText, workspaceToScenario } from './scenario-io.ts';

const BASE = 'https://hookscope.example/app/';

function fiveApps(): Workspace {
  const ws = defaultWorkspace();
  const apps = [...ws.apps];
  for (const t of TEMPLATES.slice(0, 4)) apps.push(appFromTemplate(t, apps.map((a) => a.id)));
  return { ...ws, apps };
}

const run: RunRecord = {
  id: 'run-1',
  action: { action: 'createRoom', name: 'casino-night', type: 'c', creator: 'alice', members: ['bob'] },
  startedAt: 1,
  state: 'settled',
  result: { outcome: 'prevented', error: { code: 'error-app-prevented', message: 'A Rocket.Chat App prevented the room creation.' }, roomId: null, summary: 'Banned Words prevented it.' },
  unloadable: [],
  childRunIds: [],
  events: [],
  worldAfter: null,
};

describe('share links', () => {
  it('round trip: the workspace read from the link equals the original', () => {
    const ws = fiveApps();
    const link = shareLink(BASE, ws, null);
    const out = readShareToken(shareTokenOf(new URL(link).hash)!);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.pending.workspace).toEqual(ws);
    expect(out.pending.runs).toEqual([]);
  });

  it('carries the recorded runs when asked, as actions to replay', () => {
    const out = readShareToken(shareTokenOf(new URL(shareLink(BASE, defaultWorkspace(), [run])).hash)!);
    expect(out.ok && out.pending.runs.map((r) => r.result.error?.code)).toEqual(['error-app-prevented']);
    expect(out.ok && out.pending.actions).toEqual([run.action]);
  });

  it('a 5-app workspace (from the templates) stays under 8 000 characters', () => {
    const link = shareLink(BASE, fiveApps(), null);
    const fragment = new URL(link).hash.length;
    console.log(`[share] 5-app workspace: link ${link.length} characters (fragment ${fragment}), JSON ${JSON.stringify(fiveApps()).length} characters`);
    expect(fiveApps().apps).toHaveLength(5);
    expect(link.length).toBeLessThan(8000);
  });

  it('a link whose data is valid but not a workspace is refused with the reason', () => {
    const out = readShareToken('v1.' + shareLink(BASE, defaultWorkspace(), null).split('v1.')[1]!.slice(0, 30));
    expect(out.ok).toBe(false);
  });
});

describe('scenario file export / import', () => {
  it('round trip: export, import, export again gives the same file', () => {
    const ws = fiveApps();
    const text = scenarioText(workspaceToScenario(ws));
    const read = readScenarioFile(text);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(scenarioText(workspaceToScenario(read.workspace))).toBe(text);
    expect(read.workspace.apps).toEqual(ws.apps);
  });

  it('an unreadable file says precisely why', () => {
    const bad = { apps: [{ id: 'a', name: 'A', files: { 'A.ts': 'x' }, classFile: 'X.ts' }] };
    expect(readScenarioFile(JSON.stringify(bad))).toEqual({ ok: false, problems: ['apps[0].classFile: names "X.ts", which is not among "files"'] });
    const notJson = readScenarioFile('{ nope');
    expect(notJson.ok === false && notJson.problems[0]).toMatch(/^\(file\): not valid JSON: /);
    expect(readScenarioFile(JSON.stringify({ format: 'hookscope-trace', version: 1 }))).toEqual({ ok: false, problems: ['(file): this is the trace of one run, not a scenario: it has no apps to load'] });
  });

  it('steps become the drafts of the action forms', () => {
    const s = { ...workspaceToScenario(defaultWorkspace()), steps: [{ action: 'joinRoom', room: 'team', user: 'carol', expect: { outcome: 'completed' } }] };
    const read = readScenarioFile(JSON.stringify(s));
    expect(read.ok && read.workspace.drafts.joinRoom).toEqual({ action: 'joinRoom', room: 'team', user: 'carol' });
  });
});
