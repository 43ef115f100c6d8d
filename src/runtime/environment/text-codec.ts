/**
 * TextEncoder / TextDecoder (UTF-8, the only encoding Deno's and browsers' TextEncoder write) for
 * realms that lack them (a Node `vm` context has only JavaScript's own globals). Built on the
 * `buffer` package's UTF-8 codec; TextDecoder also reads utf-16le and latin1 like Buffer does.
 */
import { Buffer } from 'buffer';

const LABELS: Record<string, 'utf8' | 'utf16le' | 'latin1'> = {
  'utf-8': 'utf8',
  utf8: 'utf8',
  'unicode-1-1-utf-8': 'utf8',
  'utf-16le': 'utf16le',
  'utf-16': 'utf16le',
  latin1: 'latin1',
  'iso-8859-1': 'latin1',
  ascii: 'latin1',
  'us-ascii': 'latin1',
  'windows-1252': 'latin1',
};

export class TextEncoderImpl {
  readonly encoding = 'utf-8';
  encode(input = ''): Uint8Array {
    const b = Buffer.from(String(input), 'utf8');
    return new Uint8Array(b.buffer, b.byteOffset, b.byteLength).slice();
  }
  encodeInto(input: string, dest: Uint8Array): { read: number; written: number } {
    const bytes = this.encode(input);
    // Only whole characters: walk back from the cut to a UTF-8 lead byte.
    let n = Math.min(bytes.length, dest.length);
    while (n < bytes.length && n > 0 && ((bytes[n] ?? 0) & 0xc0) === 0x80) n--;
    dest.set(bytes.subarray(0, n));
    const read = Buffer.from(bytes.subarray(0, n)).toString('utf8').length;
    return { read, written: n };
  }
}

export class TextDecoderImpl {
  readonly encoding: string;
  readonly fatal: boolean;
  readonly ignoreBOM: boolean;
  readonly #codec: 'utf8' | 'utf16le' | 'latin1';
  constructor(label = 'utf-8', options: { fatal?: boolean; ignoreBOM?: boolean } = {}) {
    const codec = LABELS[String(label).trim().toLowerCase()];
    if (!codec) throw new RangeError(`The "${String(label)}" encoding is not supported`);
    this.#codec = codec;
    this.encoding = codec === 'utf8' ? 'utf-8' : codec === 'utf16le' ? 'utf-16le' : 'windows-1252';
    this.fatal = options.fatal === true;
    this.ignoreBOM = options.ignoreBOM === true;
  }
  decode(input?: ArrayBuffer | ArrayBufferView): string {
    if (input === undefined) return '';
    const bytes = ArrayBuffer.isView(input) ? Buffer.from(input.buffer as ArrayBuffer, input.byteOffset, input.byteLength) : Buffer.from(input);
    const text = bytes.toString(this.#codec);
    if (this.fatal && this.#codec === 'utf8' && text.includes('\uFFFD') && !Buffer.from(text, 'utf8').equals(bytes)) {
      throw new TypeError('The encoded data was not valid for encoding utf-8');
    }
    return !this.ignoreBOM && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }
}
