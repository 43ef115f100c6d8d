/** Loading apps the way the Rocket.Chat server gets them: bundled (see loaded-app.ts). */
export { loadAppFolder } from './load-folder.ts';
export { loadAppZip } from './load-zip.ts';
export { AppLoadError, BUNDLED_MARKER, BUNDLE_DIR, bundlePathFor, toAppDefinition, type AppManifestJson, type LoadedApp } from './loaded-app.ts';
