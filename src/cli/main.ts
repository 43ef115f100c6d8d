/**
 * `hookscope run <scenario.json>`: runs a scenario headless and prints the report as JSON.
 * Exit codes: 0 ran (and every `expect` matched), 1 an `expect` did not match, 2 bad input.
 */
import { readFile } from 'node:fs/promises';
import { parseScenarioText } from '../scenario/schema.ts';
import { runScenario } from '../scenario/run-scenario.ts';
import { nodeTransports } from '../node/node-transport.ts';
import { isProfileId, PROFILES } from '../engine/profiles.ts';

const USAGE = `usage: hookscope run <scenario.json> [--profile <id>] [--timings] [--out <file>]

Runs the scenario's steps through the Rocket.Chat room-event pipeline and prints a JSON report:
for each step the outcome, the host error, the committed room and every handler call; then the
final world. Exit code 0 when it ran and every step's "expect" matched, 1 on a mismatch, 2 when
the file cannot be read or is not a valid scenario.

  --profile <id>   run under this Apps-Engine version profile instead of the file's "profile":
                   ${Object.values(PROFILES).filter((p) => p.available).map((p) => p.id).join(', ')}
                   (without "timeoutMs" in the file, the profile's default timeout applies)`;

export async function main(argv: string[], io: { out(s: string): void; err(s: string): void }): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (command !== 'run' || !file) {
    io.err(USAGE);
    return 2;
  }
  const timings = rest.includes('--timings');
  const profileIndex = rest.indexOf('--profile');
  const profile = profileIndex >= 0 ? rest[profileIndex + 1] : undefined;
  if (profileIndex >= 0 && !(isProfileId(profile) && PROFILES[profile].available)) {
    io.err(`hookscope: --profile must be one of ${Object.values(PROFILES).filter((p) => p.available).map((p) => p.id).join(', ')} (or the old names current, deno-1.43, legacy); got ${profile === undefined ? 'nothing' : JSON.stringify(profile)}`);
    return 2;
  }
  const outIndex = rest.indexOf('--out');
  const outFile = outIndex >= 0 ? rest[outIndex + 1] : undefined;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    io.err(`hookscope: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    return 2;
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) {
    io.err(`hookscope: ${file} is not a valid scenario:`);
    for (const p of parsed.problems) io.err(`  ${p.path}: ${p.message}`);
    return 2;
  }
  const report = await runScenario(parsed.scenario, { transports: await nodeTransports(), timings, ...(isProfileId(profile) ? { profile } : {}) });
  const json = JSON.stringify(report, null, 2);
  if (outFile) {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(outFile, json + '\n');
  } else {
    io.out(json);
  }
  for (const step of report.steps) {
    if (step.expectation && !step.expectation.ok) {
      io.err(`hookscope: step ${step.step} (${step.action}) expected ${JSON.stringify(step.expectation.expected)}, got ${JSON.stringify(step.expectation.actual)}`);
    }
  }
  return report.passed ? 0 : 1;
}
