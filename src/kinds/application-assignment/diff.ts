// Users and groups assigned to the applications of `applications:`: an entry's `users` and
// `groups` are the whole set, so a live assignment the entry leaves out is removed. An
// application the files do not name is not compared (a customer managed one is deleted
// with its assignments; another is left alone), nor one that neither exists nor will.
// A principal matching settings.ignore is left alone on both sides, as for account assignments.
import { matchesAnyGlob } from '../../model/glob.js';
import type { DiffResult } from '../../plan/diff/result.js';
import type { ApplicationAssignmentChange } from '../../plan/types.js';
import type { PrincipalType } from '../../model/types.js';
import type { DiffInput } from '../descriptor.js';

export function diffApplicationAssignments({ desired, resolved }: DiffInput): DiffResult<ApplicationAssignmentChange> {
  const changes: ApplicationAssignmentChange[] = [];
  const warnings: string[] = [];
  const { ignore } = desired.settings;
  const ignored = (type: PrincipalType, name: string) => matchesAnyGlob(name, type === 'GROUP' ? ignore.groups : ignore.users);
  for (const entry of desired.applications ?? []) {
    const current = resolved.live.applications.get(entry.name);
    if (current === undefined && entry.providerArn === undefined) continue;
    const compare = (principalType: PrincipalType, wanted: readonly string[], live: readonly string[]) => {
      const change = (action: 'create' | 'delete', principal: string): ApplicationAssignmentChange => ({
        kind: 'applicationAssignment',
        action,
        application: entry.name,
        principalType,
        principal,
      });
      const now = new Set(live.filter((p) => !ignored(principalType, p)));
      const want = new Set(wanted.filter((p) => !ignored(principalType, p)));
      for (const p of wanted)
        if (ignored(principalType, p))
          warnings.push(
            `application "${entry.name}": ${principalType.toLowerCase()} "${p}" matches a settings.ignore pattern; its assignment is left alone`,
          );
      for (const p of want) if (!now.has(p)) changes.push(change('create', p));
      for (const p of now) if (!want.has(p)) changes.push(change('delete', p));
    };
    compare('GROUP', entry.groups, current?.groups ?? []);
    compare('USER', entry.users, current?.users ?? []);
  }
  return { changes, warnings };
}
