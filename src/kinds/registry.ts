// Every kind, registered once. The type makes a kind of `Change` without a descriptor a
// compile error, and each descriptor's type makes a missing piece one. The order is the
// order a reader expects the plan's sections in (the order of docs/state-format.md) and
// the order of the per-kind warnings and safety refusals.
import type { Change, ChangeKind } from '../plan/types.js';
import { accessControlAttributeKind } from './access-control-attribute/descriptor.js';
import { applicationAssignmentKind } from './application-assignment/descriptor.js';
import { applicationKind } from './application/descriptor.js';
import { assignmentKind } from './assignment/descriptor.js';
import type { ChangeOf, KindDescriptor } from './descriptor.js';
import { groupKind } from './group/descriptor.js';
import { membershipKind } from './membership/descriptor.js';
import { permissionSetKind } from './permission-set/descriptor.js';
import { userKind } from './user/descriptor.js';

export type KindRegistry = { readonly [K in ChangeKind]: KindDescriptor<ChangeOf<K>> };

export const KINDS: KindRegistry = {
  user: userKind,
  group: groupKind,
  membership: membershipKind,
  permissionSet: permissionSetKind,
  assignment: assignmentKind,
  accessControlAttribute: accessControlAttributeKind,
  application: applicationKind,
  applicationAssignment: applicationAssignmentKind,
};

/** Any kind's descriptor, for code that treats kinds alike (sections, thresholds). */
export type AnyKindDescriptor = KindRegistry[ChangeKind];

/** The descriptors in registry order. */
export const KIND_LIST: readonly AnyKindDescriptor[] = Object.values(KINDS);

/** The descriptor of a change's kind, typed for that change. TypeScript cannot correlate
 *  `KINDS[c.kind]` with `c` by itself; the registry's type guarantees the pairing. */
export function descriptorOf<C extends Change>(c: C): KindDescriptor<C> {
  return KINDS[c.kind] as unknown as KindDescriptor<C>;
}
