import { describe, expect, it } from 'vitest';
import { AwsSetupError } from '../errors.js';
import { routeAfterListing, routeBeforeListing, staleListingSide } from './assignment-route.js';

describe('assignment read route', () => {
  it('reads per principal at once when there are no more principals than permission sets', () => {
    expect(routeBeforeListing({ permissionSets: 30, principals: 12, principalRouteAllowed: true }, 'auto')).toBe('principals');
  });

  it('defers the choice until the provisioned pairs are counted when principals outnumber sets', () => {
    expect(routeBeforeListing({ permissionSets: 5, principals: 400, principalRouteAllowed: true }, 'auto')).toBeUndefined();
  });

  it('takes the cheaper remaining cost: provisioned pairs versus principals', () => {
    const counts = { permissionSets: 5, principals: 400, principalRouteAllowed: true };
    expect(routeAfterListing(counts, 120)).toBe('pairs');
    expect(routeAfterListing(counts, 2000)).toBe('principals');
  });

  it('never reads per principal from an account that is not the management account', () => {
    const counts = { permissionSets: 30, principals: 2, principalRouteAllowed: false };
    expect(routeBeforeListing(counts, 'auto')).toBe('pairs');
    expect(routeAfterListing(counts, 5000)).toBe('pairs');
  });

  it('refuses a forced principal route from a delegated administrator instead of calling what AWS forbids there', () => {
    const counts = {
      permissionSets: 1,
      principals: 100,
      principalRouteAllowed: false,
      callerAccountId: '222222222222',
      managementAccountId: '111111111111',
    };
    expect(() => routeBeforeListing(counts, 'principals')).toThrow(
      'SSO_GITOPS_ASSIGNMENT_ROUTE=principals cannot be used from account 222222222222: ListAccountAssignmentsForPrincipal must be called from the management account (111111111111); unset it to read assignments by provisioned pairs',
    );
    expect(() => routeBeforeListing(counts, 'principals')).toThrow(AwsSetupError);
    expect(routeBeforeListing(counts, 'pairs')).toBe('pairs');
  });

  it('obeys an explicit preference', () => {
    expect(routeBeforeListing({ permissionSets: 1, principals: 100, principalRouteAllowed: true }, 'principals')).toBe('principals');
    expect(routeBeforeListing({ permissionSets: 100, principals: 1, principalRouteAllowed: true }, 'pairs')).toBe('pairs');
  });

  it('lists stale provisioning from the smaller side', () => {
    expect(staleListingSide(10, 300)).toBe('perPermissionSet');
    expect(staleListingSide(300, 10)).toBe('perAccount');
  });
});
