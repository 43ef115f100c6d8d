/**
 * Progress on stderr for long runs: a line when a step has been running for a while (a handler
 * that hangs until its timeout), and with several files one line per finished file on a terminal.
 */
export interface Progress {
  stepStarted(file: string, index: number, action: string, total: number): void;
  stepEnded(file: string): void;
  fileDone(file: string, ok: boolean, done: number, total: number): void;
  stop(): void;
}

export function stderrProgress(err: (s: string) => void, opts: { isTTY: boolean; timeoutMs: (file: string) => number; afterMs?: number }): Progress {
  const after = opts.afterMs ?? 3000;
  const running = new Map<string, { timer: ReturnType<typeof setInterval>; started: number }>();
  const clear = (file: string) => {
    const r = running.get(file);
    if (r) clearInterval(r.timer);
    running.delete(file);
  };
  return {
    stepStarted(file, index, action, total) {
      clear(file);
      const started = Date.now();
      const timer = setInterval(() => {
        const secs = Math.round((Date.now() - started) / 1000);
        err(
          `hookscope: ${file}: step ${index + 1}/${total} (${action}) still running after ${secs} s (each call times out after ${opts.timeoutMs(file) / 1000} s)`,
        );
      }, after);
      timer.unref?.();
      running.set(file, { timer, started });
    },
    stepEnded: clear,
    fileDone(file, ok, done, total) {
      clear(file);
      if (opts.isTTY && total > 1) err(`hookscope: [${done}/${total}] ${ok ? 'passed' : 'FAILED'} ${file}`);
    },
    stop() {
      for (const f of [...running.keys()]) clear(f);
    },
  };
}
