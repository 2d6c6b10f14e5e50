/**
 * A deep copy of a value that came out of `JSON.parse` (objects, arrays, strings, numbers,
 * booleans, null), equal to `JSON.parse(JSON.stringify(value))` but several times cheaper than
 * parsing the text again or `structuredClone`, which handle far more than JSON needs. Keys keep
 * their order; a `__proto__` key stays an own property, as `JSON.parse` makes it.
 */
export function copyJson<T>(value: T): T {
  return copy(value) as T;
}

function copy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const items: unknown[] = [];
    for (let index = 0; index < value.length; index += 1) items.push(copy(value[index]));
    return items;
  }
  const source = value as Record<string, unknown>;
  const object: Record<string, unknown> = {};
  for (const key in source) {
    if (key === '__proto__') {
      Object.defineProperty(object, key, {
        value: copy(source[key]),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else {
      object[key] = copy(source[key]);
    }
  }
  return object;
}
