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
 * Phases whose changes start as soon as what they need is done, not after every earlier
 * phase (src/apply/units.ts, schedule.ts). A change of such a phase waits for the changes
 * of earlier phases that provide a dependency key it needs (KindDescriptor.provides/needs:
 * a membership for its user and group, an assignment for its principal and permission set)
 * and for the whole of the earlier phases listed here. A phase not listed waits for every
 * phase before it.
 *
 * These are the additions. A migration's group assignments then start once their group and
 * set exist, while the users and memberships are still being created: the assignment
 * requests, which wait on AWS more than on the rate, overlap them instead of following them.
 * "assignments deleted" and every removal after it are not listed: memberships added must
 * all be in place before any assignment is deleted (a user moved from a direct assignment
 * to a group would otherwise be locked out meanwhile), and what is deleted goes only once
 * everything that replaces it is there.
 */
export const STARTS_WHEN_NEEDS_ARE_MET: Partial<Record<Phase, readonly Phase[]>> = {
  'groups renamed': [],
  'users created/updated': [],
  // a new group may take the name that a rename gives up
  'groups created/updated': ['groups renamed'],
  'memberships added': [],
  'attributes for access control set': [],
  // a set's policies may read the attributes (aws:PrincipalTag/<key>)
  'permission sets created/updated': ['attributes for access control set'],
  'permission sets re-provisioned': [],
  'applications created/updated': [],
  // a creation provisions its set on the account: not while AWS re-provisions the set
  'assignments created': ['permission sets re-provisioned'],
  'application assignments created': [],
};
