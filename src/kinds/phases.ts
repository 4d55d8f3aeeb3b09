// The apply phases in order (docs/plan-format.md, "Apply order"): what others depend on is
// created first and deleted last. Each kind maps its changes to these names
// (KindDescriptor.phase); a new kind adds its phases here, where they sit among the others.
//
// A rename runs first: it depends on nothing, and an update, membership or assignment of
// the group names it by its new name, which has an id only once the rename is done.
export const PHASES = [
  'groups renamed',
  'users created/updated',
  'groups created/updated',
  'memberships added',
  // before the permission sets whose policies may read them (aws:PrincipalTag/<key>)
  'attributes for access control set',
  'permission sets created/updated',
  'permission sets re-provisioned',
  'applications created/updated',
  'assignments created',
  'application assignments created',
  'assignments deleted',
  'application assignments deleted',
  'memberships removed',
  'groups deleted',
  'users deleted',
  'permission sets deleted',
  // deleting an application takes its assignments with it (DeleteApplication)
  'applications deleted',
] as const;
export type Phase = (typeof PHASES)[number];

/**
 * Phases that may run alongside the phases after them, until the named phase starts. Group
 * memberships added are needed by nothing before "assignments deleted" (their dependency key
 * is needed only by membership removals, src/kinds/membership/descriptor.ts), and they must
 * be in place before any assignment is deleted (a user moved from a direct assignment to a
 * group would otherwise be locked out meanwhile). So they run while attributes, permission
 * sets, re-provisioning and new assignments are applied — a migration's 4,000 memberships
 * then cost no wall time of their own beside its assignment requests, which leave most of the
 * request rate unused while they wait for AWS.
 */
export const OVERLAPS_UNTIL: Partial<Record<Phase, Phase>> = { 'memberships added': 'assignments deleted' };
