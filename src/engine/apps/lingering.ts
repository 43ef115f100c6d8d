/**
 * Which apps' workers run app code with no call in flight (timers left behind after a call
 * answered, or started in initialize/onEnable; see AppProcess.lingering), for Stop to offer
 * itself and name them. Listeners hear the whole list after each change.
 */
export class LingeringApps {
  private readonly ids = new Set<string>();
  private readonly listeners = new Set<(ids: string[]) => void>();

  set(appId: string, lingering: boolean): void {
    if (lingering === this.ids.has(appId)) return;
    if (lingering) this.ids.add(appId);
    else this.ids.delete(appId);
    const now = this.list();
    for (const l of this.listeners) l(now);
  }

  list(): string[] {
    return [...this.ids];
  }

  subscribe(listener: (ids: string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/** Why a lingering worker was terminated by Stop (shown with the worker restart). */
export const LINGER_STOP_REASON =
  'stopped by the user: the timers it kept running with no call in progress were ended; its next call loads the app again (initialize and onEnable run again)';
