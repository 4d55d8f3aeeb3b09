// The three kinds of asynchronous sso-admin request, read for RequestTracker: their
// List…Status with Filter.Status IN_PROGRESS (100 a page at most: sso-admin model,
// MaxResults 1..100), their Describe…Status, and — for assignment creations — the
// assignments of an (account, permission set) pair as evidence of success.
import {
  DescribeAccountAssignmentCreationStatusCommand,
  DescribeAccountAssignmentDeletionStatusCommand,
  DescribePermissionSetProvisioningStatusCommand,
  paginateListAccountAssignmentCreationStatus,
  paginateListAccountAssignmentDeletionStatus,
  paginateListAccountAssignments,
  paginateListPermissionSetProvisioningStatus,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { ConcreteAssignment } from '../../apply/port.js';
import { awsCall } from '../errors.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import type { AsyncStatus, Pending, RequestStatusSource, SuccessEvidence } from './request-tracker.js';

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

const IN_PROGRESS = { Filter: { Status: 'IN_PROGRESS' as const } };

/** How one kind is listed and described: its paginator, its list field, its Describe call. */
interface KindCalls<P> {
  listOperation: string;
  pages: () => AsyncIterable<P>;
  items: (page: P) => readonly StatusItem[] | undefined;
  describe: (requestId: string) => Promise<StatusItem | undefined>;
}

function sourceOf<P>(calls: KindCalls<P>): RequestStatusSource {
  return {
    async inProgress() {
      const items = await collectPages('sso-admin', calls.listOperation, calls.pages(), calls.items);
      return new Set(items.flatMap((i) => (i.RequestId ? [i.RequestId] : [])));
    },
    describe: async (requestId) => asStatus(await calls.describe(requestId)),
  };
}

/** Sources for assignment creations, assignment deletions and provisionings of one instance. */
export function requestStatusSources(client: SSOAdminClient, InstanceArn: string) {
  const config = paginatorConfig(client, PAGE_SIZE);
  return {
    creation: sourceOf({
      listOperation: 'ListAccountAssignmentCreationStatus',
      pages: () => paginateListAccountAssignmentCreationStatus(config, { InstanceArn, ...IN_PROGRESS }),
      items: (page) => page.AccountAssignmentsCreationStatus,
      describe: async (id) =>
        (await client.send(new DescribeAccountAssignmentCreationStatusCommand({ InstanceArn, AccountAssignmentCreationRequestId: id })))
          .AccountAssignmentCreationStatus,
    }),
    deletion: sourceOf({
      listOperation: 'ListAccountAssignmentDeletionStatus',
      pages: () => paginateListAccountAssignmentDeletionStatus(config, { InstanceArn, ...IN_PROGRESS }),
      items: (page) => page.AccountAssignmentsDeletionStatus,
      describe: async (id) =>
        (await client.send(new DescribeAccountAssignmentDeletionStatusCommand({ InstanceArn, AccountAssignmentDeletionRequestId: id })))
          .AccountAssignmentDeletionStatus,
    }),
    provisioning: sourceOf({
      listOperation: 'ListPermissionSetProvisioningStatus',
      pages: () => paginateListPermissionSetProvisioningStatus(config, { InstanceArn, ...IN_PROGRESS }),
      items: (page) => page.PermissionSetsProvisioningStatus,
      describe: async (id) =>
        (await client.send(new DescribePermissionSetProvisioningStatusCommand({ InstanceArn, ProvisionPermissionSetRequestId: id })))
          .PermissionSetProvisioningStatus,
    }),
  };
}

const pairOf = (a: ConcreteAssignment) => `${a.accountId}|${a.permissionSetArn}`;
const rowKey = (principalType: string | undefined, principalId: string | undefined) => `${principalType}#${principalId}`;

/**
 * Evidence that assignment creations succeeded: the assignments ListAccountAssignments
 * shows on their (account, permission set) pair — what `plan` reads to decide that an
 * assignment exists. One read confirms every request of the pair. It stops as soon as every
 * wanted row was seen, and after as many pages as requests it confirms, so it never costs
 * more than a Describe each; a row not seen is no evidence either way (the request is then
 * described).
 */
export function assignmentCreationEvidence(client: SSOAdminClient, InstanceArn: string): SuccessEvidence<ConcreteAssignment> {
  return {
    groupOf: pairOf,
    confirmed: (requests: readonly Pending<ConcreteAssignment>[]) =>
      awsCall('sso-admin', 'ListAccountAssignments', async () => {
        const first = requests[0];
        if (first === undefined) return new Set<string>();
        const wanted = new Map(requests.map((r) => [rowKey(r.subject.principalType, r.subject.principalId), r.requestId]));
        const shown = new Set<string>();
        let pages = 0;
        const input = { InstanceArn, AccountId: first.subject.accountId, PermissionSetArn: first.subject.permissionSetArn };
        for await (const page of paginateListAccountAssignments(paginatorConfig(client, PAGE_SIZE), input)) {
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
