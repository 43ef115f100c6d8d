import { describe, expect, it } from 'vitest';
import { startBrowserControllerAfter, whenController } from './browser-controller.ts';
import { createAppStore } from './store.ts';

describe('the page starts its app runtime after the editor, or at once when asked', () => {
  it('waits for its trigger, and starts when the controller is asked for first', async () => {
    const store = createAppStore();
    startBrowserControllerAfter(store, new Promise<void>(() => undefined));
    await new Promise((r) => setTimeout(r, 20));
    // Nothing asked for it, the trigger never came: not started.
    expect(store.getState().runtime.state).toBe('starting');
    // Asked for: it starts now. Under Node there is no document, so the sandbox cannot start;
    // what matters here is that it was tried, and why it failed is said.
    await expect(whenController()).rejects.toThrow(/^The app runtime could not start: /);
    expect(store.getState().runtime.state).toBe('unavailable');
  });
});
