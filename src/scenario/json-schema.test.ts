import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from './json-schema.ts';

type Node = Record<string, unknown>;

/** Every property of every object in the schema, with its JSON path. */
function properties(node: unknown, path = ''): { path: string; schema: Node }[] {
  if (!node || typeof node !== 'object') return [];
  const n = node as Node;
  const out: { path: string; schema: Node }[] = [];
  for (const [key, value] of Object.entries((n['properties'] as Record<string, Node> | undefined) ?? {})) {
    out.push({ path: `${path}.${key}`, schema: value }, ...properties(value, `${path}.${key}`));
  }
  for (const k of ['anyOf', 'oneOf', 'allOf']) ((n[k] as Node[] | undefined) ?? []).forEach((x, i) => out.push(...properties(x, `${path}|${i}`)));
  if (n['items']) out.push(...properties(n['items'], `${path}[]`));
  if (n['additionalProperties'] && typeof n['additionalProperties'] === 'object') out.push(...properties(n['additionalProperties'], `${path}{}`));
  for (const [k, v] of Object.entries((n['$defs'] as Record<string, Node> | undefined) ?? {})) out.push(...properties(v, `#${k}`));
  return out;
}

describe('the scenario JSON Schema', () => {
  const schema = scenarioJsonSchema();
  it('describes every field, so editors explain what they complete', () => {
    const all = properties(schema);
    expect(all.length).toBeGreaterThan(80);
    expect(all.filter((p) => typeof p.schema['description'] !== 'string' || p.schema['description'] === '').map((p) => p.path)).toEqual([]);
  });
  it('covers apps by path and the newer expect fields', () => {
    const paths = properties(schema).map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        '.apps[].path',
        '.steps[]|0.expect.messages',
        '.steps[]|0.expect.notifications',
        '.steps[]|0.expect.persistence',
        '.steps[]|0.expect.logs',
        '.steps[]|0.expect.notCalled',
      ]),
    );
    const app = properties(schema).find((p) => p.path === '.apps[].path')!.schema;
    expect(app['description']).toMatch(/relative to the scenario file/);
  });
});
