// The published 1.62.0 ships `deno-runtime/` without `src/`, but handleUploadEvents.ts imports
// `@rocket.chat/apps-engine/definition/exceptions/AppsEngineException.ts` from `src/`. This
// re-exports the package's compiled class instead (the same class apps get through `require`).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const { AppsEngineException } = require('apps-engine-1-62/definition/exceptions/AppsEngineException.js');
