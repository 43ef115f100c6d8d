/** Renders a logged value's Preview as one line of text, like a console would. */
import type { Preview } from '../protocol/runtime-protocol.ts';

export function previewText(p: Preview, top = true): string {
  switch (p.t) {
    case 'str':
      return top ? p.v : JSON.stringify(p.v);
    case 'num':
      return p.v;
    case 'bool':
      return String(p.v);
    case 'null':
      return 'null';
    case 'undef':
      return 'undefined';
    case 'date':
      return p.v;
    case 'fn':
      return `[Function ${p.name || '(anonymous)'}]`;
    case 'sym':
      return p.v;
    case 'err':
      return `${p.className}: ${p.message}`;
    case 'arr':
      return `[${p.items.map((i) => previewText(i, false)).join(', ')}${p.more ? `, … ${p.more} more` : ''}]`;
    case 'set':
      return `Set(${p.items.length + p.more}) {${p.items.map((i) => previewText(i, false)).join(', ')}${p.more ? ', …' : ''}}`;
    case 'map':
      return `Map(${p.entries.length + p.more}) {${p.entries.map(([k, v]) => `${previewText(k, false)} => ${previewText(v, false)}`).join(', ')}${p.more ? ', …' : ''}}`;
    case 'obj': {
      const body = p.entries.map(([k, v]) => `${k}: ${previewText(v, false)}`).join(', ');
      const prefix = p.className && p.className !== 'Object' ? `${p.className} ` : '';
      return `${prefix}{${body ? ` ${body}${p.more ? `, … ${p.more} more` : ''} ` : p.more ? ` … ${p.more} more ` : ''}}`;
    }
    case 'cycle':
      return '[Circular]';
    case 'trunc':
      return '…';
  }
}
