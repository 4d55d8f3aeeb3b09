// applications.yaml: the instance's applications with their assignments, written only
// when the live read holds applications (extract reads them unless
// SSO_GITOPS_UNSUPPORTED_READS names `applications`). A customer managed application is
// written with what creates it again (providerArn, description, status); any other (a SAML
// one) by name only, as a reference: the API cannot create it, so a migration target must
// have it made in the console first (docs/operations.md). Assignments of principals that
// settings.ignore leaves out are not written; ones naming no live principal are reported.
import type { LiveState } from '../model/live.js';
import type { JsonValue, Settings } from '../model/types.js';
import { matchesAnyGlob } from '../model/glob.js';
import { compareStrings } from '../model/order.js';

export const APPLICATIONS_FILE = 'applications.yaml';

type Yaml = { [key: string]: JsonValue };

export function extractApplications(live: LiveState, ignore: Settings['ignore']): { yaml?: Yaml; count: number; warnings: string[] } {
  const warnings: string[] = [];
  const apps = live.applications ?? [];
  if (apps.length === 0) return { count: 0, warnings };
  const users = new Map(live.users.map((u) => [u.id, u.userName]));
  const groups = new Map(live.groups.map((g) => [g.id, g.name]));
  const names = (
    app: string,
    ids: readonly string[],
    byId: ReadonlyMap<string, string>,
    what: 'user' | 'group',
    globs: readonly string[],
  ) =>
    ids
      .flatMap((id) => {
        const name = byId.get(id);
        if (name === undefined)
          warnings.push(`assignment of ${what} ${id} to application "${app}": the ${what} does not exist; not written`);
        return name === undefined || matchesAnyGlob(name, globs) ? [] : [name];
      })
      .sort(compareStrings);
  const entries = [...apps]
    .sort((a, b) => compareStrings(a.name, b.name))
    .map((app): Yaml => {
      const assignedGroups = names(app.name, app.groups, groups, 'group', ignore.groups);
      const assignedUsers = names(app.name, app.users, users, 'user', ignore.users);
      return {
        name: app.name,
        ...(app.customerManaged
          ? { providerArn: app.providerArn, ...(app.description ? { description: app.description } : {}), status: app.status }
          : {}),
        assignmentRequired: app.assignmentRequired,
        ...(assignedGroups.length > 0 ? { groups: assignedGroups } : {}),
        ...(assignedUsers.length > 0 ? { users: assignedUsers } : {}),
      };
    });
  return { yaml: { applications: entries }, count: apps.length, warnings: warnings.sort(compareStrings) };
}
