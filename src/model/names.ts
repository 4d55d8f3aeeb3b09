// Names that differ only in case are the same name. AWS documents neither way for
// userNames, group DisplayNames or permission set names, so the tool must be right under
// both: it never lets two names that differ only in case stand for two objects, and it
// matches the state files to the live objects by this key.

/** The case-folded key of a name. `toLowerCase` is locale-independent (the Unicode default
 *  case mapping), unlike `toLocaleLowerCase`: the key is the same on every machine. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}
