// Attributes for access control (ABAC): the instance's one configuration, written whole
// with Create/Update/DeleteInstanceAccessControlAttributeConfiguration (sso-admin
// 2020-07-20). A ConflictException goes to the retry policy like every sso-admin write;
// deleting a configuration that is already gone (ResourceNotFoundException) is done.
import {
  CreateInstanceAccessControlAttributeConfigurationCommand,
  DeleteInstanceAccessControlAttributeConfigurationCommand,
  UpdateInstanceAccessControlAttributeConfigurationCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import type { AccessControlAttribute } from '../../model/types.js';
import { awsErrorName } from '../errors.js';
import type { RetryConflicts } from './retry.js';

const configuration = (attributes: readonly AccessControlAttribute[]) => ({
  AccessControlAttributes: attributes.map((a) => ({ Key: a.key, Value: { Source: [...a.source] } })),
});

export class AccessControlAttributesWriter {
  constructor(
    private readonly client: SSOAdminClient,
    private readonly instanceArn: string,
    private readonly retry: RetryConflicts,
  ) {}

  async create(attributes: readonly AccessControlAttribute[]): Promise<void> {
    const input = { InstanceArn: this.instanceArn, InstanceAccessControlAttributeConfiguration: configuration(attributes) };
    await this.retry('CreateInstanceAccessControlAttributeConfiguration', () =>
      this.client.send(new CreateInstanceAccessControlAttributeConfigurationCommand(input)),
    );
  }

  async update(attributes: readonly AccessControlAttribute[]): Promise<void> {
    const input = { InstanceArn: this.instanceArn, InstanceAccessControlAttributeConfiguration: configuration(attributes) };
    await this.retry('UpdateInstanceAccessControlAttributeConfiguration', () =>
      this.client.send(new UpdateInstanceAccessControlAttributeConfigurationCommand(input)),
    );
  }

  async delete(): Promise<void> {
    try {
      await this.retry('DeleteInstanceAccessControlAttributeConfiguration', () =>
        this.client.send(new DeleteInstanceAccessControlAttributeConfigurationCommand({ InstanceArn: this.instanceArn })),
      );
    } catch (err) {
      if (awsErrorName(err) !== 'ResourceNotFoundException') throw err;
    }
  }
}
