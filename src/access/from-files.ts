// The state files' effective access against a live state (the real one with --live, or the
// organization-only one of files-world.ts): the same first steps as the plan
// (src/plan/build.ts) — live names, one spelling per object, selectors resolved — then the
// engine. No row is computed while a name fails to resolve. Entries whose expiresAt has
// passed count as absent, as in the plan; rows granted only through expiring entries say
// when they end (expiry.ts). Application rows (application-engine.ts) come from the same
// people and memberships.
import type { LiveState } from '../model/live.js';
import type { DesiredState, Diagnostic } from '../model/types.js';
import { withoutExpired } from '../plan/expiry.js';
import { nameLive } from '../plan/live-names.js';
import { matchNames } from '../plan/match-names.js';
import { resolveDesired } from '../plan/resolve.js';
import { applicationAccessNotes, desiredApplicationAccessInput } from './application-inputs.js';
import { computeApplicationAccess } from './application-engine.js';
import { computeAccess } from './engine.js';
import { withAccessExpiry, withApplicationAccessExpiry } from './expiry.js';
import { desiredAccessInput } from './inputs.js';
import type { AccessRow, ApplicationAccessRow } from './types.js';

export function accessFromFiles(
  given: DesiredState,
  live: LiveState,
  options: { liveKnown: boolean; now: Date },
): { rows?: AccessRow[]; applications?: ApplicationAccessRow[]; applicationNotes?: string[]; diagnostics: Diagnostic[] } {
  const naming = nameLive(live);
  const matched = matchNames(withoutExpired(given, options.now).desired, naming.named);
  const { resolved, diagnostics } = resolveDesired(matched.desired, live, { named: matched.live, diagnostics: naming.diagnostics });
  const all = [...diagnostics, ...matched.diagnostics];
  if (all.some((d) => d.severity === 'error')) return { diagnostics: all };
  const input = desiredAccessInput(matched.desired, resolved, options);
  const rows = computeAccess(input);
  const applications = withApplicationAccessExpiry(
    computeApplicationAccess(desiredApplicationAccessInput(matched.desired, input)),
    matched.desired,
  );
  // with a live read the instance's values are shown, and these notes have nothing to add
  const applicationNotes = options.liveKnown ? [] : applicationAccessNotes(matched.desired, input);
  return { rows: withAccessExpiry(rows, matched.desired, live), applications, applicationNotes, diagnostics: all };
}
