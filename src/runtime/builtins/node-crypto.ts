/**
 * `require('crypto')` for app code: the parts of Node's crypto module apps use, on @noble/hashes
 * and the realm's Web Crypto (spec 7.3): createHash / createHmac (md5, sha1, sha256, sha384,
 * sha512), randomBytes, randomUUID, randomInt, getRandomValues, timingSafeEqual, webcrypto.
 * Everything else throws a message naming what is missing.
 */
import { Buffer } from 'buffer';
import { hmac } from '@noble/hashes/hmac.js';
import type { CHash } from '@noble/hashes/utils.js';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

type Hasher = CHash;
const ALGORITHMS: Record<string, Hasher> = { md5, sha1, sha224, sha256, sha384, sha512 };

type Encoding = 'hex' | 'base64' | 'base64url' | 'latin1' | 'binary' | 'utf8';

function algorithm(name: unknown): Hasher {
  const key = String(name).toLowerCase().replace(/^sha-/, 'sha');
  const fn = ALGORITHMS[key];
  if (!fn) throw new Error(`Digest method not supported: ${String(name)} (hookscope's crypto has ${Object.keys(ALGORITHMS).join(', ')})`);
  return fn;
}

function toBytes(data: unknown, encoding?: string): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, encoding ?? 'utf8');
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new TypeError('The "data" argument must be of type string or an instance of Buffer, TypedArray, or DataView.');
}

function output(bytes: Uint8Array, encoding?: Encoding): Buffer | string {
  const buf = Buffer.from(bytes);
  return encoding === undefined ? buf : buf.toString(encoding);
}

class Digest {
  readonly #chunks: Uint8Array[] = [];
  #done = false;
  constructor(readonly finish: (data: Uint8Array) => Uint8Array) {}
  update(data: unknown, encoding?: string): this {
    if (this.#done) throw new Error('Digest already called');
    this.#chunks.push(toBytes(data, encoding).slice());
    return this;
  }
  digest(encoding?: Encoding): Buffer | string {
    if (this.#done) throw new Error('Digest already called');
    this.#done = true;
    return output(this.finish(Buffer.concat(this.#chunks)), encoding);
  }
}

function webCrypto(): Crypto {
  const c = (globalThis as { crypto?: Crypto }).crypto;
  if (!c) throw new Error('hookscope: the runtime has no crypto global');
  return c;
}

function randomBytes(size: number, callback?: (err: Error | null, buf: Buffer) => void): Buffer | undefined {
  if (!Number.isInteger(size) || size < 0 || size > 2 ** 31 - 1) throw new RangeError(`The value of "size" is out of range. Received ${String(size)}`);
  const out = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) webCrypto().getRandomValues(out.subarray(i, Math.min(size, i + 65536)));
  const buf = Buffer.from(out);
  if (callback) {
    queueMicrotask(() => callback(null, buf));
    return undefined;
  }
  return buf;
}

function randomInt(a: number, b?: number): number {
  const [min, max] = b === undefined ? [0, a] : [a, b];
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max <= min) throw new RangeError('The "max" argument must be greater than "min"');
  const range = max - min;
  const limit = Math.floor(2 ** 48 / range) * range;
  for (;;) {
    const bytes = randomBytes(6) as Buffer;
    const n = bytes.readUIntBE(0, 6);
    if (n < limit) return min + (n % range);
  }
}

const unsupported = (name: string) => () => {
  throw new Error(
    `crypto.${name} is not available in hookscope (available: createHash, createHmac, randomBytes, randomUUID, randomInt, getRandomValues, timingSafeEqual, webcrypto)`,
  );
};

export function createNodeCrypto(): Record<string, unknown> {
  return {
    createHash: (alg: string) => {
      const fn = algorithm(alg);
      return new Digest((data) => fn(data));
    },
    createHmac: (alg: string, key: unknown) => {
      const fn = algorithm(alg);
      const k = toBytes(key).slice();
      return new Digest((data) => hmac(fn, k, data));
    },
    getHashes: () => Object.keys(ALGORITHMS),
    randomBytes,
    pseudoRandomBytes: randomBytes,
    randomUUID: () => webCrypto().randomUUID(),
    randomInt,
    getRandomValues: <T extends ArrayBufferView>(a: T) => webCrypto().getRandomValues(a as never) as T,
    timingSafeEqual: (a: unknown, b: unknown) => {
      const x = toBytes(a);
      const y = toBytes(b);
      if (x.length !== y.length) throw new RangeError('Input buffers must have the same byte length');
      let diff = 0;
      for (let i = 0; i < x.length; i++) diff |= (x[i] ?? 0) ^ (y[i] ?? 0);
      return diff === 0;
    },
    get webcrypto() {
      return webCrypto();
    },
    get subtle() {
      return webCrypto().subtle;
    },
    createCipheriv: unsupported('createCipheriv'),
    createDecipheriv: unsupported('createDecipheriv'),
    createSign: unsupported('createSign'),
    createVerify: unsupported('createVerify'),
    pbkdf2: unsupported('pbkdf2'),
    pbkdf2Sync: unsupported('pbkdf2Sync'),
    scrypt: unsupported('scrypt'),
    scryptSync: unsupported('scryptSync'),
    generateKeyPair: unsupported('generateKeyPair'),
    generateKeyPairSync: unsupported('generateKeyPairSync'),
  };
}
