/**
 * The TypeScript language service setup for Apps-Engine apps: the real
 * `@rocket.chat/apps-engine` 1.66 type definitions (apps-engine-type-libs.ts, their own chunk,
 * added once the editor is live; semantic checks wait for them, so an import never shows as
 * missing meanwhile) and the compiler options of the tsconfig that `rc-apps create` writes
 * (Rocket.Chat.Apps-cli `src/templates/app/tsConfigTemplate.ts`: target es2017, module
 * commonjs, moduleResolution node, noImplicitAny false, strictNullChecks, noImplicitReturns,
 * experimentalDecorators, emitDecoratorMetadata).
 */
import type * as TS from 'monaco-editor/languages/features/typescript/register';
import { editorLiveOr } from './editor-live.ts';
import { npmPackageDeclarations, onNpmPackages } from './npm-package-types.ts';

const NPM_LIB = 'file:///node_modules/@types/hookscope-npm-packages/index.d.ts';

/** The type libraries come this long after the editor's setup at the latest (no editor went live). */
const LIBS_FALLBACK_MS = 3_000;

/**
 * Sets the compiler options now and adds the type libraries once the editor is live; resolves
 * true once they are in (false if their chunk could not load: the editor then has no Apps-Engine types).
 */
export function configureTypeScript(ts: typeof TS): Promise<boolean> {
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
  const both = [ts.typescriptDefaults, ts.javascriptDefaults];
  for (const defaults of both) {
    defaults.setCompilerOptions(options);
    // Semantic checks wait for the type libraries (below): without them every import is "missing".
    defaults.setDiagnosticsOptions({ noSemanticValidation: true, noSyntaxValidation: false });
    // Every model reaches the worker, so an app's helper files resolve by relative import.
    defaults.setEagerModelSync(true);
  }
  return editorLiveOr(LIBS_FALLBACK_MS)
    .then(() => import('./apps-engine-type-libs.ts'))
    .then(({ editorTypeLibs }) => {
      const libs = editorTypeLibs();
      const withNpm = () => [...libs, { content: npmPackageDeclarations(), filePath: NPM_LIB }];
      for (const defaults of both) {
        defaults.setExtraLibs(withNpm());
        defaults.setDiagnosticsOptions({ noSemanticValidation: false, noSyntaxValidation: false });
      }
      onNpmPackages(() => {
        for (const defaults of both) defaults.setExtraLibs(withNpm());
      });
      return true;
    })
    .catch(() => false);
}
