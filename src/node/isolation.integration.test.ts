/**
 * App code in the Node runner gets only what a Rocket.Chat app gets: no process, no require of
 * built-ins, no file system, no network, no way to hang or crash the host.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { app } from '../test-support/apps.ts';
import { makeEngine } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

/** An app whose Prevent handler tries `probe` and logs what happened; it never prevents. */
function prober(probe: string) {
  return app(
    'probe',
    'Probe',
    `export class Probe extends App implements IPreRoomCreatePrevent {
  async executePreRoomCreatePrevent(): Promise<boolean> {
    let outcome: string;
    try {
      const value = await (async () => { ${probe} })();
      outcome = 'reached: ' + typeof value;
    } catch (e) {
      outcome = 'blocked: ' + (e as Error).message;
    }
    this.getLogger().info(outcome);
    return false;
  }
}`,
  );
}

async function attempt(probe: string): Promise<string> {
  engine = await makeEngine([prober(probe)]);
  const r = await engine.run({ action: 'createRoom', name: `p${Math.random().toString(36).slice(2, 8)}`, type: 'c', creator: 'alice' });
  const log = engine.trace.events.find((e) => e.type === 'log' && e.runId === r.runId);
  return log && log.type === 'log' ? log.args.map((a) => ('v' in a ? String(a.v) : a.t)).join(' ') : 'no log';
}

describe('Node isolation of app code', () => {
  it('has no process, not even through a constructor chain', async () => {
    expect(await attempt('return (globalThis as any).process.pid;')).toMatch(/^blocked: /);
    expect(await attempt(`return (this as any).constructor.constructor('return process')().pid;`)).toMatch(/^blocked: /);
    expect(await attempt(`return ({}).constructor.constructor('return typeof process')() === 'undefined' ? undefined.x : 1;`)).toMatch(/^blocked: /);
  });

  it('cannot require built-ins or read files', async () => {
    expect(await attempt(`return require('fs').readFileSync('/etc/passwd', 'utf8');`)).toMatch(/^blocked: .*fs/);
    expect(await attempt(`return require('child_process');`)).toMatch(/^blocked: .*child_process/);
  });

  it('the environment of spec 7.3 holds nothing of the outer realm', async () => {
    for (const probe of [
      'crypto.getRandomValues',
      'crypto.subtle.digest',
      'Buffer.from',
      'TextEncoder',
      'URL',
      'fetch',
      'structuredClone',
      'setTimeout',
      "require('crypto').createHash",
      "require('os').hostname",
    ]) {
      expect([probe, await attempt(`return (await (${probe} as any).constructor('return process')()).pid;`)]).toEqual([
        probe,
        expect.stringMatching(/^blocked: /),
      ]);
    }
  });

  it('has no network: fetch and the http accessor go to the HTTP mocks, and it is told so', async () => {
    expect(await attempt(`return fetch('https://example.com');`)).toMatch(
      /^blocked: fetch failed: No HTTP mock matches GET https:\/\/example\.com\/\. hookscope never uses the network/,
    );
    expect(await attempt(`return new (globalThis as any).WebSocket('wss://example.com');`)).toMatch(/^blocked: WebSocket is not available/);
  });
});
