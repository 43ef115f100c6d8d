/**
 * hookscope's own lint rules (an oxlint JS plugin, ESLint's rule API), for the rules of
 * ARCHITECTURE.md that no built-in rule can say. Configured in .oxlintrc.json.
 *
 * - `layers`: which folder of src/ a file may import from. Relative imports are resolved, so
 *   `../../ui/x.ts` and `../ui` are the same layer; package imports are the built-in
 *   no-restricted-imports rule's job. Options: `{ allow: { <layer>: [<layer>...] },
 *   entries: { <layer>: <entry file> }, entryFor: [<layer>...], baseline: [<file>...] }`:
 *   a layer in `entryFor` may import a layer that has an entry only through that entry file,
 *   except files in `baseline` (meant to stay empty).
 * - `no-ambient-time`: `new Date()` / `Date()` without an argument (the current time). The
 *   engine takes time from its injected clock (src/engine/env.ts); Date.now, performance.now
 *   and Math.random are refused by the built-in no-restricted-properties rule.
 */
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** `src/engine/host/x.ts` -> 'engine'; a file directly in src/ -> its name; outside src -> null. */
function layerOf(rel) {
  const parts = rel.split('/');
  if (parts[0] !== 'src' || parts.length < 2) return null;
  return parts.length === 2 ? parts[1].replace(/\.[cm]?[jt]sx?$/, '') : parts[1];
}

const toPosix = (p) => p.split('\\').join('/');

const layers = {
  meta: {
    type: 'problem',
    docs: { description: 'Keep each layer of src/ to the layers it may import (ARCHITECTURE.md).' },
    schema: [{ type: 'object', additionalProperties: true }],
  },
  create(context) {
    const options = context.options[0] ?? {};
    const allow = options.allow ?? {};
    const entries = options.entries ?? {};
    const entryFor = new Set(options.entryFor ?? []);
    const baseline = new Set(options.baseline ?? []);
    const file = toPosix(relative(root, context.filename));
    const from = layerOf(file);
    if (from === null || !(from in allow)) return {};
    const allowed = new Set([from, ...allow[from]]);

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const target = toPosix(relative(root, join(dirname(join(root, file)), source)));
      const to = layerOf(target);
      if (to === null || to === from) return;
      if (!allowed.has(to)) {
        context.report({
          node,
          message: `src/${from} may not import src/${to} ('${source}'); it may import ${
            [...allowed]
              .filter((l) => l !== from)
              .map((l) => `src/${l}`)
              .join(', ') || 'no other layer'
          } (ARCHITECTURE.md, "Rules of the codebase").`,
        });
        return;
      }
      const entry = entries[to];
      if (entry && entryFor.has(from) && target !== entry && !baseline.has(file)) {
        context.report({
          node,
          message: `src/${from} uses src/${to} through its public entry ${entry}, not '${source}' (re-export what you need there).`,
        });
      }
    }
    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression(node) {
        if (node.source.type === 'Literal') check(node, node.source.value);
      },
      TSImportType(node) {
        const arg = node.argument?.type === 'TSLiteralType' ? node.argument.literal : node.argument;
        if (arg?.type === 'Literal') check(node, arg.value);
      },
    };
  },
};

const noAmbientTime = {
  meta: {
    type: 'problem',
    docs: { description: 'No reading of the current time outside the injected clock.' },
    schema: [],
  },
  create(context) {
    const report = (node) =>
      context.report({
        node,
        message: 'the current time comes from the injected clock (EngineEnv.clock, src/engine/env.ts), so traces are deterministic',
      });
    const isDate = (callee) => callee.type === 'Identifier' && callee.name === 'Date';
    return {
      NewExpression(node) {
        if (isDate(node.callee) && node.arguments.length === 0) report(node);
      },
      CallExpression(node) {
        if (isDate(node.callee)) report(node);
      },
    };
  },
};

export default {
  meta: { name: 'hookscope' },
  rules: { layers, 'no-ambient-time': noAmbientTime },
};
