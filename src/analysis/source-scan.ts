/**
 * A small structural scanner for TypeScript class files: top-level classes, their members
 * (methods and function-valued properties), parameters, and the `return` statements of a
 * function body that belong to that function (not to nested arrows or `function`s).
 *
 * It works on the text with comments and string contents blanked (offsets kept), so braces in
 * strings and comments do not count. It is not a parser: regular-expression literals containing
 * braces, object-literal types in return annotations and class expressions nested in functions
 * are not understood. The rules in contract-hints.ts only fire on shapes this scanner is sure of.
 */
import { blankCommentsAndStrings } from '../engine/apps/implements.ts';

export interface Range {
  start: number;
  /** Exclusive. */
  end: number;
}

export interface Param {
  name: string;
  /** Type annotation text, trimmed ('' when none). */
  type: string;
  offset: number;
}

export interface Member {
  name: string;
  /** Offset of the name. */
  offset: number;
  params: Param[];
  /** The braces of a block body (`{` .. `}` inclusive), or the expression of an arrow. */
  body: Range | null;
  /** True for `name = (...) => expression` (the expression is the returned value). */
  expressionBody: boolean;
}

export interface ClassInfo {
  name: string;
  offset: number;
  exported: boolean;
  /** `extends` target as written (`App`, `BaseApp`, ...), or null. */
  extendsName: string | null;
  header: Range;
  body: Range;
  members: Member[];
}

export interface ReturnStatement {
  offset: number;
  /** End of the statement (exclusive, before any `;`). */
  end: number;
  /** The returned expression as written (first line of it), '' for a bare `return`. */
  expression: string;
}

const IDENT = /[A-Za-z_$][\w$]*/y;

export function blank(source: string): string {
  return blankCommentsAndStrings(source);
}

/** Index of the bracket closing the one at `open` (same kind), or text length if unbalanced. */
export function matchBracket(text: string, open: number): number {
  const o = text[open];
  const c = o === '{' ? '}' : o === '(' ? ')' : ']';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === o) depth++;
    else if (text[i] === c && --depth === 0) return i;
  }
  return text.length;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  return i;
}

/** From `from`, the first `{` not inside () [] <> (a return-type annotation may sit before it). */
function findBodyBrace(text: string, from: number, stop: number): number {
  let nest = 0;
  for (let i = from; i < stop; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '<') nest++;
    else if (ch === ')' || ch === ']' || (ch === '>' && text[i - 1] !== '=')) nest--;
    else if (nest <= 0 && ch === ';') return -1;
    else if (nest <= 0 && ch === '{') return i;
  }
  return -1;
}

export function parseParams(text: string, open: number, close: number): Param[] {
  const params: Param[] = [];
  let start = open + 1;
  let nest = 0;
  for (let i = open + 1; i <= close; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{' || ch === '<') nest++;
    else if (ch === ')' || ch === ']' || ch === '}' || (ch === '>' && text[i - 1] !== '=')) nest--;
    if ((ch === ',' && nest === 0) || i === close) {
      const raw = text.slice(start, i);
      const m = /^\s*(?:(?:public|private|protected|readonly)\s+)*(\.\.\.)?([A-Za-z_$][\w$]*)\s*\??\s*(?::([^=]*))?/.exec(raw);
      if (m?.[2]) {
        const lead = raw.length - raw.trimStart().length;
        params.push({ name: m[2], type: (m[3] ?? '').trim(), offset: start + lead });
      }
      start = i + 1;
    }
  }
  return params;
}

/** Top-level classes of a file (same rule as findImplementsClauses: `class` at brace depth 0). */
export function findClasses(text: string): ClassInfo[] {
  const out: ClassInfo[] = [];
  let depth = 0;
  const classRe = /\bclass\s+([A-Za-z_$][\w$]*)?/y;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0 && c === 'c' && !/[\w$.]/.test(text[i - 1] ?? '')) {
      classRe.lastIndex = i;
      const m = classRe.exec(text);
      if (!m) continue;
      const headerStart = i + m[0].length;
      const open = findBodyBrace(text, headerStart, text.length);
      if (open < 0) continue;
      const close = matchBracket(text, open);
      const header = text.slice(headerStart, open);
      const ext = /\bextends\s+([A-Za-z_$][\w$.]*)/.exec(header);
      const before = text.slice(Math.max(0, i - 40), i);
      out.push({
        name: m[1] ?? 'default',
        offset: m[1] ? i + m[0].length - m[1].length : i,
        exported: /\bexport\s+(?:default\s+)?(?:abstract\s+)?$/.test(before),
        extendsName: ext?.[1] ?? null,
        header: { start: headerStart, end: open },
        body: { start: open, end: close + 1 },
        members: findMembers(text, open, close),
      });
      i = close;
    }
  }
  return out;
}

const MODIFIERS = /(?:(?:public|private|protected|static|async|readonly|override|abstract|declare|get|set)\s+)*\*?\s*/y;

function findMembers(text: string, open: number, close: number): Member[] {
  const members: Member[] = [];
  let nest = 0;
  let atStart = true;
  for (let i = open + 1; i < close; i++) {
    const ch = text[i] ?? '';
    if (nest === 0 && atStart && /[A-Za-z_$]/.test(ch)) {
      atStart = false;
      const member = readMember(text, i, close);
      if (member) {
        members.push(member.member);
        i = member.end - 1;
        continue;
      }
    }
    if (ch === '{' || ch === '(' || ch === '[') nest++;
    else if (ch === '}' || ch === ')' || ch === ']') nest--;
    if (nest === 0 && (ch === ';' || ch === '}' || ch === '\n')) atStart = true;
    else if (!/\s/.test(ch)) atStart = false;
  }
  return members;
}

function readMember(text: string, at: number, stop: number): { member: Member; end: number } | null {
  MODIFIERS.lastIndex = at;
  const mods = MODIFIERS.exec(text);
  let i = at + (mods?.[0].length ?? 0);
  IDENT.lastIndex = i;
  const id = IDENT.exec(text);
  if (!id) return null;
  const name = id[0];
  const nameAt = i;
  i = skipSpace(text, i + name.length);
  if (text[i] === '?' || text[i] === '!') i = skipSpace(text, i + 1);
  if (text[i] === '<') {
    const gt = text.indexOf('>', i);
    if (gt < 0) return null;
    i = skipSpace(text, gt + 1);
  }
  if (text[i] === '(') {
    const pClose = matchBracket(text, i);
    const params = parseParams(text, i, pClose);
    const brace = findBodyBrace(text, pClose + 1, stop);
    if (brace < 0) return { member: { name, offset: nameAt, params, body: null, expressionBody: false }, end: pClose + 1 };
    const bClose = matchBracket(text, brace);
    return { member: { name, offset: nameAt, params, body: { start: brace, end: bClose + 1 }, expressionBody: false }, end: bClose + 1 };
  }
  if (text[i] === '=' && text[i + 1] !== '=') {
    return readFunctionProperty(text, name, nameAt, skipSpace(text, i + 1), stop);
  }
  return null;
}

/** `name = async (a, b) => { ... }` / `=> expr` / `= function (...) { ... }`. */
function readFunctionProperty(text: string, name: string, nameAt: number, i: number, stop: number): { member: Member; end: number } | null {
  let j = i;
  if (/^async\b/.test(text.slice(j, j + 6))) j = skipSpace(text, j + 5);
  if (/^function\b/.test(text.slice(j, j + 9))) {
    const p = text.indexOf('(', j);
    if (p < 0 || p >= stop) return null;
    j = p;
  }
  let params: Param[] = [];
  if (text[j] === '(') {
    const pClose = matchBracket(text, j);
    params = parseParams(text, j, pClose);
    j = pClose + 1;
  } else {
    IDENT.lastIndex = j;
    const single = IDENT.exec(text);
    if (!single) return null;
    params = [{ name: single[0], type: '', offset: j }];
    j += single[0].length;
  }
  const brace = findBodyBrace(text, j, stop);
  const arrow = text.indexOf('=>', j);
  if (arrow >= 0 && arrow < stop && (brace < 0 || arrow < brace)) {
    const k = skipSpace(text, arrow + 2);
    if (text[k] === '{') {
      const bClose = matchBracket(text, k);
      return { member: { name, offset: nameAt, params, body: { start: k, end: bClose + 1 }, expressionBody: false }, end: bClose + 1 };
    }
    const end = expressionEnd(text, k, stop);
    return { member: { name, offset: nameAt, params, body: { start: k, end }, expressionBody: true }, end };
  }
  if (brace < 0) return null;
  const bClose = matchBracket(text, brace);
  return { member: { name, offset: nameAt, params, body: { start: brace, end: bClose + 1 }, expressionBody: false }, end: bClose + 1 };
}

/** End of an expression starting at `from`: a `;`, `,` or closing bracket at nesting 0, or a newline. */
function expressionEnd(text: string, from: number, stop: number): number {
  let nest = 0;
  for (let i = from; i < stop; i++) {
    const ch = text[i];
    if (ch === '{' || ch === '(' || ch === '[') nest++;
    else if (ch === '}' || ch === ')' || ch === ']') {
      if (nest === 0) return i;
      nest--;
    } else if (nest === 0 && (ch === ';' || ch === ',' || ch === '\n')) return i;
  }
  return stop;
}

/** Ranges of functions nested in `body` (arrow block bodies and `function` bodies). */
export function nestedFunctionRanges(text: string, body: Range): Range[] {
  const ranges: Range[] = [];
  const inner = text.slice(body.start + 1, body.end - 1);
  const base = body.start + 1;
  const re = /=>\s*\{|\bfunction\b[^(]*\(/g;
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    let open: number;
    if (m[0].startsWith('=>')) {
      open = base + m.index + m[0].length - 1;
    } else {
      const pClose = matchBracket(text, base + m.index + m[0].length - 1);
      open = findBodyBrace(text, pClose + 1, body.end);
      if (open < 0) continue;
    }
    const close = matchBracket(text, open);
    ranges.push({ start: open, end: close + 1 });
    re.lastIndex = close + 1 - base;
  }
  return ranges;
}

/** The `return` statements of a block body that belong to the function itself. */
export function ownReturns(text: string, source: string, body: Range): ReturnStatement[] {
  const nested = nestedFunctionRanges(text, body);
  const out: ReturnStatement[] = [];
  const re = /\breturn\b/g;
  re.lastIndex = body.start;
  for (let m = re.exec(text); m && m.index < body.end; m = re.exec(text)) {
    const at = m.index;
    if (nested.some((r) => at >= r.start && at < r.end)) continue;
    if (/[\w$.]/.test(text[at - 1] ?? '')) continue;
    const from = at + m[0].length;
    let end = from;
    let nest = 0;
    for (; end < body.end; end++) {
      const ch = text[end];
      if (ch === '{' || ch === '(' || ch === '[') nest++;
      else if (ch === '}' || ch === ')' || ch === ']') {
        if (nest === 0) break;
        nest--;
      } else if (nest === 0 && (ch === ';' || ch === '\n')) break;
    }
    out.push({ offset: at, end, expression: source.slice(from, end).trim() });
  }
  return out;
}

/** Offset -> 1-based line and column. */
export function positionAt(source: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
  };
}
