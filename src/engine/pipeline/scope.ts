/** What a run needs from the engine, and a helper to emit its trace events. */
import type { EngineEnv } from '../env.ts';
import type { Profile } from '../profiles.ts';
import type { TraceBus, TraceEvent } from '../trace.ts';
import type { AppRegistry } from '../apps/registry.ts';
import type { WorldStore } from '../world/store.ts';

export interface RunServices {
  world: WorldStore;
  env: EngineEnv;
  trace: TraceBus;
  registry: AppRegistry;
  profile(): Profile;
  timeoutMs(): number;
  /** Remember which run and app a call id belongs to (for accessor requests and logs). */
  registerCall(callId: string, runId: string, appId: string): void;
  /** Step-through / slow motion: awaited before each handler call is made (null: run freely). */
  beforeCall(call: import('../trace.ts').CallRef): Promise<void> | null;
  /**
   * A wait the host simulates (the no-reply hang of a messageless AppsEngineException, spec §4):
   * resolves 'elapsed' after `ms`, or 'stopped' as soon as the user presses Stop.
   */
  hang(ms: number): Promise<'elapsed' | 'stopped'>;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type TraceInput = DistributiveOmit<TraceEvent, 'runId' | 'at'>;

export class RunScope {
  private calls = 0;
  constructor(
    readonly runId: string,
    readonly services: RunServices,
  ) {}

  emit(event: TraceInput): void {
    this.services.trace.emit({ ...event, runId: this.runId, at: this.services.env.clock.now() } as TraceEvent);
  }

  nextCallId(): string {
    this.calls += 1;
    return `${this.runId}/c${this.calls}`;
  }
}
