import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { breakable } from './breakable.tsx';

const html = (t: string) => renderToStaticMarkup(<p>{breakable(t)}</p>);

describe('breakable', () => {
  it('adds break opportunities inside long camelCase and dotted words only', () => {
    expect(html('threw in executePreRoomCreateExtend: swallowed')).toBe('<p>threw in execute<wbr/>Pre<wbr/>Room<wbr/>Create<wbr/>Extend: swallowed</p>');
    expect(html('added customFields.department.')).toBe('<p>added custom<wbr/>Fields.<wbr/>department.</p>');
  });
  it('leaves short words and plain sentences alone', () => {
    expect(html('The room was created.')).toBe('<p>The room was created.</p>');
    expect(html('getRoom twice')).toBe('<p>getRoom twice</p>');
  });
});
