// The CloudTrail record of one write the sandbox served, in the documented record format
// (AWS CloudTrail User Guide, "CloudTrail record contents for management, data, and
// network activity events" and "CloudTrail userIdentity element"): eventVersion,
// userIdentity, eventTime, eventSource, eventName, awsRegion, sourceIPAddress, userAgent,
// requestParameters, responseElements, requestID, eventID, readOnly, eventType,
// managementEvent, recipientAccountId, eventCategory, and errorCode/errorMessage for a
// call that failed (CloudTrail records those too).
//
// Event sources are the services' CloudTrail names: sso.amazonaws.com for the sso-admin
// API and identitystore.amazonaws.com for the identity store (IAM Identity Center user
// guide, "Logging IAM Identity Center API calls with AWS CloudTrail"; EventBridge
// reference, "Identity Store events"), organizations.amazonaws.com for Organizations.
//
// What the sandbox does not emulate: AWS hides some identity store values in
// requestParameters (e.g. user attributes) as HIDDEN_DUE_TO_SECURITY_REASONS; the sandbox
// records the request as sent. Which LookupEvents `Resources` AWS derives for these
// services is not documented; the sandbox lists the ids and ARNs the request and answer
// name (RESOURCE_FIELDS), so a ResourceName lookup finds them.
import type { CallerIdentity } from './identity.js';
import type { ServiceName } from './router-types.js';
import type { TrailRecord, TrailResource } from './state/trail.js';

export const EVENT_SOURCES: Record<ServiceName, string> = {
  'sso-admin': 'sso.amazonaws.com',
  identitystore: 'identitystore.amazonaws.com',
  organizations: 'organizations.amazonaws.com',
  cloudtrail: 'cloudtrail.amazonaws.com',
};

/** Request/answer members that name a resource, and the resource type LookupEvents shows for them (the sandbox's choice, see above). */
const RESOURCE_FIELDS: Record<string, string> = {
  permissionSetArn: 'AWS::SSO::PermissionSet',
  targetId: 'AWS::Organizations::Account',
  accountId: 'AWS::Organizations::Account',
  userId: 'AWS::IdentityStore::User',
  groupId: 'AWS::IdentityStore::Group',
  membershipId: 'AWS::IdentityStore::GroupMembership',
  organizationalUnitId: 'AWS::Organizations::OrganizationalUnit',
  resourceId: 'AWS::Organizations::Resource',
};

export interface ServedWrite {
  identity: CallerIdentity;
  service: ServiceName;
  operation: string;
  /** the request body as sent (PascalCase members) */
  request: Record<string, unknown>;
  /** the answer, when the call succeeded */
  response?: unknown;
  /** the error, when it failed */
  error?: { code: string; message: string };
  /** seconds since the epoch */
  time: number;
  eventId: string;
  sourceIp: string;
  userAgent: string;
}

export function trailRecord(write: ServedWrite): TrailRecord {
  const { identity, service, operation } = write;
  const requestParameters = lowerCamelKeys(write.request) as Record<string, unknown>;
  const responseElements = write.response === undefined ? null : lowerCamelKeys(write.response);
  const record: Record<string, unknown> = {
    eventVersion: '1.09',
    userIdentity: userIdentity(identity, write.time),
    eventTime: isoSeconds(write.time),
    eventSource: EVENT_SOURCES[service],
    eventName: operation,
    awsRegion: identity.region,
    sourceIPAddress: write.sourceIp,
    userAgent: write.userAgent,
    ...(write.error ? { errorCode: write.error.code, errorMessage: write.error.message } : {}),
    requestParameters,
    responseElements,
    requestID: write.eventId,
    eventID: write.eventId,
    readOnly: false,
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: identity.account,
    eventCategory: 'Management',
  };
  return {
    eventId: write.eventId,
    eventName: operation,
    eventSource: EVENT_SOURCES[service],
    eventTime: write.time,
    account: identity.account,
    region: identity.region,
    accessKeyId: identity.accessKeyId,
    username: identity.sessionName ?? 'root',
    readOnly: false,
    resources: resourcesOf(requestParameters, responseElements),
    record,
  };
}

function userIdentity(identity: CallerIdentity, time: number): Record<string, unknown> {
  const common = { principalId: identity.principalId, arn: identity.arn, accountId: identity.account, accessKeyId: identity.accessKeyId };
  if (identity.type === 'Root') return { type: 'Root', ...common };
  const [roleId] = identity.principalId.split(':');
  return {
    type: 'AssumedRole',
    ...common,
    sessionContext: {
      sessionIssuer: {
        type: 'Role',
        principalId: roleId,
        arn: `arn:aws:iam::${identity.account}:role/sandbox`,
        accountId: identity.account,
        userName: 'sandbox',
      },
      attributes: { creationDate: isoSeconds(time), mfaAuthenticated: 'false' },
    },
  };
}

/** Every (field, value) pair of RESOURCE_FIELDS found anywhere in the request or answer, once each. */
function resourcesOf(...documents: unknown[]): TrailResource[] {
  const found = new Map<string, TrailResource>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      for (const [key, member] of Object.entries(value)) {
        const type = RESOURCE_FIELDS[key];
        if (type !== undefined && typeof member === 'string') found.set(`${type} ${member}`, { ResourceType: type, ResourceName: member });
        else visit(member);
      }
    }
  };
  documents.forEach(visit);
  return [...found.values()];
}

/** CloudTrail writes request parameters with lowerCamelCase member names (PermissionSetArn → permissionSetArn). */
function lowerCamelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(lowerCamelKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.charAt(0).toLowerCase() + k.slice(1), lowerCamelKeys(v)]));
}

/** "2026-11-30T08:45:03Z": CloudTrail's eventTime has whole seconds. */
function isoSeconds(seconds: number): string {
  return new Date(Math.floor(seconds) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
