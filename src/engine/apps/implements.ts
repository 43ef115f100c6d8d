/**
 * Which interfaces an app implements, read from its main class file the way the Apps compiler
 * does (Rocket.Chat.Apps-compiler `TypescriptCompiler.getImplementedInterfaces`): every top-level
 * class declaration of the class file, each entry of its `implements` clause by its source text,
 * kept only if it names an Apps-Engine interface. A method written without the matching
 * `implements` entry is therefore never called (spec section 2).
 */
import { AppInterface } from '@rocket.chat/apps-engine/definition/metadata/AppInterface.js';

export interface ImplementsClause {
  className: string;
  /** Entries as written (`IPreRoomCreatePrevent`, `ns.IFoo`, ...). */
  entries: { text: string; line: number; valid: boolean }[];
  line: number;
}

/** Replaces comments and string/template contents with spaces, keeping offsets and newlines. */
export function blankCommentsAndStrings(src: string): string {
  const out = src.split('');
  let i = 0;
  const blank = (from: number, to: number) => {
    for (let k = from; k < to && k < out.length; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  while (i < src.length) {
    const c = src[i];
    const d = src[i + 1];
    if (c === '/' && d === '/') {
      const end = src.indexOf('\n', i);
      const stop = end < 0 ? src.length : end;
      blank(i, stop);
      i = stop;
    } else if (c === '/' && d === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\') j++;
        else if (c !== '`' && src[j] === '\n') break;
        j++;
      }
      blank(i + 1, j);
      i = j + 1;
    } else {
      i++;
    }
  }
  return out.join('');
}

function lineAt(src: string, offset: number): number {
  let line = 1;
  for (let k = 0; k < offset && k < src.length; k++) if (src[k] === '\n') line++;
  return line;
}

const VALID = new Set<string>(Object.keys(AppInterface));

export function isAppInterface(name: string): boolean {
  return VALID.has(name);
}

/** All top-level classes of a file with their `implements` clauses. */
export function findImplementsClauses(source: string): ImplementsClause[] {
  const src = blankCommentsAndStrings(source);
  const clauses: ImplementsClause[] = [];
  let depth = 0;
  const classRe = /\bclass\s+([A-Za-z_$][\w$]*)?/y;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === 'c' && (i === 0 || !/[\w$.]/.test(src[i - 1] ?? ''))) {
      classRe.lastIndex = i;
      const m = classRe.exec(src);
      if (!m) continue;
      const header = readHeader(src, i + m[0].length);
      clauses.push({
        className: m[1] ?? 'default',
        line: lineAt(source, i),
        entries: header.implementsEntries.map((e) => ({ text: e.text, line: lineAt(source, e.offset), valid: VALID.has(e.text) })),
      });
      i = header.bodyStart - 1;
    }
  }
  return clauses;
}

/** Reads `extends X<..> implements A, B<..>` up to the class body's `{` (not inside <> or ()). */
function readHeader(src: string, from: number): { implementsEntries: { text: string; offset: number }[]; bodyStart: number } {
  let nest = 0;
  let j = from;
  for (; j < src.length; j++) {
    const ch = src[j];
    if (ch === '<' || ch === '(' || ch === '[') nest++;
    else if (ch === '>' || ch === ')' || ch === ']') nest--;
    else if (ch === '{' && nest <= 0) break;
  }
  const header = src.slice(from, j);
  const m = /\bimplements\b/.exec(header);
  const entries: { text: string; offset: number }[] = [];
  if (m) {
    let start = m.index + m[0].length;
    let level = 0;
    for (let k = start; k <= header.length; k++) {
      const ch = header[k];
      if (ch === '<' || ch === '(') level++;
      else if (ch === '>' || ch === ')') level--;
      if ((ch === ',' && level === 0) || k === header.length) {
        const raw = header.slice(start, k);
        const text = raw.trim().replace(/\s+/g, ' ');
        if (text) entries.push({ text, offset: from + start + raw.indexOf(text.charAt(0)) });
        start = k + 1;
      }
    }
  }
  return { implementsEntries: entries, bodyStart: j };
}

/** The valid interface names the apps compiler would put in the manifest's `implements`. */
export function implementedInterfaces(classFileSource: string): string[] {
  const out: string[] = [];
  for (const clause of findImplementsClauses(classFileSource)) {
    for (const entry of clause.entries) if (entry.valid && !out.includes(entry.text)) out.push(entry.text);
  }
  return out;
}
