/**
 * Renders a logged value as a {@link Preview}: display-only, bounded in depth and length, safe on
 * cycles, proxies and throwing getters. Never keeps a reference to the value.
 */
import type { Preview } from '../protocol/runtime-protocol.ts';
import { constructorName } from './errors.ts';
import { rewriteStack } from './stack.ts';

export interface PreviewLimits {
  depth: number;
  items: number;
  stringLength: number;
}

export const DEFAULT_LIMITS: PreviewLimits = { depth: 5, items: 50, stringLength: 10_000 };

function str(s: string, limits: PreviewLimits): Preview {
  if (s.length <= limits.stringLength) return { t: 'str', v: s };
  return { t: 'str', v: `${s.slice(0, limits.stringLength)}… (${s.length - limits.stringLength} more characters)` };
}

function fnName(f: unknown): string {
  try {
    const n = (f as { name?: unknown }).name;
    return typeof n === 'string' && n !== '' ? n : 'anonymous';
  } catch {
    return 'anonymous';
  }
}

export function toPreview(value: unknown, limits: PreviewLimits = DEFAULT_LIMITS): Preview {
  return walk(value, limits, 0, []);
}

function walk(value: unknown, limits: PreviewLimits, depth: number, ancestors: object[]): Preview {
  switch (typeof value) {
    case 'string':
      return str(value, limits);
    case 'number':
      return { t: 'num', v: Object.is(value, -0) ? '-0' : String(value) };
    case 'bigint':
      return { t: 'num', v: `${value}n` };
    case 'boolean':
      return { t: 'bool', v: value };
    case 'undefined':
      return { t: 'undef' };
    case 'symbol':
      return { t: 'sym', v: value.toString() };
    case 'function':
      return { t: 'fn', name: fnName(value) };
    default:
      break;
  }
  if (value === null) return { t: 'null' };
  const obj = value as object;
  if (ancestors.includes(obj)) return { t: 'cycle' };
  try {
    if (obj instanceof Date) {
      const time = obj.getTime();
      return { t: 'date', v: Number.isNaN(time) ? 'Invalid Date' : obj.toISOString() };
    }
    if (obj instanceof Error) {
      const p: Preview = { t: 'err', className: constructorName(obj), message: String(obj.message) };
      if (typeof obj.stack === 'string') p.stack = rewriteStack(obj.stack);
      return p;
    }
    if (depth >= limits.depth) return { t: 'trunc' };
    ancestors.push(obj);
    try {
      return container(obj, limits, depth, ancestors);
    } finally {
      ancestors.pop();
    }
  } catch (e) {
    return { t: 'str', v: `[unreadable value: ${e instanceof Error ? e.message : 'error'}]` };
  }
}

function container(obj: object, limits: PreviewLimits, depth: number, ancestors: object[]): Preview {
  const next = (v: unknown): Preview => walk(v, limits, depth + 1, ancestors);
  if (Array.isArray(obj)) {
    const items = obj.slice(0, limits.items).map(next);
    return { t: 'arr', items, more: Math.max(0, obj.length - limits.items) };
  }
  if (obj instanceof Map) {
    const entries: [Preview, Preview][] = [];
    for (const [k, v] of obj) {
      if (entries.length >= limits.items) break;
      entries.push([next(k), next(v)]);
    }
    return { t: 'map', entries, more: Math.max(0, obj.size - entries.length) };
  }
  if (obj instanceof Set) {
    const items: Preview[] = [];
    for (const v of obj) {
      if (items.length >= limits.items) break;
      items.push(next(v));
    }
    return { t: 'set', items, more: Math.max(0, obj.size - items.length) };
  }
  const keys = Object.keys(obj);
  const entries: [string, Preview][] = [];
  for (const key of keys.slice(0, limits.items)) {
    let v: Preview;
    try {
      v = next((obj as Record<string, unknown>)[key]);
    } catch (e) {
      v = { t: 'str', v: `[getter threw: ${e instanceof Error ? e.message : String(e)}]` };
    }
    entries.push([key, v]);
  }
  const proto = Object.getPrototypeOf(obj) as unknown;
  const className = proto === null ? 'Object' : constructorName(obj);
  return { t: 'obj', className, entries, more: Math.max(0, keys.length - entries.length) };
}
