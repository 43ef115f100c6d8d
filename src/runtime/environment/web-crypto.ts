/**
 * The `crypto` global of a Rocket.Chat app (Web Crypto: getRandomValues, randomUUID, subtle) for
 * realms that lack it. Randomness comes from the host's CSPRNG through `randomBytes` (a primitive:
 * no host object crosses). `subtle` here covers what apps use: digest (SHA-1/256/384/512) and HMAC
 * (importKey raw / generateKey, sign, verify, exportKey raw), on @noble/hashes; every other
 * algorithm rejects with a NotSupportedError that says so.
 */
import { hmac } from '@noble/hashes/hmac.js';
import type { CHash } from '@noble/hashes/utils.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha384, sha512 } from '@noble/hashes/sha2.js';

type Hash = CHash;
const HASHES: Record<string, Hash> = { 'SHA-1': sha1, 'SHA-256': sha256, 'SHA-384': sha384, 'SHA-512': sha512 };

export type RandomBytes = (n: number) => Uint8Array;

function notSupported(what: string): Error {
  const e = new Error(`${what} is not supported by hookscope's crypto.subtle (digest and HMAC are)`);
  e.name = 'NotSupportedError';
  return e;
}

function bytesOf(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError('The data must be an ArrayBuffer or an ArrayBufferView');
}

const toBuffer = (u8: Uint8Array): ArrayBuffer => u8.slice().buffer as ArrayBuffer;

function hashOf(alg: unknown): { name: string; fn: Hash } {
  const name = typeof alg === 'string' ? alg : (alg as { name?: unknown } | null)?.name;
  const key = typeof name === 'string' ? name.toUpperCase() : '';
  const fn = HASHES[key];
  if (!fn) throw notSupported(`The algorithm ${String(name)}`);
  return { name: key, fn };
}

class CryptoKeyImpl {
  readonly type = 'secret';
  constructor(
    readonly algorithm: { name: 'HMAC'; hash: { name: string }; length: number },
    readonly extractable: boolean,
    readonly usages: string[],
    readonly secret: Uint8Array,
  ) {}
}

function hmacParams(alg: unknown): { name: string; fn: Hash } {
  const a = alg as { name?: unknown; hash?: unknown } | null;
  if (typeof a?.name !== 'string' || a.name.toUpperCase() !== 'HMAC') throw notSupported(`The algorithm ${String(a?.name ?? alg)}`);
  return hashOf(a.hash);
}

function asKey(key: unknown, usage: string): CryptoKeyImpl {
  if (!(key instanceof CryptoKeyImpl)) throw new TypeError('The key is not a CryptoKey made by this crypto.subtle');
  if (!key.usages.includes(usage)) throw new TypeError(`The key does not allow "${usage}"`);
  return key;
}

/** Runs `fn` as an async operation (errors become rejections, as in Web Crypto). */
const op = <T>(fn: () => T): Promise<T> => new Promise((resolve) => resolve(fn()));

function createSubtle(randomBytes: RandomBytes) {
  return {
    digest: (alg: unknown, data: unknown) => op(() => toBuffer(hashOf(alg).fn(bytesOf(data)))),
    importKey: (format: string, keyData: unknown, alg: unknown, extractable: boolean, usages: string[]) =>
      op(() => {
        if (format !== 'raw') throw notSupported(`Key format "${format}"`);
        const hash = hmacParams(alg);
        const secret = bytesOf(keyData).slice();
        return new CryptoKeyImpl({ name: 'HMAC', hash: { name: hash.name }, length: secret.length * 8 }, extractable, [...usages], secret);
      }),
    generateKey: (alg: unknown, extractable: boolean, usages: string[]) =>
      op(() => {
        const hash = hmacParams(alg);
        const len = Number((alg as { length?: unknown }).length) || hash.fn.blockLen * 8;
        return new CryptoKeyImpl({ name: 'HMAC', hash: { name: hash.name }, length: len }, extractable, [...usages], randomBytes(Math.ceil(len / 8)));
      }),
    exportKey: (format: string, key: unknown) =>
      op(() => {
        if (format !== 'raw') throw notSupported(`Key format "${format}"`);
        if (!(key instanceof CryptoKeyImpl) || !key.extractable) throw new TypeError('The key is not extractable');
        return toBuffer(key.secret);
      }),
    sign: (alg: unknown, key: unknown, data: unknown) =>
      op(() => {
        hmacParams({ name: typeof alg === 'string' ? alg : (alg as { name?: unknown }).name, hash: 'SHA-1' });
        const k = asKey(key, 'sign');
        return toBuffer(hmac(hashOf(k.algorithm.hash).fn, k.secret, bytesOf(data)));
      }),
    verify: (alg: unknown, key: unknown, signature: unknown, data: unknown) =>
      op(() => {
        hmacParams({ name: typeof alg === 'string' ? alg : (alg as { name?: unknown }).name, hash: 'SHA-1' });
        const k = asKey(key, 'verify');
        const mac = hmac(hashOf(k.algorithm.hash).fn, k.secret, bytesOf(data));
        const sig = bytesOf(signature);
        let diff = mac.length ^ sig.length;
        for (let i = 0; i < mac.length; i++) diff |= (mac[i] ?? 0) ^ (sig[i] ?? 0);
        return diff === 0;
      }),
    encrypt: () => Promise.reject(notSupported('encrypt')),
    decrypt: () => Promise.reject(notSupported('decrypt')),
    deriveBits: () => Promise.reject(notSupported('deriveBits')),
    deriveKey: () => Promise.reject(notSupported('deriveKey')),
    wrapKey: () => Promise.reject(notSupported('wrapKey')),
    unwrapKey: () => Promise.reject(notSupported('unwrapKey')),
  };
}

export function uuidV4(bytes: Uint8Array): string {
  const b = bytes.slice(0, 16);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A `crypto` object: the realm's own parts where it has them, ours for the rest. */
export function createWebCrypto(native: Partial<Crypto> | undefined, randomBytes: RandomBytes): Crypto {
  const getRandomValues = <T extends ArrayBufferView | null>(array: T): T => {
    if (!ArrayBuffer.isView(array) || array instanceof Float32Array || array instanceof Float64Array || array instanceof DataView) {
      const e = new TypeError('The data argument must be an integer-type TypedArray');
      throw e;
    }
    if (array.byteLength > 65536) {
      const e = new Error(`The ArrayBufferView's byte length (${array.byteLength}) exceeds the number of bytes of entropy available via this API (65536)`);
      e.name = 'QuotaExceededError';
      throw e;
    }
    new Uint8Array(array.buffer, array.byteOffset, array.byteLength).set(randomBytes(array.byteLength));
    return array;
  };
  const nativeGet = native?.getRandomValues?.bind(native);
  const nativeUuid = native?.randomUUID?.bind(native);
  return {
    getRandomValues: nativeGet ?? getRandomValues,
    randomUUID: nativeUuid ?? (() => uuidV4(randomBytes(16)) as `${string}-${string}-${string}-${string}-${string}`),
    subtle: native?.subtle ?? (createSubtle(randomBytes) as unknown as SubtleCrypto),
  } as Crypto;
}
