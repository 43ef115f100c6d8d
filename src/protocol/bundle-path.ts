/**
 * Where a pre-bundled app sits in its files map, a fact both sides read: the host's loaders put
 * the bundle there (`src/bundle/`), the runtime's module loader runs it instead of the class
 * file (`src/runtime/module-loader.ts`). Kept here so the runtime needs nothing of the host.
 */

/** First characters of a pre-bundled CommonJS file: the module loader evaluates it as it is. */
export const BUNDLED_MARKER = '/*hookscope:cjs*/';
export const BUNDLE_DIR = '__bundle__/';

export function bundlePathFor(classFile: string): string {
  return `${BUNDLE_DIR}${classFile.replace(/\.(ts|js)$/, '')}.js`;
}
