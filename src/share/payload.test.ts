import { describe, expect, it } from 'vitest';
import { appFromTemplate } from '../workspace/app-files.ts';
import { defaultWorkspace } from '../workspace/default-workspace.ts';
import type { RunRecord, Workspace } from '../workspace/types.ts';
import { TEMPLATES } from '../templates/index.ts';
import { shareTokenOf } from './codec.ts';
import { encodeShare } from './codec.ts';
import { projectRun } from '../graph/project.ts';
import type { TraceEvent } from '../engine/trace.ts';
import { buildSharePayload, shareLink, sharedRecords, shareStartWorld } from './payload.ts';
import { readShareToken } from './payload-read.ts';
import { scenarioText, workspaceToScenario } from './scenario-io.ts';
import { readScenarioFile } from './scenario-read.ts';

const BASE = 'https://hookscope.example/app/';

function fiveApps(): Workspace {
  const ws = defaultWorkspace();
  const apps = [...ws.apps];
  for (const t of TEMPLATES.slice(0, 4))
    apps.push(
      appFromTemplate(
        t,
        apps.map((a) => a.id),
      ),
    );
  return { ...ws, apps };
}

const action = { action: 'createRoom', name: 'casino-night', type: 'c', creator: 'alice', members: ['bob'] } as const;
const call = { callId: 'c1', appId: 'banned-words', event: 'IPreRoomCreatePrevent', method: 'executePreRoomCreatePrevent', role: 'execute' } as const;
/** The trace of a Banned Words prevent, as the engine emits it (spec section 5: first truthy Prevent wins). */
const trace: TraceEvent[] = [
  {
    type: 'run-start',
    runId: 'run-1',
    at: 1,
    action: { ...action, members: ['bob'] },
    profile: 'current',
    timeoutMs: 30000,
    origin: { kind: 'user' },
    plan: [
      { kind: 'event', event: 'IPreRoomCreatePrevent', awaited: true, listeners: [{ appId: 'banned-words', name: 'Banned Words', loaded: true }], ignored: [] },
      { kind: 'host', label: 'insert room', what: 'commit' },
    ],
  },
  { type: 'phase-start', runId: 'run-1', at: 2, event: 'IPreRoomCreatePrevent', listeners: ['banned-words'], awaited: true },
  { type: 'call-start', runId: 'run-1', at: 3, call, args: [{ slugifiedName: 'casino-night' }] },
  {
    type: 'log',
    runId: 'run-1',
    at: 3,
    callId: 'c1',
    appId: 'banned-words',
    level: 'warn',
    source: 'logger',
    args: [
      { t: 'str', v: 'prevented' },
      { t: 'obj', className: 'Object', entries: [['word', { t: 'str', v: 'casino' }]], more: 0 },
    ],
  },
  { type: 'call-end', runId: 'run-1', at: 4, call, status: 'returned', durationMs: 1, result: true, effect: 'prevented' },
  { type: 'phase-end', runId: 'run-1', at: 5, event: 'IPreRoomCreatePrevent', summary: 'Banned Words prevented it', preventedBy: 'c1' },
  {
    type: 'outcome',
    runId: 'run-1',
    at: 6,
    outcome: 'prevented',
    error: { code: 'error-app-prevented', message: 'A Rocket.Chat App prevented the room creation.' },
    roomId: null,
    summary: 'Banned Words prevented it.',
  },
  { type: 'run-settled', runId: 'run-1', at: 7 },
];

const run: RunRecord = {
  id: 'run-1',
  action: { action: 'createRoom', name: 'casino-night', type: 'c', creator: 'alice', members: ['bob'] },
  startedAt: 1,
  state: 'settled',
  result: {
    outcome: 'prevented',
    error: { code: 'error-app-prevented', message: 'A Rocket.Chat App prevented the room creation.' },
    roomId: null,
    summary: 'Banned Words prevented it.',
  },
  unloadable: [],
  childRunIds: [],
  events: trace,
  worldAfter: null,
};

/** A link built from a payload that was altered after it was made (what a stranger can send). */
function tampered(change: (p: ReturnType<typeof buildSharePayload>) => unknown): string {
  const payload = JSON.parse(JSON.stringify(buildSharePayload(defaultWorkspace(), [run]))) as ReturnType<typeof buildSharePayload>;
  return encodeShare(change(payload));
}

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

  it("carries each run's whole trace: the recipient projects the same graph and can step through it", () => {
    const out = readShareToken(shareTokenOf(new URL(shareLink(BASE, defaultWorkspace(), [run])).hash)!);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const shared = out.pending.runs[0]!;
    expect(shared.events).toEqual(trace);
    expect(projectRun(shared.events)).toEqual(projectRun(trace));
    expect(projectRun(shared.events, 3).nodes.find((n) => n.id === 'outcome')).toMatchObject({ state: 'pending' });
    expect(shared.calls.map((c) => `${c.app} ${c.status}`)).toEqual(['banned-words returned']);
    const [record] = sharedRecords(out.pending.runs, defaultWorkspace().world);
    expect(record).toMatchObject({ id: 'shared-run-1', shared: true, state: 'settled', result: run.result });
    expect(record!.events.every((e) => e.runId === 'shared-run-1')).toBe(true);
  });

  it('starts from the world the first shared run started from, not the world after it', () => {
    const before = defaultWorkspace().world;
    const after = structuredClone(before);
    after.rooms.push({ ...after.rooms[0]!, id: 'r-dr', slugifiedName: 'design-review' });
    const ws = { ...defaultWorkspace(), world: after };
    const start = shareStartWorld(ws, [{ ...run, seq: 1, worldBefore: before }]);
    expect(start.beforeSeq).toBe(1);
    expect(start.world.rooms.map((r) => r.slugifiedName)).toEqual(['general', 'team']);
    expect(shareStartWorld(ws, []).world).toBe(after);
  });

  it('a tampered trace is refused as a whole, with the field that is wrong', () => {
    const bad = (p: ReturnType<typeof buildSharePayload>) => {
      (p.runs![0]!.events[4] as { status: string }).status = 'exploded';
      return p;
    };
    const out = readShareToken(tampered(bad));
    expect(out.ok).toBe(false);
    expect(!out.ok && out.problem).toMatch(/^The shared runs cannot be read: runs\[0\]\.events\[4\]\.status: /);
    const foreign = readShareToken(tampered((p) => (((p.runs![0]!.events[2] as { runId: string }).runId = 'someone-else'), p)));
    expect(!foreign.ok && foreign.problem).toContain('runs[0].events[2].runId: "someone-else" is not a run of this trace');
    const headless = readShareToken(tampered((p) => (p.runs![0]!.events.shift(), p)));
    expect(!headless.ok && headless.problem).toContain('must begin with the run-start of a user run');
    const badPreview = readShareToken(tampered((p) => (((p.runs![0]!.events[3] as { args: unknown[] }).args = [{ t: 'obj', entries: 'x' }]), p)));
    expect(badPreview.ok).toBe(false);
  });

  it('keeps its size limits: more than 50 runs are refused with the reason', () => {
    const out = readShareToken(tampered((p) => ({ ...p, runs: Array.from({ length: 51 }, () => p.runs![0]) })));
    expect(!out.ok && out.problem).toContain('runs: at most 50 runs');
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
    expect(readScenarioFile(JSON.stringify({ format: 'hookscope-trace', version: 1 }))).toEqual({
      ok: false,
      problems: ['(file): this is the trace of one run, not a scenario: it has no apps to load'],
    });
  });

  it('steps become the drafts of the action forms', () => {
    const s = { ...workspaceToScenario(defaultWorkspace()), steps: [{ action: 'joinRoom', room: 'team', user: 'carol', expect: { outcome: 'completed' } }] };
    const read = readScenarioFile(JSON.stringify(s));
    expect(read.ok && read.workspace.drafts.joinRoom).toEqual({ action: 'joinRoom', room: 'team', user: 'carol' });
  });
});
