/**
 * The lazily loaded Monaco bundle: the editor core with its features, the TypeScript /
 * JavaScript / JSON languages only (not Monaco's 80 others), the workers and the Apps-Engine
 * types. Imported only through loadMonaco(), so it stays off the first paint.
 */
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/typescript/register';
import 'monaco-editor/languages/definitions/javascript/register';
import 'monaco-editor/languages/features/json/register';
import * as typescript from 'monaco-editor/languages/features/typescript/register';
import { configureTypeScript } from './apps-engine-types.ts';
import { installMonacoEnvironment } from './monaco-env.ts';

installMonacoEnvironment();
/** Resolves once the Apps-Engine types are in the TypeScript worker (true), or could not load (false). */
const typesReady = configureTypeScript(typescript);

export { monaco, typescript, typesReady };
