import { describe, expect, it, vi } from 'vitest';
import { shareLink } from '../../share/payload.ts';
import { scenarioText, workspaceToScenario } from '../../share/scenario-io.ts';
import { defaultWorkspace } from '../../workspace/default-workspace.ts';
import { createAppStore } from '../../state/store.ts';
import { importScenarioText, openShareHash } from './open-shared.ts';

/** Counts first imports of the readers (zod): they load only when a link or a file is opened. */
const loads = vi.hoisted(() => ({ payload: 0, scenario: 0 }));
vi.mock('../../share/payload-read.ts', async (original) => {
  loads.payload++;
  return original();
});
vi.mock('../../share/scenario-read.ts', async (original) => {
  loads.scenario++;
  return original();
});

const BASE = 'https://hookscope.example/app/';
const hashOf = (link: string) => new URL(link).hash;

describe('openShareHash', () => {
  it('answers false for a fragment that is no share link, without loading the reader', async () => {
    const store = createAppStore();
    const before = store.getState();
    expect(await openShareHash('', store)).toBe(false);
    expect(await openShareHash('#section-2', store)).toBe(false);
    expect(loads.payload).toBe(0);
    expect(store.getState().pending).toBeNull();
    expect(store.getState().shareProblem).toBeNull();
    expect(store.getState().apps).toBe(before.apps);
  });

  it('opens a link into the safe view (pending), never into the workspace', async () => {
    const store = createAppStore();
    const apps = store.getState().apps;
    expect(await openShareHash(hashOf(shareLink(BASE, defaultWorkspace(), null)), store)).toBe(true);
    expect(loads.payload).toBe(1);
    expect(store.getState().pending?.origin).toBe('link');
    expect(store.getState().pending?.workspace.apps.map((a) => a.id)).toEqual(defaultWorkspace().apps.map((a) => a.id));
    expect(store.getState().shareProblem).toBeNull();
    expect(store.getState().apps).toBe(apps);
  });

  it('refuses a truncated link with its reason and leaves the workspace as it was', async () => {
    const store = createAppStore();
    const apps = store.getState().apps;
    const hash = hashOf(shareLink(BASE, defaultWorkspace(), null));
    expect(await openShareHash(hash.slice(0, 40), store)).toBe(true);
    expect(store.getState().shareProblem?.title).toBe('This share link cannot be opened. Your workspace is unchanged.');
    expect(store.getState().shareProblem?.problems).toHaveLength(1);
    expect(store.getState().pending).toBeNull();
    expect(store.getState().apps).toBe(apps);
  });
});

describe('importScenarioText', () => {
  it('reads a scenario file into the safe view', async () => {
    const store = createAppStore();
    await importScenarioText('mine.hookscope.json', scenarioText(workspaceToScenario(defaultWorkspace())), store);
    expect(loads.scenario).toBe(1);
    expect(store.getState().pending).toMatchObject({ origin: 'file', label: 'mine.hookscope.json', actions: [] });
    expect(store.getState().shareProblem).toBeNull();
  });

  it('names what is wrong with a bad file and changes nothing', async () => {
    const store = createAppStore();
    const apps = store.getState().apps;
    await importScenarioText('bad.json', '{ nope', store);
    expect(store.getState().shareProblem?.title).toBe('bad.json cannot be imported. Your workspace is unchanged.');
    expect(store.getState().shareProblem?.problems[0]).toMatch(/^\(file\): not valid JSON/);
    expect(store.getState().pending).toBeNull();
    expect(store.getState().apps).toBe(apps);
  });
});
