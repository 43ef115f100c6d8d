import { describe, expect, it } from 'vitest';
import { minimalEdit } from './models.ts';
import { appRootOf, editorPath, languageOf } from './paths.ts';

describe('minimalEdit (external updates keep the cursor where it is)', () => {
  it('no edit for the same content', () => {
    expect(minimalEdit('abc', 'abc')).toBeNull();
  });
  it('replaces only the changed middle', () => {
    expect(minimalEdit('const a = 1;\nreturn a;', 'const a = 2;\nreturn a;')).toEqual({ start: 10, end: 11, text: '2' });
    expect(minimalEdit('abc', 'abXbc')).toEqual({ start: 2, end: 2, text: 'Xb' });
    expect(minimalEdit('aaaa', 'aa')).toEqual({ start: 2, end: 4, text: '' });
    expect(minimalEdit('', 'x')).toEqual({ start: 0, end: 0, text: 'x' });
  });
});

describe('paths', () => {
  it('one model path per (app, file)', () => {
    expect(editorPath('banned', 'lib/text.ts')).toBe('file:///apps/banned/lib/text.ts');
    expect(appRootOf('file:///apps/banned/lib/text.ts')).toBe('file:///apps/banned/');
    expect(appRootOf('apps/x/A.ts')).toBe('file:///apps/x/');
    expect([languageOf('A.ts'), languageOf('a.js'), languageOf('app.json'), languageOf('README')]).toEqual(['typescript', 'javascript', 'json', 'plaintext']);
  });
});
