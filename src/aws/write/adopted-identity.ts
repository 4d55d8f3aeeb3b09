// When CreateUser or CreateGroup answers "already exists", the writer adopts the object of
// that name. It may have been made by someone else during the run (in the console, by
// another run) with other attributes: adopting it as it is would end the run with exit 0
// and a diff still open (issue #11). These functions say what differs between the adopted
// object, as DescribeUser/DescribeGroup answer it, and what the files want, in the same
// terms and by the same comparison the plan uses, so that updating them leaves nothing
// for the next plan.
import type { DescribeGroupCommandOutput, DescribeUserCommandOutput } from '@aws-sdk/client-identitystore';
import type { User } from '../../model/types.js';
import { compareAttribute, compareAttributes } from '../../plan/diff/attributes.js';
import { USER_FIELDS } from '../../kinds/user/diff.js';
import type { AttributeChange } from '../../plan/types.js';
import { toLiveUser } from '../kinds/users.js';

/** The updates that turn the adopted user into the wanted one (userName only if it differs in case). */
export function adoptedUserChanges(described: DescribeUserCommandOutput, wanted: User): AttributeChange[] {
  const live = toLiveUser({ ...described, UserId: described.UserId, IdentityStoreId: described.IdentityStoreId });
  const name = compareAttribute('userName', live.userName, wanted.userName);
  return [...(name ? [name] : []), ...compareAttributes(USER_FIELDS, live, wanted)];
}

/** The updates that turn the adopted group into the wanted one. */
export function adoptedGroupChanges(
  described: DescribeGroupCommandOutput,
  name: string,
  description: string | undefined,
): AttributeChange[] {
  return [
    compareAttribute('displayName', described.DisplayName, name),
    compareAttribute('description', described.Description, description),
  ].filter((c): c is AttributeChange => c !== undefined);
}

/** "title, email" — for messages naming what differed. */
export const fieldList = (changes: readonly AttributeChange[]): string => changes.map((c) => c.field).join(', ');
