// Reads how a reconcile run ended and checks the promise "exit 0, or exit 1 with every
// failure named": a failed apply lists exactly as many named failures as it counts; a run
// stopped by a failed call names that call ("<service> <Operation> failed: ..."). Anything
// else (another exit code, a stack trace, an unnamed error) is a problem.
import type { CliResult } from '../helpers/cli.js';

export interface FailureReport {
  /** How many failures the output names (0 for a successful run). */
  named: number;
  /** The first named failure, for the campaign's summary. */
  first?: string;
  /** What breaks the promise; empty when the run kept it. */
  problems: string[];
}

const CHANGES_FAILED = /^(\d+) of (\d+) changes failed:$/m;
const NAMED_CALL = /^error: (sso-admin|identitystore|organizations|sts) [A-Z][A-Za-z]+ failed: \S/m;

export function failureReport(run: CliResult): FailureReport {
  if (/^\s+at .+:\d+:\d+\)?$/m.test(run.stderr)) return { named: 0, problems: ['a stack trace was printed (an unexpected error)'] };
  if (run.code === 0) {
    return /Apply complete|No changes/.test(run.stdout)
      ? { named: 0, problems: [] }
      : { named: 0, problems: ['exit 0 without "Apply complete"'] };
  }
  if (run.code !== 1) return { named: 0, problems: [`exit code ${run.code}, expected 0 or 1`] };

  const counted = CHANGES_FAILED.exec(run.stderr);
  if (counted) {
    const after = run.stderr
      .slice(counted.index + counted[0].length)
      .split('\n')
      .slice(1);
    const listed = after.filter((line) => /^ {2}- \S.*: \S/.test(line));
    const expected = Number(counted[1]);
    const first = listed[0]?.trim();
    const problems = listed.length === expected ? [] : [`${expected} failures counted but ${listed.length} named`];
    return { named: listed.length, problems, ...(first !== undefined ? { first } : {}) };
  }
  const call = NAMED_CALL.exec(run.stderr);
  if (call) return { named: 1, first: run.stderr.slice(call.index).split('\n')[0] ?? '', problems: [] };
  return { named: 0, problems: [`exit 1 without a named failure: ${run.stderr.trim().split('\n').slice(-3).join(' | ')}`] };
}
