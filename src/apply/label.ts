// A short, human name for a change, used in progress lines and failure reports; each kind
// words its own (KindDescriptor.label).
import { descriptorOf } from '../kinds/registry.js';
import type { Change } from '../plan/types.js';

export function changeLabel(c: Change): string {
  return descriptorOf(c).label(c);
}
