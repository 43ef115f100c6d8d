/**
 * The editor's Apps-Engine type definitions as the TypeScript worker gets them: the real
 * `@rocket.chat/apps-engine` 1.66 `.d.ts` (274 files), `@rocket.chat/ui-kit` 1.0.0 and
 * `@rocket.chat/icons`, bundled (never fetched from elsewhere) in their own chunk, which the
 * editor loads once it is live (apps-engine-types.ts), so ~55 KiB gzip of type text does not
 * delay the first view of the code.
 */
const DEFINITIONS = import.meta.glob<string>('/node_modules/@rocket.chat/apps-engine/definition/**/*.d.ts', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/**
 * The real `@rocket.chat/ui-kit` 1.0.0 types (what `import { ... } from '@rocket.chat/ui-kit'` and
 * the four Apps-Engine definitions that import it resolve to; ~57 KB of `.d.ts`), and the one
 * package they import, `@rocket.chat/icons` (its icon names). Bundled with the editor chunk.
 */
const UI_KIT = import.meta.glob<string>(['/node_modules/@rocket.chat/ui-kit/dist/**/*.d.ts', '!**/jest-setup.d.ts'], {
  query: '?raw',
  import: 'default',
  eager: true,
});
const ICONS = import.meta.glob<string>('/node_modules/@rocket.chat/icons/dist/index.d.ts', { query: '?raw', import: 'default', eager: true });

/** Entry points where the worker's module resolution looks for the two packages, and `node:url`. */
const ENTRIES: Record<string, string> = {
  'file:///node_modules/@rocket.chat/ui-kit/index.d.ts': "export * from './dist/index';",
  'file:///node_modules/@rocket.chat/icons/index.d.ts': "export * from './dist/index';",
  'file:///node_modules/@types/hookscope-node-url/index.d.ts': [
    "declare module 'node:url' {",
    '  const URL: typeof globalThis.URL;',
    '  type URL = globalThis.URL;',
    '  export { URL };',
    '}',
  ].join('\n'),
};

/** Every `.d.ts` the editor's TypeScript worker gets, by the file URI it is served under. */
export function editorTypeLibs(): { filePath: string; content: string }[] {
  const libs = [DEFINITIONS, UI_KIT, ICONS].flatMap((files) => Object.entries(files).map(([path, content]) => ({ filePath: `file://${path}`, content })));
  for (const [filePath, content] of Object.entries(ENTRIES)) libs.push({ filePath, content });
  return libs;
}
