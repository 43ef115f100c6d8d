// Local stand-in for jsr:@std/cli/parse-args, for the arguments the Apps-Engine controller passes
// (`--subprocess <appId> --spawnId <n> [--metricsReportFrequencyInMs <n>]`): `--key value`,
// `--key=value`, bare `--flag` (true); numeric values become numbers, as @std/cli does.
export function parseArgs(args: string[]): Record<string, unknown> & { _: string[] } {
  const out: Record<string, unknown> & { _: string[] } = { _: [] };
  const value = (v: string): unknown => (v !== '' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) {
      out._.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      out[arg.slice(2, eq)] = value(arg.slice(eq + 1));
      continue;
    }
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith('--')) {
      out[arg.slice(2)] = value(next);
      i++;
    } else {
      out[arg.slice(2)] = true;
    }
  }
  return out;
}
