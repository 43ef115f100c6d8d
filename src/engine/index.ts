/**
 * The engine's public entry: what the page (src/ui) may use of the engine. The linter
 * (.oxlintrc.json, rule hookscope/layers) sends UI files here instead of into the engine's
 * folders; files written before the entry existed are listed in its baseline and move over
 * when they are next edited.
 */
export * from './engine.ts';
export * from './events.ts';
export * from './profiles.ts';
export * from './trace.ts';
export * from './host/actions.ts';
export * from './host/errors.ts';
export * from './world/types.ts';
export * from './world/permissions.ts';
export * from './compare/compare-profiles.ts';
export { globMatches } from './bridges/glob.ts';
