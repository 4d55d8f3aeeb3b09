// The checksum of a live state: `reconcile --plan` recomputes it before applying and
// refuses a plan made from another state ("stale plan"). AWS lists things in no
// guaranteed order, so every array is sorted (by the canonical JSON of its elements,
// ids included) and every object's keys are sorted; nothing else is left out, so any
// concurrent change to what was read moves the checksum.
import { createHash } from 'node:crypto';
import type { LiveState } from '../model/live.js';
import type { JsonValue } from '../model/types.js';
import { asJson, canonicalJson } from './canonical.js';

/** Bumped when the canonical form changes, so old and new checksums never collide. */
const CANONICAL_FORM = 'sso-gitops-live-state/1';

function orderInsensitive(value: JsonValue): JsonValue {
  if (Array.isArray(value)) {
    const items = value.map((v) => {
      const item = orderInsensitive(v);
      return { item, key: canonicalJson(item) };
    });
    return items.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((i) => i.item);
  }
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) out[k] = orderInsensitive(v);
    return out;
  }
  return value;
}

export function liveChecksum(live: LiveState): string {
  const canonical = canonicalJson(orderInsensitive(asJson(live)));
  return createHash('sha256').update(`${CANONICAL_FORM}\n${canonical}`).digest('hex');
}
