// Who a sandbox caller is, from the SigV4 access key id alone (signatures are not checked).
// A bare 12-digit key is that account's root user, as before; `<account>-<name>` is a
// person of that account, acting through an assumed role `sandbox` with session name
// `<name>`, so that one test can act as several people of one account and CloudTrail
// events tell them apart. Any other key is the default account's root.
//
// The shapes follow the CloudTrail userIdentity element (AWS CloudTrail User Guide,
// "CloudTrail userIdentity element": type Root / AssumedRole, principalId, arn, accountId,
// accessKeyId, sessionContext.sessionIssuer) and STS GetCallerIdentity (UserId of an
// assumed role is "<role id>:<session name>", Arn "arn:aws:sts::<account>:assumed-role/<role>/<session>").
import { DEFAULT_ACCOUNT } from './state/world.js';

/** The role every named sandbox identity assumes. */
export const SANDBOX_ROLE = 'sandbox';

export interface CallerIdentity {
  account: string;
  accessKeyId: string;
  type: 'Root' | 'AssumedRole';
  /** arn:aws:iam::<account>:root or arn:aws:sts::<account>:assumed-role/sandbox/<name> */
  arn: string;
  /** STS UserId / CloudTrail principalId: the account for root, "<role id>:<name>" for a role session */
  principalId: string;
  /** the session name of an assumed role */
  sessionName?: string;
  /** the region of the SigV4 credential scope (CloudTrail records events per region) */
  region: string;
}

const NAMED_KEY = /^(\d{12})-([\w+=,.@-]{1,64})$/;
const DEFAULT_REGION = 'us-east-1';

/** The caller of a request with SigV4 header `authorization` (Credential=AKID/date/region/service/aws4_request). */
export function callerIdentity(authorization: string | undefined): CallerIdentity {
  const keyId = /Credential=([^/,\s]+)\//.exec(authorization ?? '')?.[1] ?? '';
  const region = /Credential=[^/,\s]+\/[^/,\s]+\/([^/,\s]+)\//.exec(authorization ?? '')?.[1] ?? DEFAULT_REGION;
  const named = NAMED_KEY.exec(keyId);
  if (named) {
    const [, account = DEFAULT_ACCOUNT, sessionName = ''] = named;
    return {
      account,
      accessKeyId: keyId,
      type: 'AssumedRole',
      arn: `arn:aws:sts::${account}:assumed-role/${SANDBOX_ROLE}/${sessionName}`,
      principalId: `${roleId(account)}:${sessionName}`,
      sessionName,
      region,
    };
  }
  const account = /^\d{12}$/.test(keyId) ? keyId : DEFAULT_ACCOUNT;
  return { account, accessKeyId: keyId, type: 'Root', arn: `arn:aws:iam::${account}:root`, principalId: account, region };
}

/** The unique id of role `sandbox` in `account`: "AROA" and 17 characters, as IAM role ids are. */
export function roleId(account: string): string {
  return `AROA${account}SANDB`;
}
