/**
 * The engine's public entry: what the page (src/ui, src/state) may use of the engine. The
 * linter (.oxlintrc.json, rule hookscope/layers) sends UI and state files here instead of into
 * the engine's folders. Types come through here too (`import type`, erased). Nothing here may
 * be heavier than what the page's first load already has: the UI's lazy chunks import this file
 * as well, so a module re-exported here is pulled towards the first chunk by the bundler
 * (compare `npm run build`'s index chunk before and after adding one).
 */
export * from './engine.ts';
export * from './env.ts';
export * from './events.ts';
export * from './profiles.ts';
export * from './trace.ts';
export * from './own-keys.ts';
export * from './host/actions.ts';
export * from './host/errors.ts';
export * from './world/types.ts';
export * from './world/permissions.ts';
export * from './compare/compare-profiles.ts';
export * from './apps/app-manifest.ts';
export * from './apps/transport.ts';
export * from './apps/parse-source.ts';
export { globMatches } from './bridges/glob.ts';
