import { describe, expect, it } from 'vitest';
import { liveReadOptionsFromEnv } from './read-live.js';

describe('liveReadOptionsFromEnv', () => {
  it('reads everything by the auto route when no emulator switch is set', () => {
    expect(liveReadOptionsFromEnv({})).toEqual({
      permissionSets: { tags: true, permissionsBoundary: true },
      assignmentRoute: 'auto',
      provisioningStatus: true,
      accountTags: true,
      organizationalUnits: true,
      accessControlAttributes: true,
      applications: true,
    });
  });

  it('switches off the reads moto cannot answer and forces a route', () => {
    const options = liveReadOptionsFromEnv({
      SSO_GITOPS_UNSUPPORTED_READS: 'tags, permissionsBoundary,provisioningStatus,accessControlAttributes,applications',
      SSO_GITOPS_ASSIGNMENT_ROUTE: 'principals',
    });
    expect(options).toEqual({
      permissionSets: { tags: false, permissionsBoundary: false },
      assignmentRoute: 'principals',
      provisioningStatus: false,
      accountTags: true,
      organizationalUnits: true,
      accessControlAttributes: false,
      applications: false,
    });
  });

  it('skips the application and ABAC reads alone when told (moto has neither API)', () => {
    expect(liveReadOptionsFromEnv({ SSO_GITOPS_UNSUPPORTED_READS: 'applications' })).toMatchObject({
      applications: false,
      accessControlAttributes: true,
    });
  });

  it('rejects an unknown read name or route instead of ignoring it', () => {
    expect(() => liveReadOptionsFromEnv({ SSO_GITOPS_UNSUPPORTED_READS: 'boundary' })).toThrow('unknown read "boundary"');
    expect(() => liveReadOptionsFromEnv({ SSO_GITOPS_ASSIGNMENT_ROUTE: 'naive' })).toThrow('must be one of auto, pairs, principals');
  });
});
