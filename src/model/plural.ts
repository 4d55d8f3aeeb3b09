// "1 change", "2 changes": counts in the output agree with their nouns.

/** `count` and `noun`, plural unless the count is exactly one; `pluralNoun` for irregular plurals. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}
