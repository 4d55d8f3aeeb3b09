// What each per-kind diff returns: the changes, and warnings about what it left alone.
import type { Change } from '../types.js';

export interface DiffResult<C extends Change = Change> {
  changes: C[];
  warnings: string[];
}

export function byName<T>(items: readonly T[], name: (item: T) => string): Map<string, T> {
  return new Map(items.map((i) => [name(i), i]));
}
