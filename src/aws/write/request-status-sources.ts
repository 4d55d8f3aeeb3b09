// The three kinds of asynchronous sso-admin request, read for RequestTracker: their
// Describe…Status, and for assignment creations the reads that follow a group of them —
// ListAccountAssignmentCreationStatus with Filter.Status IN_PROGRESS (100 a page at most:
// sso-admin model, MaxResults 1..100) and the assignments of an (account, permission set)
// pair as evidence of success. Deletions and provisionings are followed by Describe alone
// (docs/aws-behaviour.md, "Following asynchronous requests").
import {
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  paginateListAccountAssignmentCreationStatus,
  paginateListAccountAssignments,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { ConcreteAssignment } from '../../apply/port.js';
import { awsCall } from '../errors.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import type { AsyncStatus, GroupReads, Pending, RequestStatusSource } from './request-tracker.js';

const PAGE_SIZE = 100;

interface StatusItem {
  RequestId?: string | undefined;
  Status?: string | undefined;
  FailureReason?: string | undefined;
}

export const asStatus = (s: StatusItem | undefined): AsyncStatus => ({
  status: s?.Status ?? 'IN_PROGRESS',
  ...(s?.RequestId ? { requestId: s.RequestId } : {}),
  ...(s?.FailureReason ? { failureReason: s.FailureReason } : {}),
});

/** Describe…Status of assignment creations, assignment deletions and provisionings of one instance. */
export function requestStatusSources(
  client: SSOAdminClient,
  InstanceArn: string,
): Record<'creation' | 'deletion' | 'provisioning', RequestStatusSource> {
  return {
    creation: {
      describe: async (id) =>
        asStatus(
          (await client.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn, AccountAssignmentCreationRequestId: id })))
            .AccountAssignmentCreationStatus,
        ),
    },
    deletion: {
      describe: async (id) =>
        asStatus(
          (await client.send(new DescribeAccountAssignmentDeletionStatusCommand({ InstanceArn, AccountAssignmentDeletionRequestId: id })))
            .AccountAssignmentDeletionStatus,
        ),
    },
    provisioning: {
      describe: async (id) =>
        asStatus(
          (await client.send(new DescribePermissionSetProvisioningStatusCommand({ InstanceArn, ProvisionPermissionSetRequestId: id })))
            .PermissionSetProvisioningStatus,
        ),
    },
  };
}

const pairOf = (a: ConcreteAssignment) => `${a.accountId}|${a.permissionSetArn}`;
const rowKey = (principalType: string | undefined, principalId: string | undefined) => `${principalType}#${principalId}`;

/**
 * How assignment creations on one (account, permission set) pair are followed together: the
 * creation requests IN_PROGRESS, listed for all at once; and the assignments
 * ListAccountAssignments shows on their pair — what `plan` reads to decide that an
 * assignment exists — as evidence of success. One pair read confirms every request of the
 * pair. It stops as soon as every wanted row was seen, and after as many pages as requests
 * it confirms, so it never costs more than a Describe each; a row not seen is no evidence
 * either way (the request is then described).
 */
export function assignmentCreationGroups(client: SSOAdminClient, InstanceArn: string): GroupReads<ConcreteAssignment> {
  const config = paginatorConfig(client, PAGE_SIZE);
  return {
    groupOf: pairOf,
    async inProgress() {
      const pages = paginateListAccountAssignmentCreationStatus(config, { InstanceArn, Filter: { Status: 'IN_PROGRESS' } });
      const items = await collectPages(
        'sso-admin',
        'ListAccountAssignmentCreationStatus',
        pages,
        (p) => p.AccountAssignmentsCreationStatus,
      );
      return new Set(items.flatMap((i) => (i.RequestId ? [i.RequestId] : [])));
    },
    confirmed: (requests: readonly Pending<ConcreteAssignment>[]) =>
      awsCall('sso-admin', 'ListAccountAssignments', async () => {
        const first = requests[0];
        if (first === undefined) return new Set<string>();
        const wanted = new Map(requests.map((r) => [rowKey(r.subject.principalType, r.subject.principalId), r.requestId]));
        const shown = new Set<string>();
        let pages = 0;
        const input = { InstanceArn, AccountId: first.subject.accountId, PermissionSetArn: first.subject.permissionSetArn };
        for await (const page of paginateListAccountAssignments(config, input)) {
          for (const row of page.AccountAssignments ?? []) {
            const id = wanted.get(rowKey(row.PrincipalType, row.PrincipalId));
            if (id !== undefined) shown.add(id);
          }
          if (shown.size === wanted.size || ++pages >= requests.length) break;
        }
        return shown;
      }),
  };
}
