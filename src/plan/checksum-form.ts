// The text the live-state checksum hashes, built in one pass. It is byte for byte what the
// first form gave (JSON round trip, then every array sorted by the canonical JSON of its
// elements, then canonical JSON of the whole), which re-serialized each element once per
// level above it and copied the state three times; on L (50,000 assignments, 20,000 users)
// that took a third of the plan's compute time. Checksums in saved plans stay valid.

/** Canonical JSON of `value` (as JSON.stringify would see it) with every array sorted by
 *  the text of its elements: the same text for any order AWS listed things in. */
export function orderInsensitiveJson(value: object): string {
  const text = form(value, '');
  // only a toJSON method answering undefined gets here; the JSON round trip threw then too
  if (text === undefined) throw new SyntaxError('the live state has no JSON form');
  return text;
}

/** The text of one value; undefined where JSON leaves it out (undefined, functions, symbols). */
function form(value: unknown, key: string): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'bigint':
      // JSON.stringify's own rules: escapes, non-finite numbers as null, bigint throws
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      if (isPlainArray(value)) return arrayForm(value);
      if (isPlainRecord(value)) return objectForm(value);
      return viaJson(value, key);
    default:
      return undefined;
  }
}

function isPlainArray(value: object): value is readonly unknown[] {
  return Array.isArray(value) && Object.getPrototypeOf(value) === Array.prototype && !hasToJson(value);
}

function isPlainRecord(value: object): value is Readonly<Record<string, unknown>> {
  const proto: unknown = Object.getPrototypeOf(value);
  return (proto === Object.prototype || proto === null) && !hasToJson(value);
}

function hasToJson(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

function arrayForm(items: readonly unknown[]): string {
  const texts: string[] = new Array<string>(items.length);
  // JSON writes a left-out element as null, and so sorts it as "null"
  for (let i = 0; i < items.length; i++) texts[i] = form(items[i], String(i)) ?? 'null';
  // default sort compares UTF-16 code units, as the first form's `<` did
  texts.sort();
  return bracketed('[', texts, ']');
}

/**
 * `open + parts.join(',') + close` as one flat string: the texts of an array's elements are
 * compared by its sort, and a text built by concatenation (a rope) is copied flat by the
 * first comparison, which doubled the memory the checksum allocated on L.
 */
function bracketed(open: string, parts: string[], close: string): string {
  if (parts.length === 0) return open + close;
  parts[0] = open + (parts[0] as string);
  parts[parts.length - 1] += close;
  return parts.join(',');
}

function objectForm(record: Readonly<Record<string, unknown>>): string {
  const keys = Object.keys(record);
  // Object.keys lists array-index keys first, ascending; the first form rebuilt each object
  // with sorted keys, and JSON.stringify still writes index keys first, so only the rest sort
  let named = 0;
  while (named < keys.length && isArrayIndex(keys[named]!)) named++;
  sortFrom(keys, named);
  const parts: string[] = [];
  for (const key of keys) {
    // the first form assigned `out[key] = …`, which for "__proto__" sets the prototype
    // instead of a property, so that key never reached the checksum
    if (key === '__proto__') continue;
    const text = form(record[key], key);
    if (text !== undefined) parts.push(`${JSON.stringify(key)}:${text}`);
  }
  return bracketed('{', parts, '}');
}

/** Sorts `keys` from `start` on, in place, by UTF-16 code units as the default sort does:
 *  by insertion when there are few, since Array.prototype.sort allocates its work arrays
 *  per call (130,000 objects in L's live state). */
function sortFrom(keys: string[], start: number): void {
  if (keys.length - start > 32) {
    // a large record (tags, a policy document): the native sort, not a quadratic one
    const rest = keys.slice(start).sort();
    for (let i = 0; i < rest.length; i++) keys[start + i] = rest[i] as string;
    return;
  }
  for (let i = start + 1; i < keys.length; i++) {
    const key = keys[i] as string;
    let j = i - 1;
    while (j >= start && (keys[j] as string) > key) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = key;
  }
}

/** Keys an ordinary object keeps in numeric order ahead of the others: 0 … 2^32 - 2. */
function isArrayIndex(key: string): boolean {
  const first = key.charCodeAt(0);
  if (first < 48 || first > 57) return false;
  if (key === '0') return true;
  if (first === 48 || !/^[0-9]+$/.test(key)) return false;
  return Number(key) < 4294967295;
}

/** Anything not plain data (a Date, a class instance, a toJSON method): through JSON itself,
 *  with the key it is found under, as the first form's round trip did. */
function viaJson(value: object, key: string): string | undefined {
  const holder: Record<string, unknown> = {};
  Object.defineProperty(holder, key, { value, enumerable: true, configurable: true, writable: true });
  const parsed = JSON.parse(JSON.stringify(holder)) as Record<string, unknown>;
  const descriptor = Object.getOwnPropertyDescriptor(parsed, key);
  return descriptor === undefined ? undefined : form(descriptor.value, key);
}
