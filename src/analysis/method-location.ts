/**
 * Where a method of an app's main class is in its file (1-based lines), for the editor's step
 * highlight: the member named `method` of the app class (the one extending `App`, else the first
 * exported, else the first class; base classes in the same file after it). Null when the file
 * does not parse or has no such member.
 */
import { findClasses, positionAt } from './source-scan.ts';

export interface MethodLines {
  /** The line of the method's name. */
  line: number;
  /** The line its body ends on (= line when unknown). */
  endLine: number;
}

export function methodLines(source: string, method: string): MethodLines | null {
  let classes;
  try {
    classes = findClasses(source);
  } catch {
    return null;
  }
  const app = classes.find((c) => c.extendsName === 'App') ?? classes.find((c) => c.exported) ?? classes[0];
  const ordered = app ? [app, ...classes.filter((c) => c !== app)] : classes;
  for (const cls of ordered) {
    const member = cls.members.find((m) => m.name === method);
    if (!member) continue;
    const pos = positionAt(source);
    const line = pos(member.offset).line;
    const end = member.fn?.end;
    return { line, endLine: typeof end === 'number' ? Math.max(line, pos(end).line) : line };
  }
  return null;
}
