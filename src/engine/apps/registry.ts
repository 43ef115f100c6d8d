/**
 * The installed apps, their listener order and their runtimes. Order is the order in which apps
 * were last enabled (spec section 2): enabling appends, so disable + enable moves an app to the end.
 * Only an app that loaded and whose onEnable succeeded is enabled (spec 7.2): an app whose code
 * failed to load, or whose onEnable returned false or threw, is not a listener, never called, and
 * not in the order; the order is the order of successful enables.
 */
import type { RoomEvent } from '../events.ts';
import type { AppDefinition } from './app-manifest.ts';
import { manifestImplements } from './app-manifest.ts';
import type { AppProcess } from './app-process.ts';
import type { LoadPhase } from '../../protocol/runtime-protocol.ts';

export interface InstalledApp {
  def: AppDefinition;
  implements: string[];
  process: AppProcess;
  /** Method names the loaded class has (known after the first load). */
  methods: string[] | null;
  /** Why the app is not enabled, in one line (`initialize: ...`, `not enabled: onEnable returned false`); null when it loaded. */
  loadError: string | null;
  /** Set when the last load failed or onEnable refused: the app is not enabled whatever `def.enabled` says. */
  notEnabled: NotEnabled | null;
  /** True once a load succeeded (construct, initialize, onEnable) and until the next one fails. */
  ready: boolean;
}

export interface NotEnabled {
  /** Where it stopped: the code did not load (`transpile`...`initialize`), onEnable refused (`enable`), or install was refused. */
  phase: LoadPhase | 'install';
  message: string;
}

export class AppRegistry {
  private readonly apps = new Map<string, InstalledApp>();
  /** Enabled app ids in listener order. */
  private order: string[] = [];

  install(def: AppDefinition, process: AppProcess): InstalledApp {
    if (this.apps.has(def.id)) throw new Error(`an app with id ${def.id} is already installed`);
    const app: InstalledApp = { def, implements: manifestImplements(def), process, methods: null, loadError: null, notEnabled: null, ready: false };
    this.apps.set(def.id, app);
    return app;
  }

  update(def: AppDefinition): InstalledApp {
    const app = this.require(def.id);
    const wasEnabled = app.def.enabled;
    app.def = def;
    app.implements = manifestImplements(def);
    if (wasEnabled !== def.enabled) (def.enabled ? this.enable : this.disable).call(this, def.id);
    return app;
  }

  remove(id: string): InstalledApp | undefined {
    const app = this.apps.get(id);
    this.apps.delete(id);
    this.order = this.order.filter((x) => x !== id);
    return app;
  }

  /** The user enables the app: it becomes a listener (at the end) only if it is ready (loaded, onEnable ok). */
  enable(id: string): void {
    const app = this.require(id);
    app.def = { ...app.def, enabled: true };
    this.order = this.order.filter((x) => x !== id);
    if (app.ready) this.order.push(id);
  }

  /** A load succeeded (onEnable returned true): an enabled app not yet in the order is appended. */
  markReady(id: string, methods: string[]): void {
    const app = this.require(id);
    app.ready = true;
    app.methods = methods;
    app.loadError = null;
    app.notEnabled = null;
    if (app.def.enabled && !this.order.includes(id)) this.order.push(id);
  }

  /** The load failed or onEnable refused: the app is not enabled and leaves the order. */
  markNotEnabled(id: string, why: NotEnabled): void {
    const app = this.require(id);
    app.ready = false;
    app.methods = null;
    app.notEnabled = why;
    app.loadError = why.phase === 'enable' ? `not enabled: ${why.message}` : `${why.phase}: ${why.message}`;
    this.order = this.order.filter((x) => x !== id);
  }

  disable(id: string): void {
    const app = this.require(id);
    app.def = { ...app.def, enabled: false };
    this.order = this.order.filter((x) => x !== id);
  }

  /** Explicit order of the enabled apps (the UI lets users reorder); unknown ids are ignored. */
  setOrder(ids: string[]): void {
    const enabled = new Set(this.order);
    const next = ids.filter((id) => enabled.has(id));
    this.order = [...next, ...this.order.filter((id) => !next.includes(id))];
  }

  get(id: string): InstalledApp | undefined {
    return this.apps.get(id);
  }

  all(): InstalledApp[] {
    return [...this.apps.values()];
  }

  enabledInOrder(): InstalledApp[] {
    return this.order.map((id) => this.require(id));
  }

  /** Enabled apps whose manifest lists the interface, in listener order. */
  listeners(event: RoomEvent): InstalledApp[] {
    return this.enabledInOrder().filter((app) => app.implements.includes(event));
  }

  /** Installed but not enabled apps (disabled, or refused by their onEnable / load) essential for the event. */
  disabledEssentials(event: RoomEvent): InstalledApp[] {
    return this.all().filter((app) => (!app.def.enabled || app.notEnabled !== null) && (app.def.essentials ?? []).includes(event));
  }

  private require(id: string): InstalledApp {
    const app = this.apps.get(id);
    if (!app) throw new Error(`no installed app with id ${id}`);
    return app;
  }
}
