// A CloudTrail management event as the tool uses it: plain data read by src/aws from
// LookupEvents (the `CloudTrailEvent` record, AWS CloudTrail User Guide, "CloudTrail
// record contents"), matched to plan changes by src/plan/attribution.ts.

export interface TrailEvent {
  eventId: string;
  eventName: string;
  /** e.g. sso.amazonaws.com, identitystore.amazonaws.com */
  eventSource: string;
  /** ISO 8601 */
  time: string;
  /** userIdentity.type: Root, IAMUser, AssumedRole, FederatedUser, AWSService, ... */
  principalType: string;
  /** userIdentity.arn; absent for an AWS service acting on its own */
  principalArn?: string;
  /** the role session name of an AssumedRole identity */
  sessionName?: string;
  /** sourceIPAddress: an IP address, or the name of the AWS service that made the call */
  sourceIPAddress?: string;
  /** userIdentity.invokedBy: the AWS service that made the call on the principal's behalf */
  invokedBy?: string;
  /** present when the call failed (then it changed nothing) */
  errorCode?: string;
  /** requestParameters and responseElements as recorded (lowerCamelCase members) */
  requestParameters: unknown;
  responseElements: unknown;
}
