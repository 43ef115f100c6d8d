import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { defaultWorkspace } from '../workspace/default-workspace.ts';
import { serializeWorkspace } from '../workspace/workspace-file.ts';
import { readWorkspace } from '../workspace/workspace-read.ts';
import { decodeShare, encodeShare, inflateWithLimit, SHARE_SIZE_LIMITS, toBase64Url } from './codec.ts';
import { buildSharePayload } from './payload.ts';
import { readShareToken } from './payload-read.ts';

/** A token for arbitrary bytes of JSON text (what a crafted link carries). */
function tokenOf(text: Uint8Array): string {
  const zipped = zlibSync(text, { level: 1 });
  const bytes = new Uint8Array(4 + zipped.length);
  new DataView(bytes.buffer).setUint32(0, zipped.length);
  bytes.set(zipped, 4);
  return `v1.${toBase64Url(bytes)}`;
}

function linkWith(change: (workspace: Record<string, unknown>) => void): string {
  const payload = buildSharePayload(defaultWorkspace(), null) as unknown as { workspace: Record<string, unknown> };
  change(payload.workspace);
  return encodeShare(payload);
}

describe('crafted share links are refused with their reason', () => {
  it('a small link that unpacks to more than the limit is stopped while it decompresses', { timeout: 120_000 }, () => {
    const huge = new Uint8Array(SHARE_SIZE_LIMITS.json + 1024 * 1024).fill(0x20);
    const token = tokenOf(huge);
    // (compressing 33 MB in the test is the slow part on a busy machine)
    expect(token.length).toBeLessThan(200_000);
    const out = decodeShare(token);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problem).toMatch(/unpacks to more than 32 MB/);
  });

  it('the decompressor itself never holds more than the limit', () => {
    const zipped = zlibSync(new Uint8Array(5_000_000), { level: 9 });
    expect(() => inflateWithLimit(zipped, 1_000_000)).toThrow();
    expect(inflateWithLimit(zipped, 5_000_000).length).toBe(5_000_000);
  });

  it('a link longer than the limit is refused before it is decoded', () => {
    const out = decodeShare(`v1.${'A'.repeat(SHARE_SIZE_LIMITS.token + 1)}`);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problem).toMatch(/too long/);
  });

  it('world entries of the wrong types are refused with the path of the problem', () => {
    const token = linkWith((ws) => {
      const world = ws['world'] as { rooms: unknown[] };
      world.rooms[0] = null;
    });
    const read = readShareToken(token);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(/world\.rooms\[0\]/);
  });

  it('a room whose name is not text is refused (the page reads slugifiedName)', () => {
    const token = linkWith((ws) => {
      const world = ws['world'] as { rooms: Record<string, unknown>[]; users: unknown };
      world.rooms[1]!['slugifiedName'] = { nested: true };
      world.users = 'nobody' as never;
    });
    const read = readShareToken(token);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(/world\.(users|rooms\[1\]\.slugifiedName)/);
  });

  it('action drafts of the wrong types are refused', () => {
    const token = linkWith((ws) => {
      ws['drafts'] = { joinRoom: { action: 'joinRoom', room: null, user: 3 } };
    });
    const read = readShareToken(token);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(/drafts\.joinRoom\.room/);
  });

  it('__proto__ and constructor keys in the world are refused or dropped, never applied', () => {
    const text = serializeWorkspace(defaultWorkspace()).replace(
      '"serverSettings":{',
      '"serverSettings":{"constructor":{"polluted":1},"__proto__":{"polluted":1},',
    );
    const read = readWorkspace(text);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(/world\.serverSettings\.constructor/);
    const onlyProto = readWorkspace(serializeWorkspace(defaultWorkspace()).replace('"serverSettings":{', '"serverSettings":{"__proto__":{"polluted":1},'));
    expect(onlyProto.ok).toBe(true);
    if (onlyProto.ok) expect(Object.getPrototypeOf(onlyProto.workspace.world.serverSettings)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('a workspace that is whole still opens, with its dates back as Dates', () => {
    const read = readWorkspace(serializeWorkspace(defaultWorkspace()));
    expect(read.ok).toBe(true);
    if (read.ok) expect(read.workspace.world.users[0]?.createdAt).toBeInstanceOf(Date);
    expect(readShareToken(encodeShare(buildSharePayload(defaultWorkspace(), null))).ok).toBe(true);
  });
});
