/**
 * `implements` detection: hookscope's `implementedInterfaces` (src/engine/apps/implements.ts)
 * against the manifest the real apps compiler writes (`implements` in app.json: the compiler's
 * list filtered through AppInterface), on the class files of `implements-corpus/` (regex
 * literals, strings and comments holding braces, several classes, export default, decorators,
 * generics, namespaced names...). Compared as sets (the engine reads the list as a set).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { implementedInterfaces } from '../src/engine/apps/implements.ts';
import { fidelityRoot } from './deno/setup.mjs';
import { compileApp } from './real/compile.ts';

/**
 * Class files whose `implements` hookscope is known to read differently from the real compiler,
 * with the reason and the spec section. Empty: the regex-literal file (RegexLiterals.ts) agrees
 * since hookscope reads class files with a real parser (src/engine/apps/implements.ts).
 */
export const KNOWN_IMPLEMENTS_DIFFERENCES: Record<string, { issue: string; reason: string; spec: string }> = {};

export interface ImplementsReport {
  files: number;
  differences: { file: string; hookscope: string[]; real: string[]; compilerList: string[]; known: string | null }[];
  results: { file: string; hookscope: string[]; real: string[] }[];
}

export async function checkImplementsCorpus(): Promise<ImplementsReport> {
  const dir = join(fidelityRoot, 'implements-corpus');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .sort();
  const report: ImplementsReport = { files: files.length, differences: [], results: [] };
  for (const file of files) {
    const text = readFileSync(join(dir, file), 'utf8');
    const h = createHash('sha256').update(file).digest('hex');
    const id = `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
    const compiled = await compileApp({ id, name: file, nameSlug: `corpus-${h.slice(0, 6)}`, classFile: file, files: { [file]: text } });
    const real = [...new Set(compiled.manifestImplements)].sort();
    const hookscope = [...new Set(implementedInterfaces(text))].sort();
    report.results.push({ file, hookscope, real });
    if (JSON.stringify(real) !== JSON.stringify(hookscope)) {
      report.differences.push({ file, hookscope, real, compilerList: compiled.implemented, known: KNOWN_IMPLEMENTS_DIFFERENCES[file] ? file : null });
    }
  }
  return report;
}
