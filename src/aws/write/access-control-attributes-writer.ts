// Attributes for access control (ABAC): the instance's one configuration, written whole
// with Create/Update/DeleteInstanceAccessControlAttributeConfiguration (sso-admin
// 2020-07-20). All three are synchronous (no request to poll). As in sso-admin-writer.ts,
// a ConflictException ("a conflict with a previous successful write", the model) is settled
// by reading whether the write's goal already holds (settle.ts); deleting a configuration
// that is already gone (ResourceNotFoundException) is done.
import {
  CreateInstanceAccessControlAttributeConfigurationCommand,
  DeleteInstanceAccessControlAttributeConfigurationCommand,
  UpdateInstanceAccessControlAttributeConfigurationCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { AccessControlAttribute } from '../../model/types.js';
import { readAccessControlAttributes } from '../kinds/access-control-attributes.js';
import type { RetryConflicts } from './retry.js';
import { ignoreNotFound, writeOrConfirm } from './settle.js';

const configuration = (attributes: readonly AccessControlAttribute[]) => ({
  AccessControlAttributes: attributes.map((a) => ({ Key: a.key, Value: { Source: [...a.source] } })),
});

/** What Create and Update both take: the instance and the whole configuration. */
interface WholeConfiguration {
  InstanceArn: string;
  InstanceAccessControlAttributeConfiguration: ReturnType<typeof configuration>;
}

/** The same keys with the same sources, in any order: AWS may list the set in another order than it was written. */
function sameAttributes(a: readonly AccessControlAttribute[], b: readonly AccessControlAttribute[]): boolean {
  const sourceOf = new Map(b.map((x) => [x.key, JSON.stringify(x.source)]));
  return a.length === b.length && a.every((x) => sourceOf.get(x.key) === JSON.stringify(x.source));
}

export class AccessControlAttributesWriter {
  constructor(
    private readonly client: SSOAdminClient,
    private readonly instanceArn: string,
    private readonly retry: RetryConflicts,
  ) {}

  /**
   * Enables ABAC with this set (one call for the whole set). A conflict means a
   * configuration exists already: if it holds the set, done; if it holds another, the set is
   * written over it with Update (the goal is the whole set either way).
   */
  async create(attributes: readonly AccessControlAttribute[]): Promise<void> {
    let replaceInstead = false;
    await this.writeWhole(
      'CreateInstanceAccessControlAttributeConfiguration',
      (input) => this.client.send(new CreateInstanceAccessControlAttributeConfigurationCommand(input)),
      attributes,
      (now) => {
        if (now === undefined) return false;
        replaceInstead = !sameAttributes(now, attributes);
        return true;
      },
    );
    if (replaceInstead) await this.update(attributes);
  }

  /** Replaces the whole set. */
  async update(attributes: readonly AccessControlAttribute[]): Promise<void> {
    await this.writeWhole(
      'UpdateInstanceAccessControlAttributeConfiguration',
      (input) => this.client.send(new UpdateInstanceAccessControlAttributeConfigurationCommand(input)),
      attributes,
      (now) => now !== undefined && sameAttributes(now, attributes),
    );
  }

  /** Sends the whole set; on a conflict, `goalHolds` judges the configuration as it is now. */
  private async writeWhole(
    label: string,
    send: (input: WholeConfiguration) => Promise<unknown>,
    attributes: readonly AccessControlAttribute[],
    goalHolds: (now: AccessControlAttribute[] | undefined) => boolean,
  ): Promise<void> {
    const input = { InstanceArn: this.instanceArn, InstanceAccessControlAttributeConfiguration: configuration(attributes) };
    await writeOrConfirm(
      this.retry,
      label,
      () => send(input),
      async () => goalHolds(await this.read()),
    );
  }

  /** Disables ABAC; a configuration already gone is done. */
  async delete(): Promise<void> {
    await writeOrConfirm(
      this.retry,
      'DeleteInstanceAccessControlAttributeConfiguration',
      () =>
        ignoreNotFound(this.client.send(new DeleteInstanceAccessControlAttributeConfigurationCommand({ InstanceArn: this.instanceArn }))),
      async () => (await this.read()) === undefined,
    );
  }

  private read(): Promise<AccessControlAttribute[] | undefined> {
    return readAccessControlAttributes({ clients: { ssoAdmin: this.client }, instanceArn: this.instanceArn });
  }
}
