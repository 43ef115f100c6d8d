/**
 * The library in a test file: `runScenario` called N times in a row in one process, on the shared
 * pool of warm runtimes (the default) and with `{ warm: false }` (each call starts its own
 * workers and a spare per app: the library before the pool), in alternating rounds so both meet
 * the same machine load. Wall time of the N calls and CPU time (all threads) per round.
 */
import { performance } from 'node:perf_hooks';
import { closeRuntimes, runScenario } from '../../src/lib/index.ts';

export interface SequentialRound {
  warm: boolean;
  wallMs: number;
  cpuMs: number;
}

export async function libSequential(file: string, calls = 20, rounds = 2): Promise<SequentialRound[]> {
  // Module loading and the runtime bundle, once, before anything is measured.
  await runScenario(file, { warm: false });
  const out: SequentialRound[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const warm of [false, true]) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      for (let i = 0; i < calls; i++) {
        const report = await runScenario(file, { warm });
        if (!report.passed) throw new Error(`libSequential: the scenario failed: ${report.failures.join('; ')}`);
      }
      const wallMs = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      await closeRuntimes();
      out.push({ warm, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 });
    }
  }
  return out;
}
