// The checksum of a live state: `reconcile --plan` recomputes it before applying and
// refuses a plan made from another state ("stale plan"). AWS lists things in no
// guaranteed order, so every array is sorted (by the canonical JSON of its elements,
// ids included) and every object's keys are sorted; nothing else is left out, so any
// concurrent change to what was read moves the checksum.
import { createHash } from 'node:crypto';
import type { LiveState } from '../model/live.js';
import { orderInsensitiveJson } from './checksum-form.js';

/** Bumped when the canonical form changes, so old and new checksums never collide. */
const CANONICAL_FORM = 'sso-gitops-live-state/1';

export function liveChecksum(live: LiveState): string {
  return createHash('sha256')
    .update(`${CANONICAL_FORM}\n${orderInsensitiveJson(live)}`)
    .digest('hex');
}
