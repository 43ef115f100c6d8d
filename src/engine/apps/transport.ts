/**
 * The small port interface between the host and one app runtime. Node (worker_threads) and the
 * browser (a sandboxed Web Worker) each implement it; everything above it is shared.
 */
import type { HostToRuntime } from '../../protocol/runtime-protocol.ts';

export interface RuntimeTransport {
  post(msg: HostToRuntime): void;
  /** Every message from the runtime, unparsed: the host validates it. */
  onMessage(listener: (raw: unknown) => void): void;
  /** The runtime died on its own (crash, out of memory). Not called after `terminate()`. */
  onExit(listener: (reason: string) => void): void;
  terminate(): void;
}

export type TransportFactory = () => RuntimeTransport;

/**
 * Keeps one runtime started ahead of need, so replacing a hung worker costs a hand-over rather
 * than a cold start (design.md: 40-60 ms cold vs 4-7 ms with a pre-warmed spare).
 */
export class TransportPool {
  private spare: RuntimeTransport | null = null;
  private disposed = false;

  constructor(
    private readonly factory: TransportFactory,
    private readonly keepSpare = true,
  ) {}

  take(): RuntimeTransport {
    if (this.disposed) throw new Error('the runtime pool was disposed');
    const transport = this.spare ?? this.factory();
    this.spare = null;
    if (this.keepSpare) this.spare = this.factory();
    return transport;
  }

  dispose(): void {
    this.disposed = true;
    this.spare?.terminate();
    this.spare = null;
  }
}
