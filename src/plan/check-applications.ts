// What the diff of `applications:` relies on, checked before anything is planned (so
// before any write): an application the API cannot create (a SAML one, from the catalogue
// or customer managed SAML 2.0: CreateApplication makes only OAuth 2.0 customer managed
// applications, per the sso-admin model's documentation of the operation) is referenced
// by name and must exist; a provider cannot change (UpdateApplication has no provider
// member); and every assigned user and group is declared in the files or, when the files
// do not manage that kind, exists in the identity store.
import type { DesiredState, Diagnostic, SourcePos } from '../model/types.js';
import { didYouMean } from '../model/suggest.js';
import type { NamedLive } from './live-names.js';

export function checkApplications(desired: DesiredState, live: NamedLive): Diagnostic[] {
  const errors: Diagnostic[] = [];
  const report = (message: string, pos: SourcePos | undefined) => errors.push({ severity: 'error', message, ...(pos ? { pos } : {}) });
  const declaredUsers = new Set(desired.users.map((u) => u.userName));
  const declaredGroups = new Set(desired.groups.map((g) => g.name));
  const { manage } = desired.settings;
  for (const entry of desired.applications ?? []) {
    const current = live.applications.get(entry.name);
    if (current === undefined && entry.providerArn === undefined) {
      report(
        `application "${entry.name}" does not exist in Identity Center${didYouMean(entry.name, live.applications.keys())}; ` +
          'an application the API cannot create (a SAML application) must be created in the console first, ' +
          'and a customer managed (OAuth 2.0) one needs providerArn to be created from the files',
        entry.pos,
      );
    }
    if (current !== undefined && entry.providerArn !== undefined && entry.providerArn !== current.providerArn) {
      report(
        `application "${entry.name}": providerArn ${entry.providerArn} differs from the live ${current.providerArn}; ` +
          'an application cannot change its provider (delete it from the files first, or correct providerArn)',
        entry.pos,
      );
    }
    const need = (what: 'user' | 'group', name: string, managed: boolean, declared: boolean, inLive: boolean, known: Iterable<string>) => {
      if (managed && !declared) report(`application "${entry.name}": ${what} "${name}" is not defined in the state files`, entry.pos);
      else if (!managed && !inLive)
        report(
          `application "${entry.name}": ${what} "${name}" is not managed here (settings.manage.${what}s: false) and does not exist in the identity store${didYouMean(name, known)}`,
          entry.pos,
        );
    };
    for (const u of entry.users) need('user', u, manage.users, declaredUsers.has(u), live.users.has(u), live.users.keys());
    for (const g of entry.groups) need('group', g, manage.groups, declaredGroups.has(g), live.groups.has(g), live.groups.keys());
  }
  return errors;
}
