/**
 * The installed apps, their listener order and their runtimes. Order is the order in which apps
 * were last enabled (spec section 2): enabling appends, so disable + enable moves an app to the end.
 */
import type { RoomEvent } from '../events.ts';
import type { AppDefinition } from './app-manifest.ts';
import { manifestImplements } from './app-manifest.ts';
import type { AppProcess } from './app-process.ts';

export interface InstalledApp {
  def: AppDefinition;
  implements: string[];
  process: AppProcess;
  /** Method names the loaded class has (known after the first load). */
  methods: string[] | null;
  loadError: string | null;
}

export class AppRegistry {
  private readonly apps = new Map<string, InstalledApp>();
  /** Enabled app ids in listener order. */
  private order: string[] = [];

  install(def: AppDefinition, process: AppProcess): InstalledApp {
    if (this.apps.has(def.id)) throw new Error(`an app with id ${def.id} is already installed`);
    const app: InstalledApp = { def, implements: manifestImplements(def), process, methods: null, loadError: null };
    this.apps.set(def.id, app);
    if (def.enabled) this.order.push(def.id);
    return app;
  }

  update(def: AppDefinition): InstalledApp {
    const app = this.require(def.id);
    const wasEnabled = app.def.enabled;
    app.def = def;
    app.implements = manifestImplements(def);
    app.methods = null;
    app.loadError = null;
    if (wasEnabled !== def.enabled) (def.enabled ? this.enable : this.disable).call(this, def.id);
    return app;
  }

  remove(id: string): InstalledApp | undefined {
    const app = this.apps.get(id);
    this.apps.delete(id);
    this.order = this.order.filter((x) => x !== id);
    return app;
  }

  enable(id: string): void {
    const app = this.require(id);
    app.def = { ...app.def, enabled: true };
    this.order = [...this.order.filter((x) => x !== id), id];
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

  /** Installed but disabled apps that declare themselves essential for the event. */
  disabledEssentials(event: RoomEvent): InstalledApp[] {
    return this.all().filter((app) => !app.def.enabled && (app.def.essentials ?? []).includes(event));
  }

  private require(id: string): InstalledApp {
    const app = this.apps.get(id);
    if (!app) throw new Error(`no installed app with id ${id}`);
    return app;
  }
}
