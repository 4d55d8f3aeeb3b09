// Runs the convergence property with fast-check and turns a failure into a message that
// says how to replay it: the seed and path fast-check reports, as environment variables.
import fc from 'fast-check';
import { stateArb } from './arbitraries.js';
import type { PropertyBackend } from './backends.js';
import { editArb } from './edits.js';
import { edgeExample } from './examples.js';
import { runCase } from './run-case.js';
import { enabledFromEnv, type FuzzSettings } from './switches.js';

/** Generous: a case is a handful of CLI runs; a slow shared machine must not fail it. */
export function propertyTimeoutMs(settings: FuzzSettings): number {
  return 60_000 + settings.numRuns * 90_000 * (settings.shrink ? 4 : 1);
}

export async function checkConvergence(target: PropertyBackend, settings: FuzzSettings, testFile: string): Promise<void> {
  const property = fc.asyncProperty(
    stateArb(target.caps),
    fc.array(editArb(target.caps), { minLength: 1, maxLength: settings.maxEdits }),
    (state, edits) => runCase(target, state, edits),
  );
  const details = await fc.check(property, {
    numRuns: settings.numRuns,
    examples: [edgeExample(target.caps)],
    ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
    ...(settings.path !== undefined ? { path: settings.path } : {}),
    // each shrink step is a whole case of CLI runs: `npm test` reports the first failure as is
    endOnFailure: !settings.shrink,
  });
  if (!details.failed) return;
  const replay =
    (enabledFromEnv().length > 0 ? `SSO_GITOPS_FUZZ_ENABLE=${enabledFromEnv().join(',')} ` : '') +
    `SSO_GITOPS_FUZZ_SEED=${details.seed} SSO_GITOPS_FUZZ_PATH=${details.counterexamplePath ?? ''} SSO_GITOPS_FUZZ_MAX_EDITS=${settings.maxEdits} ` +
    `${settings.shrink ? '' : 'SSO_GITOPS_FUZZ_SHRINK=1 '}npx vitest run ${testFile}`;
  // fast-check's report names the counterexample; the case's own error says what went wrong
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`${fc.defaultReportMessage(details) ?? 'property failed'}\n\n${cause}\n\nreplay (${target.caps.name}): ${replay}\n`);
}
