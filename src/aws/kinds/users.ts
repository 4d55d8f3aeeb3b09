// Users: reading (ListUsers returns every attribute, so one paged listing suffices).
import { paginateListUsers, type User as SdkUser } from '@aws-sdk/client-identitystore';
import type { LiveUser } from '../../model/live.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import type { ReadContext } from '../read-context.js';

export async function readUsers(ctx: ReadContext): Promise<LiveUser[]> {
  const users = await collectPages(
    'identitystore',
    'ListUsers',
    paginateListUsers(paginatorConfig(ctx.clients.identityStore, 100), { IdentityStoreId: ctx.identityStoreId }),
    (page) => page.Users,
  );
  return users.map(toLiveUser);
}

/** The primary email, or the first one when none is marked primary. */
export function primaryEmail(user: Pick<SdkUser, 'Emails'>): string | undefined {
  const emails = user.Emails ?? [];
  return (emails.find((e) => e.Primary) ?? emails[0])?.Value;
}

export function toLiveUser(u: SdkUser): LiveUser {
  const optional = {
    email: primaryEmail(u),
    middleName: u.Name?.MiddleName,
    nickName: u.NickName,
    title: u.Title,
    userType: u.UserType,
    preferredLanguage: u.PreferredLanguage,
    locale: u.Locale,
    timezone: u.Timezone,
    profileUrl: u.ProfileUrl,
  };
  const present = Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined && v !== ''));
  return {
    id: u.UserId ?? '',
    userName: u.UserName ?? '',
    // Identity Center requires these; a SCIM-provisioned user may still lack them, and
    // validation then names the user instead of the read failing.
    displayName: u.DisplayName ?? '',
    givenName: u.Name?.GivenName ?? '',
    familyName: u.Name?.FamilyName ?? '',
    ...present,
  };
}
