import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare, fromBase64Url, shareTokenOf, toBase64Url } from './codec.ts';

const SAMPLE = { apps: [{ id: 'a', files: { 'A.ts': 'export class A {} // ünïcödé ✓ 🎉' } }], n: [1, 2.5, null, true] };

describe('share codec', () => {
  it('base64url round-trips every length', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      const text = toBase64Url(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(fromBase64Url(text)).toEqual(bytes);
    }
  });

  it('encode/decode round trip equals the original', () => {
    const token = encodeShare(SAMPLE);
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(decodeShare(token)).toEqual({ ok: true, json: SAMPLE });
  });

  it('finds the token in a fragment, and nothing in other fragments', () => {
    expect(shareTokenOf('#share=v1.abc')).toBe('v1.abc');
    expect(shareTokenOf('share=v1.abc')).toBe('v1.abc');
    expect(shareTokenOf('#section-2')).toBeNull();
    expect(shareTokenOf('')).toBeNull();
  });

  it('a truncated link says it is cut off, with the expected and actual byte counts', () => {
    const token = encodeShare({ text: 'x'.repeat(50) + Math.random().toString(36).repeat(30) });
    for (const cut of [10, 20, token.length - 4]) {
      const out = decodeShare(token.slice(0, cut));
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.problem).toMatch(/^The link is cut off: (expected \d+ bytes of data, got \d+|it has \d+ bytes)/);
    }
    expect(decodeShare('v1.')).toEqual({ ok: false, problem: 'The link is cut off: it has no data after "v1.".' });
  });

  it('garbage: not a hookscope link / damaged', () => {
    expect(decodeShare('hello')).toMatchObject({ ok: false, problem: expect.stringMatching(/^This is not a hookscope link/) });
    expect(decodeShare('v1.abc$%')).toMatchObject({ ok: false, problem: expect.stringContaining('"$"') });
    const token = encodeShare(SAMPLE);
    // Same length, one character changed in the middle of the compressed data.
    const i = Math.floor(token.length / 2) + 3;
    const flipped = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    const out = decodeShare(flipped);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.problem).toMatch(/^The link is damaged/);
  });

  it('a newer version says so', () => {
    const token = encodeShare(SAMPLE).replace(/^v1\./, 'v2.');
    expect(decodeShare(token)).toEqual({
      ok: false,
      problem: 'This link was made by a newer version of hookscope (format v2); this page reads v1. Open it with an up-to-date hookscope.',
    });
  });
});
