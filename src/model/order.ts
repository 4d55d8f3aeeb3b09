// The one ordering of names used wherever the tool sorts for stable output or comparison:
// plain UTF-16 code-unit order, the same on every machine and locale (localeCompare is
// not: it depends on the ICU data and puts "boundary" before "DenyBilling").

export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A customer managed policy reference's identity (types.ts PolicyRef), spelled out so this module imports nothing. */
interface PolicyPath {
  name: string;
  path: string;
}

/** Customer managed policy references: by path, then by name. */
export function comparePolicyRefs(a: PolicyPath, b: PolicyPath): number {
  return compareStrings(a.path, b.path) || compareStrings(a.name, b.name);
}

/** The values of a map, sorted by their keys. */
export function valuesByKey<V>(map: ReadonlyMap<string, V>): V[] {
  // the default sort compares UTF-16 code units, as compareStrings does, without calling
  // back into a comparator per comparison (50,000 assignment keys at L size)
  return [...map.keys()].sort().map((key) => map.get(key) as V);
}
