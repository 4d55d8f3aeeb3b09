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
