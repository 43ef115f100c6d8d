/** Shared pieces of the listener loops: phase bookkeeping, essentials, check methods. */
import { EVENT_SPECS, type RoomEvent } from '../events.ts';
import { HOST_ERRORS } from '../errors.ts';
import type { InstalledApp } from '../apps/registry.ts';
import type { SkipReason } from '../trace.ts';
import { invoke, ListenerAbort } from './invoke.ts';
import type { EventPayload } from './payload.ts';
import type { RunScope } from './scope.ts';

/** Starts a phase: the essentials check (spec §2), then the apps that take part, loaded. */
export async function openPhase(scope: RunScope, event: RoomEvent, awaited: boolean): Promise<InstalledApp[]> {
  const listeners = scope.services.registry.listeners(event);
  scope.emit({ type: 'phase-start', event, listeners: listeners.map((a) => a.def.id), awaited });
  const essentials = scope.services.registry.disabledEssentials(event);
  if (essentials.length > 0) {
    const names = essentials.map((a) => a.def.name).join(', ');
    scope.emit({
      type: 'phase-end',
      event,
      summary: `EssentialAppDisabledException: ${names} ${essentials.length > 1 ? 'are' : 'is'} essential to ${event} but disabled; no app ran`,
    });
    throw new ListenerAbort('essential-app-disabled', HOST_ERRORS.essentialAppDisabled().message, null, event);
  }
  const ready: InstalledApp[] = [];
  for (const app of listeners) {
    const loaded = await app.process.ensureLoaded();
    if (loaded.ok) {
      scope.services.registry.markReady(app.def.id, loaded.methods);
      ready.push(app);
    } else {
      // Loaded again after its worker was replaced, and failed: not enabled, never called (spec 7.2).
      scope.services.registry.markNotEnabled(app.def.id, { phase: loaded.phase, message: loaded.error.message });
      scope.emit({
        type: 'runtime-problem',
        appId: app.def.id,
        problem: `${app.def.name} could not be loaded again (${loaded.phase}): ${loaded.error.message}; it is not enabled and is not called`,
      });
    }
  }
  return ready;
}

export function skipRest(scope: RunScope, event: RoomEvent, apps: InstalledApp[], from: number, reason: SkipReason): void {
  for (const app of apps.slice(from)) scope.emit({ type: 'listener-skipped', appId: app.def.id, event, reason });
}

/**
 * The optional check method (spec §2, §5): missing = true; a generic error or timeout = undefined
 * = the app is skipped; an AppsEngineException propagates.
 */
export async function passesCheck(scope: RunScope, app: InstalledApp, event: RoomEvent, payload: EventPayload): Promise<boolean> {
  const check = EVENT_SPECS[event].check;
  if (!check) return true;
  if (app.methods && !app.methods.includes(check)) return true;
  const r = await invoke(scope, app, event, 'check', payload, (res) => {
    switch (res.view.kind) {
      case 'value':
        return res.view.value ? 'check passed: execute runs' : 'check returned a falsy value: execute is not called';
      case 'undefined':
        return res.status === 'invalid-params'
          ? 'the runtime refused the call (room is null: the chain is broken): app skipped'
          : 'the host swallowed the failure (undefined): execute is not called';
      case 'apps-engine':
        return 'AppsEngineException: it propagates and stops the loop';
      case 'method-not-found':
        return 'no check method: counts as true';
    }
  });
  if (r.view.kind === 'apps-engine') throw new ListenerAbort('apps-engine', r.view.message, app.def.id, event);
  if (r.view.kind === 'method-not-found') return true;
  const passed = r.view.kind === 'value' && Boolean(r.view.value);
  if (!passed) scope.emit({ type: 'listener-skipped', appId: app.def.id, event, reason: r.status === 'invalid-params' ? 'chain-broken' : 'check-false' });
  return passed;
}

/**
 * `callOnlyIfMethodExists` (legacy, spec section 8): the host asked `app.hasMethod(execute)` before
 * calling, so an interface listed in `implements` without its execute method is simply not called
 * (no "method not found"). True when the app is skipped for that reason (and says so on the trace).
 */
export function skipsMissingExecute(scope: RunScope, app: InstalledApp, event: RoomEvent): boolean {
  if (!scope.services.profile().callOnlyIfMethodExists) return false;
  if (!app.methods || app.methods.includes(EVENT_SPECS[event].execute)) return false;
  scope.emit({ type: 'listener-skipped', appId: app.def.id, event, reason: 'method-missing' });
  return true;
}

/**
 * The first steps of a listener in any loop: its check method, then (legacy) whether its execute
 * method exists. False = go on with the next app. An error escaping the check marks the apps after
 * it as not reached and propagates.
 */
export async function shouldExecute(scope: RunScope, apps: InstalledApp[], index: number, event: RoomEvent, payload: EventPayload): Promise<boolean> {
  const app = apps[index] as InstalledApp;
  try {
    if (!(await passesCheck(scope, app, event, payload))) return false;
  } catch (abort) {
    skipRest(scope, event, apps, index + 1, 'not-reached');
    throw abort;
  }
  return !skipsMissingExecute(scope, app, event);
}
