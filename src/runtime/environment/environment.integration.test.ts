/**
 * Spec 7.3: the env-probe fixture app reports what app code may use; in the Node runner (vm
 * context) it must see exactly what the browser worker shows (e2e/runtime-environment.spec.ts
 * compares the same expected values), whether it is loaded from editor sources (transpiled file by
 * file) or bundled from its folder like the apps compiler does.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { loadAppFolder, toAppDefinition } from '../../bundle/index.ts';
import type { AppDefinition } from '../../engine/apps/app-manifest.ts';
import type { Engine } from '../../engine/engine.ts';
import { baseWorld, makeEngine } from '../../test-support/engine-harness.ts';
import { ENV_PROBE_MOCK, compareProbe, envProbeManifest, envProbeSource, parseProbeLines } from '../../test-support/env-probe.ts';
import { prepareFixtureApp, removeFixtureApps } from '../../test-support/fixture-apps.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});
afterAll(removeFixtureApps);

async function probe(app: AppDefinition): Promise<{ report: Record<string, unknown>; http: number }> {
  const world = baseWorld();
  world.httpMocks.push(ENV_PROBE_MOCK);
  engine = await makeEngine([app], { world });
  const r = await engine.run({ action: 'createRoom', name: 'probe', type: 'c', creator: 'alice' });
  const lines = engine.trace.events.flatMap((e) => (e.type === 'log' && e.runId === r.runId ? e.args.map((a) => ('v' in a ? String(a.v) : '')) : []));
  if (!lines.some((t) => t.startsWith('env-probe ')))
    throw new Error(`the probe logged nothing: ${JSON.stringify(engine.trace.events.filter((e) => e.runId === r.runId)).slice(0, 2000)}`);
  const http = engine.trace.events.filter((e) => e.runId === r.runId && e.type === 'accessor' && e.op === 'http.request').length;
  return { report: parseProbeLines(lines), http };
}

describe('the runtime environment of spec 7.3 (Node runner)', () => {
  it('from editor sources: globals, require allowlist, uuid, ui-kit and fetch to the HTTP mocks', async () => {
    const { report, http } = await probe({
      id: 'env-probe',
      name: 'Env Probe',
      classFile: 'EnvProbeApp.ts',
      files: { 'EnvProbeApp.ts': envProbeSource(), 'app.json': envProbeManifest() },
      enabled: true,
    });
    expect(compareProbe(report)).toEqual([]);
    expect(http).toBe(1); // fetch went through the host's http bridge, in the trace
  });

  it('bundled from its folder (uuid and ui-kit from its node_modules): the same report', async () => {
    const app = await loadAppFolder(prepareFixtureApp('env-probe'));
    const { report } = await probe(toAppDefinition(app));
    expect(compareProbe(report)).toEqual([]);
  });
});
