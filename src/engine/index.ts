/**
 * The engine's public entry: what the page (src/ui, src/state, src/workspace, src/share) may use
 * of the engine. The linter (.oxlintrc.json, rule hookscope/layers) sends their files here instead
 * of into the engine's folders, with no exceptions. Types come through here too (`import type`,
 * erased).
 * The first load imports this file, so a module re-exported here can be pulled into the first
 * load even when only a lazy chunk uses it: export nothing heavier than what loads first
 * already, and compare the JavaScript dist/index.html loads (its script and modulepreloads,
 * `npm run build`) before and after adding a module.
 */
export * from './engine.ts';
export type { EngineEnv } from './env.ts';
export * from './events.ts';
export * from './profiles.ts';
export * from './trace.ts';
export * from './own-keys.ts';
export * from './actions.ts';
export * from './errors.ts';
export * from './world/types.ts';
export * from './world/permissions.ts';
export * from './compare/compare-profiles.ts';
export { applyAppJson, slugify, type AppDefinition } from './apps/app-manifest.ts';
export type { TransportFactory } from './apps/transport.ts';
// The project import's scan of app files (workspace/import-scan.ts); @babel/parser is on the first load already (implements.ts).
export { parseSource, topLevelClasses, walk, type Ast } from './apps/parse-source.ts';
export { globMatches } from './bridges/glob.ts';
