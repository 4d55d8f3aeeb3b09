// `reconcile --plan FILE`: the saved plan is read and validated against the published
// schema before any AWS call, checked against the instance as soon as it is known, and
// then trusted for nothing: reconcile plans again from the live state and the state
// files, takes the safety refusals from that fresh plan, and refuses (with zero writes)
// a file whose changes are not exactly the fresh ones. What a reviewer approved is
// therefore what is applied, and a hand-edited file can neither add a change nor drop a
// refusal.
import { readFile } from 'node:fs/promises';
import { changeLabel } from '../apply/label.js';
import { PlanFileError, parsePlanFile, savedPlanDifferences } from '../plan/plan-file.js';
import type { Change, Plan } from '../plan/types.js';
import { UserError } from './command.js';
import { plural } from '../model/plural.js';

export async function readSavedPlan(file: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new PlanFileError(`${file}: cannot read the plan file (${err instanceof Error ? err.message : String(err)})`, { cause: err });
  }
  return parsePlanFile(text, file);
}

/** Before reading the live state: a plan for another instance is refused at once. */
export function checkSavedPlanInstance(saved: Plan, file: string, instanceArn: string): void {
  if (saved.instanceArn !== instanceArn) {
    throw new UserError(`reconcile: ${file} was made for instance ${saved.instanceArn}, not ${instanceArn}; nothing was changed`);
  }
}

const LISTED = 5;

function listed(changes: readonly Change[]): string {
  const shown = changes.slice(0, LISTED).map(changeLabel).join('; ');
  return changes.length > LISTED ? `${shown}; and ${changes.length - LISTED} more` : shown;
}

/** After planning again: the live state must not have moved, and the changes must be the same. */
export function checkSavedPlanAgainst(saved: Plan, fresh: Plan, file: string, dir: string): void {
  if (saved.liveChecksum !== fresh.liveChecksum) {
    throw new UserError(
      `reconcile: stale plan: the live state changed since ${file} was made (checksum ${saved.liveChecksum.slice(0, 12)} then, ` +
        `${fresh.liveChecksum.slice(0, 12)} now); run plan again. Nothing was changed`,
    );
  }
  const { onlyInFile, onlyNow } = savedPlanDifferences(saved.changes, fresh.changes);
  if (onlyInFile.length === 0 && onlyNow.length === 0) return;
  const parts = [
    ...(onlyInFile.length > 0 ? [`${plural(onlyInFile.length, 'change')} only in the file (${listed(onlyInFile)})`] : []),
    ...(onlyNow.length > 0 ? [`${plural(onlyNow.length, 'change')} planned now but not in the file (${listed(onlyNow)})`] : []),
  ];
  throw new UserError(
    `reconcile: ${file} is not the plan of the live state and the state files in ${dir}: ${parts.join(', ')}. ` +
      'The file was edited or the state files changed since it was made; make the plan again. Nothing was changed',
  );
}
