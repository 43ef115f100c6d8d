import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// The module keeps one "live" promise per page: a fresh copy per test.
const load = () => import('./editor-live.ts');

describe('editorLiveOr', () => {
  beforeEach(() => {
    vi.resetModules();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('resolves when the editor goes live, and clears its fallback timer', async () => {
    const { editorLiveOr, markEditorLive } = await load();
    let resolved = false;
    void editorLiveOr(60_000).then(() => (resolved = true));
    expect(vi.getTimerCount()).toBe(1);
    markEditorLive();
    await vi.waitFor(() => expect(resolved).toBe(true));
    expect(vi.getTimerCount()).toBe(0);
  });

  it('resolves after the fallback when no editor goes live', async () => {
    const { editorLiveOr } = await load();
    let resolved = false;
    void editorLiveOr(5_000).then(() => (resolved = true));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(resolved).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(resolved).toBe(true);
  });
});
