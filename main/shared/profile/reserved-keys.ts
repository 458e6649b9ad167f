/** Object keys that can reach an object's prototype when assigned; refused wherever user data becomes a key. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);
export const isReservedKey = (key: string): boolean => RESERVED_KEYS.has(key);
