/**
 * The TypeScript language service setup for Apps-Engine apps: the real
 * `@rocket.chat/apps-engine` 1.66 type definitions (274 `.d.ts`, bundled with the editor
 * chunk, not fetched) and the compiler options of the tsconfig that `rc-apps create` writes
 * (Rocket.Chat.Apps-cli `src/templates/app/tsConfigTemplate.ts`: target es2017, module
 * commonjs, moduleResolution node, noImplicitAny false, strictNullChecks, noImplicitReturns,
 * experimentalDecorators, emitDecoratorMetadata).
 */
import type * as TS from 'monaco-editor/languages/features/typescript/register';

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

export function configureTypeScript(ts: typeof TS): void {
  const options: TS.CompilerOptions = {
    target: ts.ScriptTarget.ES2017,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    noImplicitAny: false,
    strictNullChecks: true,
    noImplicitReturns: true,
    experimentalDecorators: true,
    emitDecoratorMetadata: true,
    allowNonTsExtensions: true,
    allowJs: true,
    esModuleInterop: true,
  };
  const libs = editorTypeLibs();
  for (const defaults of [ts.typescriptDefaults, ts.javascriptDefaults]) {
    defaults.setCompilerOptions(options);
    defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
    defaults.setExtraLibs(libs);
    // Every model reaches the worker, so an app's helper files resolve by relative import.
    defaults.setEagerModelSync(true);
  }
}
