// Preloaded into a process the CLI benchmark starts (`node --import <this> ...`): at exit it writes
// the process's CPU time (all threads, workers included: getrusage RUSAGE_SELF) and its wall time
// to the file named by HOOKSCOPE_BENCH_CPU_OUT. CPU time stays comparable on a busy machine.
import { writeFileSync } from 'node:fs';

const out = process.env.HOOKSCOPE_BENCH_CPU_OUT;
if (out) {
  process.on('exit', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(out, JSON.stringify({ cpuMs: (user + system) / 1000, uptimeMs: process.uptime() * 1000 }));
  });
}
