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

/** Four definitions import `@rocket.chat/ui-kit` (not a dependency of the package) and one `node:url`. */
const STUBS: Record<string, string> = {
  'file:///node_modules/@rocket.chat/ui-kit/index.d.ts': [
    '// hookscope stub: @rocket.chat/ui-kit is not bundled; its block types are left open.',
    'export type Block = any;',
    'export type LayoutBlock = any;',
    'export type ButtonElement = any;',
    'export type TextObject = any;',
  ].join('\n'),
  'file:///node_modules/@types/hookscope-node-url/index.d.ts': [
    "declare module 'node:url' {",
    '  const URL: typeof globalThis.URL;',
    '  type URL = globalThis.URL;',
    '  export { URL };',
    '}',
  ].join('\n'),
};

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
  const libs = Object.entries(DEFINITIONS).map(([path, content]) => ({ filePath: `file://${path}`, content }));
  for (const [filePath, content] of Object.entries(STUBS)) libs.push({ filePath, content });
  for (const defaults of [ts.typescriptDefaults, ts.javascriptDefaults]) {
    defaults.setCompilerOptions(options);
    defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
    defaults.setExtraLibs(libs);
    // Every model reaches the worker, so an app's helper files resolve by relative import.
    defaults.setEagerModelSync(true);
  }
}
