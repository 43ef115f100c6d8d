/**
 * npm packages an app was bundled with in the page (ui/apps/npm-plan.ts): the editor declares them
 * as modules (`declare module 'ms';`, and `'ms/*'` for sub-path imports), so their imports are not
 * shown as missing. Their values are typed `any`: the packages' own `.d.ts` are not read. No
 * Monaco here (the import flow registers names before the editor may have loaded).
 */
const names = new Set<string>();
const listeners = new Set<() => void>();

export function declareNpmPackages(packages: Iterable<string>): void {
  let added = false;
  for (const p of packages) {
    if (!/^(@[\w.-]+\/)?[\w.-]+$/.test(p) || names.has(p)) continue;
    names.add(p);
    added = true;
  }
  if (added) for (const l of listeners) l();
}

/** The declarations as one library text, and a way to hear of new ones. */
export function npmPackageDeclarations(): string {
  return [...names].map((n) => `declare module '${n}';\ndeclare module '${n}/*';\n`).join('');
}

export function onNpmPackages(listener: () => void): void {
  listeners.add(listener);
}
