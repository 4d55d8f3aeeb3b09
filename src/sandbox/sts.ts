// STS GetCallerIdentity, the one STS call the tool makes (to know whether it runs as the
// management account or a delegated administrator). STS speaks the AWS Query protocol
// (form-encoded request, XML answer), unlike the JSON 1.1 services, so it is answered here
// before JSON dispatch. The identity is the caller's (identity.ts): an account's root, or a
// named person of the account acting through role `sandbox`.
import { callerIdentity } from './identity.js';

export interface StsAnswer {
  status: number;
  contentType: string;
  body: string;
}

/** The answer to an STS Query request, or undefined when `body` is not one. */
export function answerSts(body: string, authorization: string | undefined, requestId: string): StsAnswer | undefined {
  const params = new URLSearchParams(body);
  const action = params.get('Action');
  if (action === null) return undefined;
  if (action !== 'GetCallerIdentity') {
    return {
      status: 400,
      contentType: 'text/xml',
      body: stsError('InvalidAction', `The sandbox answers only GetCallerIdentity of STS, not ${action}`, requestId),
    };
  }
  const { account, arn, principalId } = callerIdentity(authorization);
  return {
    status: 200,
    contentType: 'text/xml',
    body:
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>' +
      `<Arn>${escapeXml(arn)}</Arn><UserId>${escapeXml(principalId)}</UserId><Account>${account}</Account>` +
      `</GetCallerIdentityResult><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
  };
}

function stsError(code: string, message: string, requestId: string): string {
  return `<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`;
}

/** Session names allow only [\w+=,.@-] (identity.ts), none of which XML reserves; escaped anyway so that no later change breaks the document. */
function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
