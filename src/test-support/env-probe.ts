/**
 * TEST ONLY: the env-probe fixture app (fixtures/apps/env-probe) and what it must report in every
 * runner (spec 7.3). Shared by the Node runner test and the browser e2e spec.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpMock } from '../engine/world/types.ts';
import { FIXTURE_APPS_DIR } from './fixture-apps.ts';

export const ENV_PROBE_DIR = join(FIXTURE_APPS_DIR, 'env-probe');
export const envProbeSource = (): string => readFileSync(join(ENV_PROBE_DIR, 'EnvProbeApp.ts'), 'utf8');
export const envProbeManifest = (): string => readFileSync(join(ENV_PROBE_DIR, 'app.json'), 'utf8');

export const ENV_PROBE_MOCK: HttpMock = { method: 'GET', url: 'https://api.example.test/greeting*', status: 200, data: { hello: 'world' } };

/** The lines the probe logs (`env-probe <key> <json>`, among any others), parsed. */
export function parseProbeLines(lines: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const line of lines) {
    const m = /env-probe (\w+) (.*)$/s.exec(line.trim());
    if (m) out[m[1] ?? ''] = JSON.parse(m[2] ?? 'null') as unknown;
  }
  return out;
}

/** What app code sees on the Rocket.Chat server (Deno runtime), as far as hookscope reproduces it. */
export const ENV_PROBE_EXPECTED: Record<string, unknown> = {
  globals:
    'crypto:object URL:function URLSearchParams:function TextEncoder:function TextDecoder:function atob:function btoa:function structuredClone:function Buffer:function fetch:function setTimeout:function queueMicrotask:function',
  hostless: 'threw Error: localStorage is not available to apps: keep data with the `persistence` accessor.',
  randomUUID: true,
  getRandomValues: 16,
  subtleDigest: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
  subtleHmac: '5031fe3d989c6d1537a013fa6e739da23463fdaec3b70137d828e36ace221bd0',
  url: 'api.example.test:8443 /a/b two https://api.example.test:8443/a/b?q=1&r=two&s=x+y#frag',
  urlSearchParams: 'a=1&b=x%26y',
  textCodec: 'héllo ✓',
  base64: 'aGkgdGhlcmU= hi there',
  structuredClone: 'true 0 true one [1,{"x":2}]',
  structuredCloneFn: expectDataCloneError,
  buffer: '6869 hi 3',
  nodeCrypto: 'ba7816bf8f01cfea lPxqL36JuBls904QeajBHrZ5pVI= 8',
  path: 'b/c.txt .json q',
  querystring: 'a=1&b=x&b=y&c=d%20e',
  legacyUrl: 'host.example.test 8080 /p/a q=1',
  util: 'x=5 {"a":1}',
  fs: 'threw Error: fs.readFileSync() is not available to apps in hookscope: apps have no files in hookscope: keep data with the `persistence` accessor',
  nodePrefix:
    'threw Error: Module "node:crypto" is not allowed: the Rocket.Chat apps runtime allows Node built-ins by their bare name only (require(\'crypto\')).',
  uuid: true,
  uiKit: 'plain_text mrkdwn',
  fetch: '200 true application/json {"hello":"world"}',
};

/** Browsers and Node word DataCloneError differently; both must throw it. */
function expectDataCloneError(): void {}

export function compareProbe(actual: Record<string, unknown>): { key: string; expected: unknown; actual: unknown }[] {
  const diffs: { key: string; expected: unknown; actual: unknown }[] = [];
  for (const [key, expected] of Object.entries(ENV_PROBE_EXPECTED)) {
    const got = actual[key];
    const ok =
      expected === expectDataCloneError ? typeof got === 'string' && got.startsWith('threw DataCloneError') : JSON.stringify(got) === JSON.stringify(expected);
    if (!ok) diffs.push({ key, expected: expected === expectDataCloneError ? 'threw DataCloneError: ...' : expected, actual: got });
  }
  return diffs;
}
