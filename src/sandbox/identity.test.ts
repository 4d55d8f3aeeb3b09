import { describe, expect, it } from 'vitest';
import { callerIdentity } from './identity.js';

const auth = (keyId: string, region = 'eu-west-1') =>
  `AWS4-HMAC-SHA256 Credential=${keyId}/20260101/${region}/sso/aws4_request, SignedHeaders=host, Signature=abc`;

describe('callerIdentity', () => {
  it('keeps a bare 12-digit key as the root user of that account', () => {
    expect(callerIdentity(auth('111122223333'))).toMatchObject({
      account: '111122223333',
      type: 'Root',
      arn: 'arn:aws:iam::111122223333:root',
      principalId: '111122223333',
      region: 'eu-west-1',
    });
    expect(callerIdentity(auth('111122223333')).sessionName).toBeUndefined();
  });

  it('makes <account>-<name> a session of role sandbox in that account', () => {
    const id = callerIdentity(auth('111122223333-alice.smith@example.com'));
    expect(id).toMatchObject({
      account: '111122223333',
      type: 'AssumedRole',
      arn: 'arn:aws:sts::111122223333:assumed-role/sandbox/alice.smith@example.com',
      sessionName: 'alice.smith@example.com',
      accessKeyId: '111122223333-alice.smith@example.com',
    });
    expect(id.principalId).toBe(`${id.principalId.split(':')[0]}:alice.smith@example.com`);
  });

  it('treats keys that are neither as the default account root, as before', () => {
    for (const key of ['AKIAEXAMPLE', '11112222333-bob', '111122223333-', '111122223333-has space']) {
      expect(callerIdentity(auth(key))).toMatchObject({ account: '123456789012', type: 'Root' });
    }
    expect(callerIdentity(undefined)).toMatchObject({ account: '123456789012', region: 'us-east-1' });
  });

  it('tells two people of one account apart by principal, not by account', () => {
    const a = callerIdentity(auth('111122223333-alice'));
    const b = callerIdentity(auth('111122223333-mallory'));
    expect(a.account).toBe(b.account);
    expect(a.arn).not.toBe(b.arn);
    expect(a.principalId).not.toBe(b.principalId);
  });
});
