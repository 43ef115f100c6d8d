/**
 * Text that may wrap inside long code words without breaking them at a random letter: a line
 * break opportunity (<wbr>) after a dot and before each capital that follows a lower-case letter
 * ("execute|Pre|Room|Create|Extend", "customFields.|department"). The text content is unchanged.
 */
import { Fragment, type ReactNode } from 'react';

const SPOT = /(?<=[a-z0-9])(?=[A-Z])|(?<=\.)(?=[A-Za-z])/g;
const LONG_WORD = /\S{16,}/g;

function breakWord(word: string, key: number): ReactNode {
  const parts = word.split(SPOT);
  return (
    <Fragment key={key}>
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          {p}
        </Fragment>
      ))}
    </Fragment>
  );
}

/** Only words of 16+ characters get break opportunities; short text is returned as is. */
export function breakable(text: string): ReactNode {
  if (!LONG_WORD.test(text)) return text;
  LONG_WORD.lastIndex = 0;
  const out: ReactNode[] = [];
  let last = 0;
  let k = 0;
  for (const m of text.matchAll(LONG_WORD)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(breakWord(m[0], k++));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}
