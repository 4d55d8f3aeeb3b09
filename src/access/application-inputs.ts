// The application engine's input from the two places access is read from. People and
// group memberships are the account engine's (inputs.ts), so both halves of the report
// agree on who is in which group; only the applications differ.
import type { DesiredState } from '../model/types.js';
import type { NamedLive } from '../plan/live-names.js';
import type { AccessInput, ApplicationAccessInput } from './types.js';

/** What the live instance grants today: every application read, as it is configured. */
export function liveApplicationAccessInput(live: NamedLive, people: AccessInput): ApplicationAccessInput {
  return {
    users: people.users,
    memberships: people.memberships,
    applications: [...live.applications.values()].map((a) => ({
      name: a.name,
      assignmentRequired: a.assignmentRequired,
      users: a.users,
      groups: a.groups,
      disabled: a.status === 'DISABLED',
    })),
  };
}

/**
 * What the state files grant. An entry that leaves `assignmentRequired` out does not
 * manage it, so the files grant no `everyone` for it: it counts as required (AWS's
 * default: "If AssignmentsRequired is true (default value), users don't have access to the
 * application unless an assignment is created", PutApplicationAssignmentConfiguration),
 * and a live read shows the instance's value, marked unmanaged.
 */
export function desiredApplicationAccessInput(desired: DesiredState, people: AccessInput): ApplicationAccessInput {
  return {
    users: people.users,
    memberships: people.memberships,
    applications: (desired.applications ?? []).map((a) => ({
      name: a.name,
      assignmentRequired: a.assignmentRequired ?? true,
      users: a.users,
      groups: a.groups,
      // an entry without `status` does not manage it: the files alone know of no disabling
      disabled: a.status === 'DISABLED',
    })),
  };
}

/** What a report from the files alone cannot know about applications, said as warnings. */
export function applicationAccessNotes(desired: DesiredState, people: AccessInput): string[] {
  const notes: string[] = [];
  for (const a of desired.applications ?? []) {
    if (a.assignmentRequired === undefined)
      notes.push(
        `application "${a.name}": assignmentRequired is not in the state files, so it counts as required (only assigned users and groups); use --live for the instance's value`,
      );
    else if (!a.assignmentRequired && people.users.size === 0)
      notes.push(
        `application "${a.name}": assignmentRequired is false, so every user can use it, but the state files list no user (settings.manage.users is false); use --live`,
      );
  }
  return notes;
}
