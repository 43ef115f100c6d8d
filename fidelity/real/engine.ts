/**
 * The real Apps-Engine 1.62.0 `AppManager`, started once in this Node process with the in-memory
 * bridges and storages of `bridges.ts`. Apps are installed with `AppManager.add` (each gets its own
 * Deno process through the engine's `DenoRuntimeSubprocessController`), the listener order is set
 * by disabling and enabling apps (the engine appends on enable), and events are fired with
 * `getListenerManager().executeListener(...)`.
 *
 * What it changes of the engine: the runtime factory (the engine's own constructor parameter of
 * `AppRuntimeManager`) points each controller at the generated deno config of `deno/setup.mjs`
 * and sets the per-call timeout after start-up. What it observes: every request a controller sends
 * (`sendRequest`), with how it settled, so the harness knows which methods ran and how.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cacheDir, denoBinDir, denoConfigPath, denoDir, setupDeno } from '../deno/setup.mjs';
import { memoryBridges, MemoryLogStorage, MemoryMetadataStorage, MemorySourceStorage, type HostUsers } from './bridges.ts';

const require = createRequire(import.meta.url);
type Any = any;

export type RealSettle = { kind: 'result'; value: unknown } | { kind: 'error'; code: number | null; message: string } | { kind: 'timeout' };

export interface RealCall {
  seq: number;
  appId: string;
  method: string;
  settle: RealSettle | null;
}

export interface RealEngineOptions {
  /** Per-call timeout once an app has started (ms). */
  timeoutMs: number;
  /** Time an app process gets to start (ms). */
  startTimeoutMs?: number;
  host: HostUsers;
}

export class RealEngine {
  readonly manager: Any;
  readonly version: string = require('apps-engine-1-62/package.json').version;
  readonly calls: RealCall[] = [];
  readonly unexpected: string[];
  private seq = 0;
  private timeoutMs: number;
  private readonly controllers = new Map<string, Any>();
  private readonly AppInterface: Record<string, string>;
  private readonly errorLog: unknown[][] = [];
  /** The enabled apps in the order they were enabled (the listener order). */
  private readonly enabledOrder: string[] = [];

  private constructor(options: RealEngineOptions) {
    this.timeoutMs = options.timeoutMs;
    const { AppManager } = require('apps-engine-1-62/server/AppManager.js');
    const { AppRuntimeManager } = require('apps-engine-1-62/server/managers/AppRuntimeManager.js');
    const { DenoRuntimeSubprocessController } = require('apps-engine-1-62/server/runtime/deno/AppsEngineDenoRuntime.js');
    this.AppInterface = require('apps-engine-1-62/definition/metadata/AppInterface.js').AppInterface;
    const { bridges, unexpected } = memoryBridges(options.host);
    this.unexpected = unexpected;
    const tempFilePath = join(cacheDir, 'engine-tmp');
    mkdirSync(tempFilePath, { recursive: true });
    this.manager = new AppManager({
      metadataStorage: new MemoryMetadataStorage(),
      logStorage: new MemoryLogStorage(),
      bridges,
      sourceStorage: new MemorySourceStorage(),
      tempFilePath,
    });
    const factory = (manager: Any, appPackage: Any, storageItem: Any) => {
      const controller = new DenoRuntimeSubprocessController(manager, appPackage, storageItem);
      controller.denoConfigPath = denoConfigPath;
      if (options.startTimeoutMs) controller.options.timeout = options.startTimeoutMs;
      this.observe(controller);
      this.controllers.set(appPackage.info.id, controller);
      return controller;
    };
    this.manager.runtime = new AppRuntimeManager(this.manager, factory);
  }

  static async start(options: RealEngineOptions): Promise<RealEngine> {
    setupDeno({ quiet: true });
    // The controller spawns `deno` from PATH with DENO_DIR from the environment.
    process.env.PATH = `${denoBinDir()}:${process.env.PATH ?? ''}`;
    process.env.DENO_DIR = denoDir;
    const engine = new RealEngine(options);
    await engine.manager.load();
    return engine;
  }

  private observe(controller: Any) {
    const send = controller.sendRequest.bind(controller);
    controller.sendRequest = (message: { method: string; params: unknown[] }, opts?: unknown) => {
      const method = message.method.replace(/^app:/, '');
      const call: RealCall = { seq: this.seq++, appId: controller.getAppId(), method, settle: null };
      const track =
        !/^(initialize|onEnable|onDisable|onInstall|setStatus|construct|getStatus|ping|onSettingUpdated|onPreSettingUpdate)$/.test(method) &&
        message.method.startsWith('app:');
      if (track) this.calls.push(call);
      const p: Promise<unknown> = send(message, opts);
      p.then(
        (value) => (call.settle = { kind: 'result', value }),
        (e: Any) =>
          (call.settle =
            e instanceof Error && /timed out after/.test(e.message)
              ? { kind: 'timeout' }
              : { kind: 'error', code: typeof e?.code === 'number' ? e.code : null, message: String(e?.message ?? e) }),
      );
      return p;
    };
  }

  setTimeout(ms: number) {
    this.timeoutMs = ms;
    for (const c of this.controllers.values()) c.options.timeout = ms;
  }

  /** Installs and enables a compiled app package; returns its id. Throws when it did not enable. */
  async install(zip: Buffer): Promise<string> {
    const aff = await this.manager.add(zip, { enable: true, user: { id: 'admin', username: 'admin' } });
    const app = aff.getApp?.();
    const problems = [aff.getStorageError?.(), aff.getAppUserError?.(), aff.getCompilerErrors?.()?.length ? aff.getCompilerErrors() : undefined].filter(
      Boolean,
    );
    if (!app || problems.length) throw new Error(`AppManager.add failed: ${JSON.stringify(problems)}`);
    const id = app.getID();
    const controller = this.controllers.get(id);
    if (controller) controller.options.timeout = this.timeoutMs;
    const status = await app.getStatus();
    if (!/enabled/.test(status) || /disabled/.test(status)) throw new Error(`app ${id} did not enable: status ${status}`);
    this.enabledOrder.push(id);
    return id;
  }

  /**
   * Makes exactly `ids` the enabled apps, enabled in this order (the listener order: the
   * listener manager appends an app to each of its interfaces' lists when it is enabled and takes
   * it out when it is disabled). Apps that are already enabled in the right order at the front
   * stay enabled; the rest are disabled and the missing ones enabled in order.
   */
  async setEnabled(ids: string[]) {
    let keep = 0;
    while (keep < ids.length && keep < this.enabledOrder.length && ids[keep] === this.enabledOrder[keep]) keep++;
    for (const id of this.enabledOrder.slice(keep).reverse()) await this.manager.disable(id);
    this.enabledOrder.length = keep;
    for (const id of ids.slice(keep)) {
      const ok = await this.manager.enable(id);
      if (!ok) throw new Error(`app ${id} did not enable`);
      this.enabledOrder.push(id);
    }
  }

  async remove(ids: string[]) {
    for (const id of ids) {
      await this.manager.remove(id, { user: { id: 'admin', username: 'admin' } }).catch(() => undefined);
      this.controllers.delete(id);
      const at = this.enabledOrder.indexOf(id);
      if (at >= 0) this.enabledOrder.splice(at, 1);
    }
  }

  interfaceName(name: string): string {
    const v = this.AppInterface[name];
    if (!v) throw new Error(`no AppInterface ${name}`);
    return v;
  }

  executeListener(interfaceName: string, data: unknown): Promise<unknown> {
    return this.manager.getListenerManager().executeListener(this.interfaceName(interfaceName), data);
  }

  /** Waits until every tracked call has settled (answers or timeouts), bounded. */
  async settle(boundMs: number) {
    const end = Date.now() + boundMs;
    while (this.calls.some((c) => c.settle === null) && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
  }

  errors() {
    return this.errorLog;
  }

  async stop() {
    const ids = [...this.controllers.keys()];
    await this.remove(ids);
    await this.manager.unload?.(true).catch?.(() => undefined);
  }
}
