/**
 * Browser stand-in for `node:url`, which @rocket.chat/apps-engine's OAuth2Client requires only for
 * `URL`. Bundlers targeting the browser alias `node:url` to this file (vite `resolve.alias`,
 * esbuild `--alias:node:url=...`); Node bundles use the real module.
 */
export const URL = globalThis.URL;
export const URLSearchParams = globalThis.URLSearchParams;
