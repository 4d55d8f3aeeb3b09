// An in-memory IdentityCenterWriter for the apply step's tests: records every write in
// order, returns deterministic ids, and fails the one call named in `failOn`.
import type { LiveState } from '../model/live.js';
import type { AccessControlAttribute } from '../model/types.js';
import type { AttributeChange } from '../plan/types.js';
import type { ConcreteAssignment, IdentityCenterWriter } from '../apply/port.js';

export function emptyLive(over: Partial<LiveState> = {}): LiveState {
  return {
    instanceArn: 'arn:aws:sso:::instance/ssoins-1',
    identityStoreId: 'd-1',
    callerAccountId: '111111111111',
    managementAccountId: '111111111111',
    users: [],
    groups: [],
    memberships: [],
    permissionSets: [],
    accounts: [],
    organizationalUnits: [],
    assignments: [],
    provisioning: [],
    ...over,
  };
}

/**
 * Records every write as it starts (`calls`), and its start and end (`events`); ids are
 * deterministic; `failOn` makes one call fail; the calls `slow` picks take 30 ms.
 */
export class RecordingWriter implements IdentityCenterWriter {
  calls: string[] = [];
  events: string[] = [];
  constructor(
    private readonly failOn: string | undefined = undefined,
    private readonly slow: (call: string) => boolean = () => false,
  ) {}
  private async record(call: string): Promise<void> {
    this.calls.push(call);
    this.events.push(`start ${call}`);
    if (this.slow(call)) await new Promise((r) => setTimeout(r, 30));
    this.events.push(`end ${call}`);
    if (call === this.failOn) throw new Error(`injected failure of ${call}`);
  }
  async createUser(u: { userName: string }) {
    await this.record(`createUser ${u.userName}`);
    return `u-${u.userName}`;
  }
  async updateUser(id: string) {
    await this.record(`updateUser ${id}`);
  }
  async deleteUser(id: string) {
    await this.record(`deleteUser ${id}`);
  }
  async createGroup(name: string) {
    await this.record(`createGroup ${name}`);
    return `g-${name}`;
  }
  async updateGroup(id: string, _attributes: AttributeChange[]) {
    await this.record(`updateGroup ${id}`);
  }
  async deleteGroup(id: string) {
    await this.record(`deleteGroup ${id}`);
  }
  async createMembership(g: string, u: string) {
    await this.record(`createMembership ${g} ${u}`);
  }
  async deleteMembership(id: string) {
    await this.record(`deleteMembership ${id}`);
  }
  async createPermissionSet(s: { name: string }) {
    await this.record(`createPermissionSet ${s.name}`);
    return { arn: `arn:ps/${s.name}` };
  }
  async applyPermissionSetOperation(arn: string, op: { op: string }) {
    await this.record(`${op.op} ${arn}`);
  }
  async deletePermissionSet(arn: string) {
    await this.record(`deletePermissionSet ${arn}`);
  }
  async provisionPermissionSet(arn: string) {
    await this.record(`provision ${arn}`);
  }
  async createAssignment(a: ConcreteAssignment) {
    await this.record(`createAssignment ${a.permissionSetArn} ${a.principalId} ${a.accountId}`);
  }
  async deleteAssignment(a: ConcreteAssignment) {
    await this.record(`deleteAssignment ${a.permissionSetArn} ${a.principalId} ${a.accountId}`);
  }
  async createAccessControlAttributes(attributes: AccessControlAttribute[]) {
    await this.record(`createAccessControlAttributes ${attributes.map((a) => a.key).join(',')}`);
  }
  async updateAccessControlAttributes(attributes: AccessControlAttribute[]) {
    await this.record(`updateAccessControlAttributes ${attributes.map((a) => a.key).join(',')}`);
  }
  async deleteAccessControlAttributes() {
    await this.record('deleteAccessControlAttributes');
  }
  async createApplication(spec: { name: string }) {
    await this.record(`createApplication ${spec.name}`);
    return `arn:app/${spec.name}`;
  }
  async updateApplication(arn: string) {
    await this.record(`updateApplication ${arn}`);
  }
  async deleteApplication(arn: string) {
    await this.record(`deleteApplication ${arn}`);
  }
  async setApplicationAssignmentRequired(arn: string, required: boolean) {
    await this.record(`setApplicationAssignmentRequired ${arn} ${required}`);
  }
  async createApplicationAssignment(a: { applicationArn: string; principalId: string }) {
    await this.record(`createApplicationAssignment ${a.applicationArn} ${a.principalId}`);
  }
  async deleteApplicationAssignment(a: { applicationArn: string; principalId: string }) {
    await this.record(`deleteApplicationAssignment ${a.applicationArn} ${a.principalId}`);
  }
}
