/**
 * Resolves `@rocket.chat/apps-engine/...` specifiers to the real package's exports (the generated
 * {@link APPS_ENGINE_MODULES}), and hands out the classes the runtime itself needs so that app code
 * and runtime share one identity (`instanceof AppsEngineException` must hold across both).
 */
import { APPS_ENGINE_MODULES } from './apps-engine-modules.ts';

export const APPS_ENGINE_PACKAGE = '@rocket.chat/apps-engine';

/** The exports for a specifier such as `@rocket.chat/apps-engine/definition/rooms/index.js`, or undefined. */
export function resolveAppsEngine(specifier: string): object | undefined {
  if (!specifier.startsWith(`${APPS_ENGINE_PACKAGE}/`)) return undefined;
  let key = specifier.slice(APPS_ENGINE_PACKAGE.length + 1).replace(/\/+$/, '');
  key = key.replace(/\.(js|ts|d\.ts)$/, '');
  const get = APPS_ENGINE_MODULES[key] ?? APPS_ENGINE_MODULES[`${key}/index`];
  return get ? get() : undefined;
}

function mustResolve(path: string): Record<string, unknown> {
  const mod = resolveAppsEngine(`${APPS_ENGINE_PACKAGE}/${path}`);
  if (!mod) throw new Error(`hookscope: ${APPS_ENGINE_PACKAGE}/${path} is missing from the module registry`);
  return mod as Record<string, unknown>;
}

export type ErrorClass = abstract new (...args: never[]) => Error;

export function appsEngineExceptionClass(): ErrorClass {
  return mustResolve('definition/exceptions/AppsEngineException')['AppsEngineException'] as ErrorClass;
}

export function appBaseClass(): abstract new (...args: never[]) => object {
  return mustResolve('definition/App')['App'] as abstract new (...args: never[]) => object;
}

export function roomAssociationModel(): string {
  const model = mustResolve('definition/metadata/RocketChatAssociations')['RocketChatAssociationModel'] as Record<string, string>;
  return model['ROOM'] ?? 'room';
}
