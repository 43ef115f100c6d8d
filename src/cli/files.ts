/** The scenario files a `run` names: plain paths as given, globs expanded (sorted). */
import { glob, isDynamicPattern } from 'tinyglobby';
import { UsageError } from './args.ts';

export async function scenarioFiles(patterns: string[], cwd: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of patterns) {
    if (!isDynamicPattern(p)) {
      out.push(p);
      continue;
    }
    const hits = (await glob([p], { cwd, onlyFiles: true, ignore: ['**/node_modules/**'], expandDirectories: false })).sort();
    if (hits.length === 0) throw new UsageError(`no file matches ${JSON.stringify(p)}`);
    out.push(...hits);
  }
  return [...new Set(out)];
}
