/**
 * Honest exit codes (issue: hookscope in the app developer's repository): an app that Rocket.Chat
 * would not enable (onEnable returned false, spec 7.2) fails the run with exit 1 and says why.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/lifecycle/enable-refused');

describe('hookscope run: an app that is not enabled', () => {
  it('exits 1 and names the app and the reason on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookscope-not-enabled-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(
      file,
      JSON.stringify({
        apps: [{ path: FIXTURE }],
        users: [{ id: 'u1', username: 'alice', name: 'Alice' }],
        steps: [{ action: 'createRoom', type: 'c', name: 'general', creator: 'alice' }],
      }),
    );
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['run', file, '--reporter', 'json'], { out: (s) => out.push(s), err: (s) => err.push(s) });
    expect(code, err.join('\n')).toBe(1);
    expect(err.join('\n')).toMatch(/Refuser[\s\S]*not enabled: onEnable returned false/);
    const report = JSON.parse(out.join('\n')) as { passed: boolean; apps: { loadError: string | null }[] };
    expect(report.passed).toBe(false);
    expect(report.apps[0]?.loadError).toBe('not enabled: onEnable returned false');
  }, 60_000);
});
