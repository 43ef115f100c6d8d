/**
 * Share links: JSON -> zlib (fflate) -> base64url, in the URL fragment (`#share=v1.<data>`), so
 * it never reaches a server. The binary is a 4-byte big-endian length of the zlib stream, then
 * the stream: a cut-off link is caught by its length, a damaged one by zlib's Adler-32 check.
 * Decoding never throws: it answers what is wrong, in words a user can act on.
 */
import { strFromU8, strToU8, Unzlib, zlibSync } from 'fflate';

export const SHARE_VERSION = 1;
export const SHARE_PREFIX = 'share=';

/**
 * hookscope's own limits for what a link may carry (a link comes from a stranger). The token is
 * measured before anything is decoded; the data is measured while it decompresses, so a small
 * link that would unpack to hundreds of MB is stopped after the first {@link SHARE_SIZE_LIMITS.json} bytes.
 */
export const SHARE_SIZE_LIMITS = { token: 8_000_000, json: 32 * 1024 * 1024 } as const;
/** Compressed bytes handed to the decompressor at a time (deflate expands a byte at most ~1032 times). */
const INFLATE_SLICE = 4096;

const mb = (n: number) => `${Math.round((n / 1024 / 1024) * 10) / 10} MB`;

class TooLarge extends Error {}

/** Decompresses a zlib stream, stopping as soon as the output passes `limit` bytes. */
export function inflateWithLimit(body: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const stream = new Unzlib((chunk) => {
    size += chunk.length;
    if (size > limit) throw new TooLarge();
    chunks.push(chunk);
  });
  for (let at = 0; at < body.length; at += INFLATE_SLICE) stream.push(body.subarray(at, at + INFLATE_SLICE), at + INFLATE_SLICE >= body.length);
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export type DecodeOutcome = { ok: true; json: unknown } | { ok: false; problem: string };

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += B64[a >> 2]! + B64[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += B64[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += B64[c & 63]!;
  }
  return out;
}

/** Null when the text has a character base64url does not use. */
export function fromBase64Url(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of text) {
    const v = B64_INDEX.get(ch);
    if (v === undefined) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** `v1.<data>` for any JSON value. */
export function encodeShare(json: unknown): string {
  const zipped = zlibSync(strToU8(JSON.stringify(json)), { level: 9 });
  const bytes = new Uint8Array(4 + zipped.length);
  new DataView(bytes.buffer).setUint32(0, zipped.length);
  bytes.set(zipped, 4);
  return `v${SHARE_VERSION}.${toBase64Url(bytes)}`;
}

/** The `v1.<data>` part of a URL fragment (with or without `#`), or null if it is not a share link. */
export function shareTokenOf(hash: string): string | null {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  return h.startsWith(SHARE_PREFIX) ? h.slice(SHARE_PREFIX.length) : null;
}

export function decodeShare(token: string): DecodeOutcome {
  const text = token.trim();
  const m = /^v(\d+)\.(.*)$/s.exec(text);
  if (!m) return { ok: false, problem: 'This is not a hookscope link: it should start with "#share=v1.".' };
  const version = Number(m[1]);
  if (version > SHARE_VERSION)
    return {
      ok: false,
      problem: `This link was made by a newer version of hookscope (format v${version}); this page reads v${SHARE_VERSION}. Open it with an up-to-date hookscope.`,
    };
  if (version < 1) return { ok: false, problem: `This is not a hookscope link: unknown format v${version}.` };
  const data = m[2]!;
  if (data.length > SHARE_SIZE_LIMITS.token)
    return { ok: false, problem: `This link is too long: ${mb(data.length)} of data, hookscope opens links up to ${mb(SHARE_SIZE_LIMITS.token)}.` };
  if (data === '') return { ok: false, problem: 'The link is cut off: it has no data after "v1.".' };
  const bytes = fromBase64Url(data);
  if (!bytes) {
    const bad = [...data].find((c) => !B64_INDEX.has(c)) ?? '';
    return { ok: false, problem: `This is not a hookscope link: it contains ${JSON.stringify(bad)}, which a share link never has (was it edited?).` };
  }
  if (bytes.length < 4) return { ok: false, problem: `The link is cut off: it has ${bytes.length} bytes, not even the header.` };
  const expected = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
  const body = bytes.subarray(4);
  if (body.length < expected)
    return { ok: false, problem: `The link is cut off: expected ${expected} bytes of data, got ${body.length}. Copy the whole link again.` };
  if (body.length > expected) return { ok: false, problem: `The link is damaged: expected ${expected} bytes of data, got ${body.length}.` };
  let raw: Uint8Array;
  try {
    raw = inflateWithLimit(body, SHARE_SIZE_LIMITS.json);
  } catch (err) {
    if (err instanceof TooLarge)
      return {
        ok: false,
        problem: `This link unpacks to more than ${mb(SHARE_SIZE_LIMITS.json)}, hookscope's limit for a shared workspace; it was not opened.`,
      };
    return { ok: false, problem: `The link is damaged: its data does not decompress (${(err as Error).message}).` };
  }
  // fflate does not check the zlib trailer: compare the Adler-32 ourselves.
  if (new DataView(body.buffer, body.byteOffset + body.length - 4, 4).getUint32(0) !== adler32(raw)) {
    return { ok: false, problem: 'The link is damaged: its checksum does not match (was it edited?).' };
  }
  const textOut = strFromU8(raw);
  try {
    return { ok: true, json: JSON.parse(textOut) };
  } catch {
    return { ok: false, problem: 'The link is damaged: its data is not valid JSON.' };
  }
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; i++) {
    a = (a + bytes[i]!) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}
