/**
 * Type-checks app code against exactly what the editor's TypeScript worker gets
 * (editorTypeLibs + the compiler options of apps-engine-types.ts), with the TypeScript Monaco
 * runs in that worker: `import ... from '@rocket.chat/ui-kit'` resolves to the real types.
 */
import { describe, expect, it } from 'vitest';
import { libFileMap } from 'monaco-editor/languages/features/typescript/lib/lib.js';
import { typescript as ts } from 'monaco-editor/languages/features/typescript/lib/typescriptServices.js';
import { editorTypeLibs } from './apps-engine-type-libs.ts';

function diagnostics(source: string): string[] {
  const files = new Map<string, string>();
  for (const l of editorTypeLibs()) files.set(l.filePath.replace(/^file:\/\//, ''), l.content);
  files.set('/app/App.ts', source);
  const lib = (name: string) => libFileMap[name.replace(/^\/lib\//, '')];
  const options = {
    target: ts.ScriptTarget.ES2017,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.NodeJs,
    strictNullChecks: true,
    experimentalDecorators: true,
    esModuleInterop: true,
    lib: ['lib.es2017.d.ts', 'lib.dom.d.ts'],
  };
  const host = {
    getSourceFile: (name: string, target: unknown) => {
      const text = files.get(name) ?? lib(name);
      return text === undefined ? undefined : ts.createSourceFile(name, text, target);
    },
    getDefaultLibFileName: () => '/lib/lib.d.ts',
    getDefaultLibLocation: () => '/lib',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/app',
    getCanonicalFileName: (f: string) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name: string) => files.has(name) || lib(name) !== undefined,
    readFile: (name: string) => files.get(name) ?? lib(name),
    directoryExists: (dir: string) => [...files.keys()].some((f) => f.startsWith(dir.endsWith('/') ? dir : `${dir}/`)),
    getDirectories: () => [],
  };
  const program = ts.createProgram(['/app/App.ts'], options, host);
  return ts
    .getPreEmitDiagnostics(program, program.getSourceFile('/app/App.ts'))
    .map((d: { messageText: unknown }) => ts.flattenDiagnosticMessageText(d.messageText, '\n') as string);
}

describe('the editor type-checks @rocket.chat/ui-kit imports with the real types (issue 10)', () => {
  it('values and types from ui-kit are known; a wrong block is an error, as with rc-apps', () => {
    const ok = diagnostics(`import { TextObjectType, LayoutBlock } from '@rocket.chat/ui-kit';
import { IMessageBuilder } from '@rocket.chat/apps-engine/definition/accessors';
export function add(b: IMessageBuilder): void {
    const block: LayoutBlock = { type: 'section', text: { type: TextObjectType.MRKDWN, text: '*hi*' } };
    b.setBlocks([block]);
}
`);
    expect(ok).toEqual([]);
    const wrong = diagnostics(`import { LayoutBlock } from '@rocket.chat/ui-kit';
export const block: LayoutBlock = { type: 'no-such-block' };
`);
    expect(wrong.join('\n')).toMatch(/no-such-block/);
    // Two whole programs (lib.dom included) on a shared 2-core machine: a generous bound, not a speed test.
  }, 180_000);
});
