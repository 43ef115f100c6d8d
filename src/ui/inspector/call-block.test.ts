import { describe, expect, it } from 'vitest';
import { durationText } from './CallBlock.tsx';

describe('durationText: cold start apart from handler time', () => {
  it('a warm call shows its own time', () => expect(durationText({ durationMs: 3.2 })).toBe('3 ms'));
  it('a call that waited for the app to load shows both', () => expect(durationText({ durationMs: 3, loadMs: 410 })).toBe('load 410 ms · call 3 ms'));
  it('the first call of a fresh runtime says so', () => expect(durationText({ durationMs: 456, firstCall: true })).toBe('456 ms (first call)'));
  it('sub-millisecond and seconds', () => expect(durationText({ durationMs: 0.2, loadMs: 1500 })).toBe('load 1.5 s · call <1 ms'));
});
