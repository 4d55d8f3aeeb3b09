// A set of (permission set, principal, account) triples kept as nested maps, looked up with
// the strings a triple already holds: the diff of L asks 150,000 times, and a joined key
// per question (tripleKey) was a new string to build and hash each time.
import type { AssignmentTriple, PrincipalType } from '../../model/types.js';

type Accounts = Set<string>;
type ByPrincipal = Record<PrincipalType, Map<string, Accounts>>;

export class TripleSet {
  private readonly bySet = new Map<string, ByPrincipal>();

  constructor(triples: Iterable<AssignmentTriple> = []) {
    for (const t of triples) this.add(t);
  }

  add(t: AssignmentTriple): void {
    let principals = this.bySet.get(t.permissionSet);
    if (principals === undefined) {
      principals = { USER: new Map(), GROUP: new Map() };
      this.bySet.set(t.permissionSet, principals);
    }
    const byName = principals[t.principalType];
    const accounts = byName.get(t.principal);
    if (accounts) accounts.add(t.accountId);
    else byName.set(t.principal, new Set([t.accountId]));
  }

  has(t: AssignmentTriple): boolean {
    return this.bySet.get(t.permissionSet)?.[t.principalType].get(t.principal)?.has(t.accountId) === true;
  }
}
