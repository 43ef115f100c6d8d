/**
 * `load`: require the class file, pick the app class, construct, initialize and enable it, the way
 * the deno runtime does (RC `packages/apps-engine/deno-runtime/handlers/app/construct.ts`,
 * `handleInitialize.ts`, `handleOnEnable.ts`):
 * - the class is the FIRST value of the class file's exports (`Object.values(exports)[0]`);
 * - `new AppClass(info, logger, appAccessors)`; it must have getName, getNameSlug, getVersion,
 *   getID, getDescription and getRequiredApiVersion functions;
 * - on the first load only (the install): `await app.onInstall(context, read, http, persistence, modify)`;
 * - `await app.initialize(configurationExtend, environmentRead)`; the settings it declared are
 *   handed to the host (`onInitialized`) BEFORE onEnable runs, so onEnable reads their package
 *   value as on the server, where initialize stores them (spec 7.2);
 * - `await app.onEnable(environmentRead, configurationModify)`: returning a falsy value or throwing
 *   leaves the app not enabled (phase `enable`): Rocket.Chat never calls it (spec 7.2).
 */
import type { IAppInfo } from '@rocket.chat/apps-engine/definition/metadata/IAppInfo.js';
import type { AppDescriptor, LoadPhase, SettingDeclaration, WireError } from '../protocol/runtime-protocol.ts';
import { RPC } from '../protocol/runtime-protocol.ts';
import type { AccessorSet } from './accessors/index.ts';
import { appBaseClass } from './apps-engine-registry.ts';
import { plainError, safeWireError } from './errors.ts';
import type { ModuleEvaluator } from './module-loader.ts';
import { TranspileError, createModuleLoader } from './module-loader.ts';
import { firstAppSite } from './stack.ts';

export type { LoadPhase } from '../protocol/runtime-protocol.ts';

export type LoadOutcome =
  | { ok: true; app: Record<string, unknown>; className: string; methods: string[]; settings: SettingDeclaration[] }
  | { ok: false; phase: LoadPhase; error: WireError };

export interface LoadInput {
  app: AppDescriptor;
  files: Record<string, string>;
  evaluate: ModuleEvaluator;
  logger: unknown;
  accessors: AccessorSet;
  /** Called once initialize has run, with the declared settings; awaited before onEnable. */
  onInitialized?: (settings: SettingDeclaration[]) => void | Promise<void>;
  /** The app's first load (its install): onInstall runs after the constructor, before initialize. */
  install?: { user: unknown };
}

/** Methods sucrase generates for class field initialisers (not the app's own). */
const SUCRASE_INIT = /^__init(Static)?\d*$/;

const REQUIRED_APP_METHODS = ['getName', 'getNameSlug', 'getVersion', 'getID', 'getDescription', 'getRequiredApiVersion'];

/** A load error whose message says where (file:line) it happened. */
function located(thrown: unknown): WireError {
  const err = safeWireError(thrown, RPC.internalError);
  if (thrown instanceof TranspileError) return err; // already `file:line:col: ...`
  const site = thrown instanceof Error ? firstAppSite(thrown.stack) : undefined;
  if (site !== undefined && !err.message.includes(site)) err.message = `${err.message} (at ${site})`;
  return err;
}

/** Function-valued properties of the instance and its prototypes below the App base class. */
export function appMethods(instance: object): string[] {
  const stop = appBaseClass().prototype as object;
  const names = new Set<string>();
  const addFrom = (o: object): void => {
    for (const name of Object.getOwnPropertyNames(o)) {
      if (name === 'constructor' || SUCRASE_INIT.test(name)) continue;
      const d = Object.getOwnPropertyDescriptor(o, name);
      if (d && typeof d.value === 'function') names.add(name);
    }
  };
  addFrom(instance);
  for (let p = Object.getPrototypeOf(instance) as object | null; p && p !== stop && p !== Object.prototype; p = Object.getPrototypeOf(p) as object | null) {
    addFrom(p);
  }
  return [...names].sort();
}

/**
 * `AppManager.add` -> `installApp` (Apps-Engine 1.62 server/AppManager.js; deno-runtime
 * handlers/app/handleOnInstall.ts): `onInstall({ user }, read, http, persistence, modify)`, once,
 * before initialize. A throw only sets the status to error-disabled, which the start-up that
 * follows (initialize, enable) overwrites: the app is still enabled. So here a throw is logged as
 * an error of the load and the load goes on.
 */
async function runOnInstall(instance: Record<string, unknown>, input: LoadInput): Promise<void> {
  const onInstall = instance['onInstall'];
  if (typeof onInstall !== 'function') return;
  const { read, http, persistence, modify } = input.accessors;
  try {
    await (onInstall as (...a: unknown[]) => Promise<unknown>).call(instance, { user: input.install?.user }, read, http, persistence, modify);
  } catch (e) {
    const err = located(e);
    (input.logger as { error?: (...a: unknown[]) => void }).error?.(
      `onInstall threw ${err.name === 'Error' ? 'an error' : err.name}: ${err.message} (Rocket.Chat installs and enables the app anyway)`,
    );
  }
}

export async function loadApp(input: LoadInput): Promise<LoadOutcome> {
  const { app: desc, files } = input;
  let exports: unknown;
  try {
    exports = createModuleLoader(files, input.evaluate).requireFile(desc.classFile);
  } catch (e) {
    return { ok: false, phase: e instanceof TranspileError ? 'transpile' : 'require', error: located(e) };
  }

  const first = typeof exports === 'object' && exports !== null ? Object.values(exports)[0] : undefined;
  if (typeof first !== 'function') {
    const what = first === undefined ? 'nothing' : typeof first;
    const error = plainError(
      RPC.internalError,
      `${desc.classFile} must export the app class as its first export, but its first export is ${what}`,
      'TypeError',
    );
    return { ok: false, phase: 'construct', error };
  }
  const AppClass = first as new (...args: unknown[]) => Record<string, unknown>;

  const info = { ...desc, iconFile: desc.iconFile ?? '', implements: [] } as unknown as IAppInfo;
  let instance: Record<string, unknown>;
  try {
    instance = new AppClass(info, input.logger, input.accessors.appAccessors);
    for (const m of REQUIRED_APP_METHODS) {
      if (typeof instance[m] !== 'function') throw new Error(`App must contain a ${m} function`);
    }
  } catch (e) {
    return { ok: false, phase: 'construct', error: located(e) };
  }

  if (input.install) await runOnInstall(instance, input);

  try {
    if (typeof instance['initialize'] !== 'function') throw new Error('App must contain an initialize function');
    await (instance['initialize'] as (...a: unknown[]) => Promise<unknown>).call(
      instance,
      input.accessors.configurationExtend,
      input.accessors.environmentRead,
    );
  } catch (e) {
    return { ok: false, phase: 'initialize', error: located(e) };
  }
  const settings = input.accessors.configurationExtend.collectedSettings();
  await input.onInitialized?.(settings);

  try {
    if (typeof instance['onEnable'] !== 'function') throw new Error('App must contain an onEnable function');
    const enabled = await (instance['onEnable'] as (...a: unknown[]) => Promise<unknown>).call(
      instance,
      input.accessors.environmentRead,
      input.accessors.configurationModify,
    );
    if (!enabled) {
      const error = plainError(RPC.internalError, `onEnable returned ${String(enabled)}`, 'NotEnabled');
      return { ok: false, phase: 'enable', error };
    }
  } catch (e) {
    const error = located(e);
    error.message = `onEnable threw ${error.name === 'Error' ? 'an error' : error.name}: ${error.message}`;
    return { ok: false, phase: 'enable', error };
  }

  return {
    ok: true,
    app: instance,
    className: AppClass.name || 'App',
    methods: appMethods(instance),
    settings,
  };
}
