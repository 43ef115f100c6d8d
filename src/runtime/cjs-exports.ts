/**
 * The CommonJS `exports` object behind an `import * as ns` of a CommonJS file, whatever the tool
 * that did the interop (Node and esbuild put `module.exports` on `default`; others copy the named
 * exports onto the namespace). Memoised so every require of a module yields the same object.
 */
const seen = new WeakMap<object, object>();

export function cjsExports(ns: object): object {
  const cached = seen.get(ns);
  if (cached) return cached;
  const def = (ns as { default?: unknown }).default;
  let out: object;
  if (typeof def === 'object' && def !== null && (def as { __esModule?: unknown }).__esModule === true) {
    out = def;
  } else {
    const copy: Record<string, unknown> = {};
    Object.defineProperty(copy, '__esModule', { value: true });
    for (const key of Object.keys(ns)) {
      if (key !== 'default' && key !== '__esModule') copy[key] = (ns as Record<string, unknown>)[key];
    }
    out = copy;
  }
  seen.set(ns, out);
  return out;
}
