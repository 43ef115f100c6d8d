/**
 * Keys an app or a file controls (app ids, setting ids, persistence keys, custom-field keys,
 * header names...) are data, never a path into host objects. `table[key] ??= {}` with the key
 * `__proto__` hands back `Object.prototype`, and `table.__proto__ = x` replaces the table's
 * prototype; these helpers read and write own properties only, so every key stays a plain entry.
 */

const hasOwn = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);

/** True for a key that names something every object inherits (`__proto__`, `constructor`, `toString`...) or `prototype`. */
export function isReservedKey(key: string): boolean {
  return key in Object.prototype || key === 'prototype';
}

/** The table's own entry under `key`, never an inherited one. */
export function ownValue<T>(table: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return table && typeof key === 'string' && hasOwn(table, key) ? table[key] : undefined;
}

/** Stores `value` as the table's own entry under `key` (a data property even for `__proto__`). */
export function setOwn<T>(table: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(table, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/** The table's own entry under `key`, created with `make()` when it has none. */
export function ownEntry<T>(table: Record<string, T>, key: string, make: () => T): T {
  return hasOwn(table, key) ? (table[key] as T) : setOwn(table, key, make());
}
