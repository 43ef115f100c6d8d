/** The TypeScript that Monaco's worker runs, for tests that type-check with exactly it (untyped in the package). */
declare module 'monaco-editor/languages/features/typescript/lib/typescriptServices.js' {
  export const typescript: any;
}
declare module 'monaco-editor/languages/features/typescript/lib/lib.js' {
  export const libFileMap: Record<string, string>;
}
