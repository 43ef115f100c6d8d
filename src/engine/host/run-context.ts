/**
 * One host action in progress: its trace scope, the outcome it reports, and the background work
 * (Post handlers the host does not await) that it leaves behind.
 */
import type { RoomEvent } from '../events.ts';
import { ListenerAbort } from '../pipeline/invoke.ts';
import { runPost } from '../pipeline/loops.ts';
import type { EventPayload } from '../pipeline/payload.ts';
import type { RunScope } from '../pipeline/scope.ts';
import type { Outcome } from '../trace.ts';
import { HOST_ERRORS, HostFailure, type HostError } from '../errors.ts';

export interface RunResult {
  runId: string;
  outcome: Outcome;
  error: HostError | null;
  roomId: string | null;
  /** Resolves when every handler of this run has finished, including Post handlers nobody awaits. */
  settled: Promise<void>;
}

export class HostRun {
  private readonly background: Promise<unknown>[] = [];

  constructor(readonly scope: RunScope) {}

  get world() {
    return this.scope.services.world;
  }
  get clock() {
    return this.scope.services.env.clock;
  }
  get ids() {
    return this.scope.services.env.ids;
  }

  /** Post handlers the host awaits (Post leave). An AppsEngineException reaches the caller. */
  async postAwaited(event: RoomEvent, payload: EventPayload): Promise<ListenerAbort | null> {
    return runPost(this.scope, event, payload, true);
  }

  /** Post handlers the host fires and forgets (Post create, Post deleted, Post join). */
  postDetached(event: RoomEvent, payload: EventPayload): void {
    const scope = this.scope;
    const work = (async () => {
      // Post join is fired on the next tick; the others right away, but never awaited.
      await Promise.resolve();
      scope.emit({ type: 'background-start', event });
      try {
        await runPost(scope, event, payload, false);
      } finally {
        scope.emit({ type: 'background-end', event });
      }
    })();
    this.background.push(work.catch(() => undefined));
  }

  settled(): Promise<void> {
    return Promise.all(this.background).then(() => {
      this.scope.emit({ type: 'run-settled' });
    });
  }

  result(outcome: Outcome, error: HostError | null, roomId: string | null, summary: string): RunResult {
    this.scope.emit({ type: 'outcome', outcome, error, roomId, summary });
    return { runId: this.scope.runId, outcome, error, roomId, settled: this.settled() };
  }
}

/**
 * How an error that escaped a listener loop reaches the client. `mapped` is the RC error for an
 * AppsEngineException when the host catches it (create Prevent, Pre join/leave); otherwise it is
 * unmapped (the client sees "Internal server error").
 */
export function hostErrorFor(abort: unknown, mapped: ((message: string) => HostError) | null): HostError {
  if (abort instanceof HostFailure) return abort.error;
  if (abort instanceof ListenerAbort) {
    if (abort.kind === 'essential-app-disabled') return HOST_ERRORS.essentialAppDisabled();
    if (abort.kind === 'apps-engine' && mapped) return mapped(abort.message);
    return HOST_ERRORS.unmapped(abort.kind === 'apps-engine' ? 'AppsEngineException' : 'MethodNotFound', abort.message);
  }
  throw abort;
}
