// Switches of the convergence property tests, and the run settings read from the
// environment (how many cases, which seed to replay).

/** Group renames that keep the group through `previousNames: [Old Name]` (issue #11, item 2). */
export const PREVIOUS_NAMES_ENABLED = true;

/**
 * Edit kinds that once hit a known defect (issue #11). Each was off while the defect was
 * open and is on since its fix landed; turning one off hides its edits from the search.
 */
export const KNOWN_DEFECT_EDITS_ENABLED = {
  /** Issue #11 item 1: `Platform Admins` → `PLATFORM ADMINS` deletes the group it adopted. */
  caseOnlyGroupRename: true,
  /** Issue #11 item 1, the same rule for the other names: a userName or permission set
   *  name changed only in case. Neither can be renamed in place, so the edit must be
   *  refused with nothing written (edits.ts `refusedWith`). */
  caseOnlyUserOrPermissionSetRename: true,
  /** Issue #11 item 3: removing a permission set's description or relayState never
   *  converges against the sandbox (UpdatePermissionSet omits the field, the sandbox keeps it). */
  removePermissionSetDescriptionOrRelayState: true,
} as const;

export type EditSwitch = 'previousNames' | keyof typeof KNOWN_DEFECT_EDITS_ENABLED;

/** Switches turned on for one run without editing this file, e.g. to check a fix before
 *  flipping its constant: SSO_GITOPS_FUZZ_ENABLE=caseOnlyGroupRename,previousNames */
export function enabledFromEnv(): string[] {
  const names = (process.env.SSO_GITOPS_FUZZ_ENABLE ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const known = ['previousNames', ...Object.keys(KNOWN_DEFECT_EDITS_ENABLED)];
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) throw new Error(`SSO_GITOPS_FUZZ_ENABLE: unknown switch ${unknown.join(', ')}; known: ${known.join(', ')}`);
  return names;
}

export function isEnabled(name: EditSwitch): boolean {
  const constant = name === 'previousNames' ? PREVIOUS_NAMES_ENABLED : KNOWN_DEFECT_EDITS_ENABLED[name];
  return constant || enabledFromEnv().includes(name);
}

export interface FuzzSettings {
  numRuns: number;
  /** Most edits applied after the initial state in one case. */
  maxEdits: number;
  seed?: number;
  path?: string;
  /** Shrink a failure to a minimal case (many more CLI runs); `npm test` stops at the first failure. */
  shrink: boolean;
}

function intFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value)) throw new Error(`${name} must be an integer, got "${raw}"`);
  return value;
}

/**
 * SSO_GITOPS_FUZZ_RUNS: cases per backend (default `defaultRuns`, small enough for `npm test`);
 * SSO_GITOPS_FUZZ_SEED, SSO_GITOPS_FUZZ_PATH and SSO_GITOPS_FUZZ_MAX_EDITS (and
 * SSO_GITOPS_FUZZ_ENABLE, when it was set): replay a reported failure;
 * SSO_GITOPS_FUZZ_SHRINK=1: shrink failures (on by default when more runs are asked for);
 * SSO_GITOPS_FUZZ_VERBOSE=1: print every step of every case on stderr.
 */
export function fuzzSettings(defaultRuns: number): FuzzSettings {
  const runs = intFromEnv('SSO_GITOPS_FUZZ_RUNS');
  const seed = intFromEnv('SSO_GITOPS_FUZZ_SEED');
  const path = process.env.SSO_GITOPS_FUZZ_PATH;
  const shrinkFlag = process.env.SSO_GITOPS_FUZZ_SHRINK;
  return {
    numRuns: runs ?? defaultRuns,
    // part of what a seed generates: a replay must use the same value (the replay line says it)
    maxEdits: intFromEnv('SSO_GITOPS_FUZZ_MAX_EDITS') ?? (runs !== undefined ? 6 : 3),
    ...(seed !== undefined ? { seed } : {}),
    ...(path ? { path } : {}),
    shrink: shrinkFlag !== undefined ? shrinkFlag === '1' : runs !== undefined,
  };
}
