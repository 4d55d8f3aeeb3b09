// Users: reading. ListUsers returns every attribute, so one paged listing suffices; the
// enterprise extension only when asked for (ListUsersRequest.Extensions: "extension names
// indicating what extensions the service should retrieve alongside other user attributes").
import { paginateListUsers, type User as SdkUser } from '@aws-sdk/client-identitystore';
import type { LiveUser } from '../../model/live.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import type { ReadContext } from '../read-context.js';
import { ENTERPRISE_EXTENSION, unmodelledUserAttributes, userFromSdk } from './user-shape.js';

/** The extensions every user read asks for (ListUsers, DescribeUser). */
export const USER_EXTENSIONS = [ENTERPRISE_EXTENSION];

export async function readUsers(ctx: ReadContext): Promise<LiveUser[]> {
  const users = await collectPages(
    'identitystore',
    'ListUsers',
    paginateListUsers(paginatorConfig(ctx.clients.identityStore, 100), {
      IdentityStoreId: ctx.identityStoreId,
      Extensions: USER_EXTENSIONS,
    }),
    (page) => page.Users,
  );
  return users.map(toLiveUser);
}

export function toLiveUser(u: SdkUser): LiveUser {
  const unmodelled = unmodelledUserAttributes(u);
  return { id: u.UserId ?? '', ...userFromSdk(u), ...(unmodelled.length > 0 ? { unmodelled } : {}) };
}
