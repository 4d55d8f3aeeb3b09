// sso-admin writes for applications, application assignments and their configuration, and
// the instance's ABAC attribute set. All are synchronous (no request to poll). As in
// sso-admin-writer.ts, a ConflictException ("a conflict with a previous successful write",
// the model) is settled by reading whether the write's goal already holds (settle.ts);
// a removal whose target is already gone is done.
import {
  ConflictException,
  CreateApplicationAssignmentCommand,
  CreateApplicationCommand,
  CreateInstanceAccessControlAttributeConfigurationCommand,
  DeleteApplicationAssignmentCommand,
  DeleteApplicationCommand,
  DeleteInstanceAccessControlAttributeConfigurationCommand,
  DescribeApplicationAssignmentCommand,
  DescribeApplicationCommand,
  GetApplicationAssignmentConfigurationCommand,
  PutApplicationAssignmentConfigurationCommand,
  UpdateApplicationCommand,
  UpdateInstanceAccessControlAttributeConfigurationCommand,
  type AccessControlAttribute as SdkAttribute,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import {
  isApiCreatableProvider,
  sameAttributes,
  type AccessControlAttribute,
  type ApplicationSpec,
  type ApplicationState,
} from '../../model/applications.js';
import { listApplications, readAccessControlConfiguration, readApplication } from '../kinds/applications.js';
import type { RetryConflicts } from './retry.js';
import { ignoreNotFound, isGone, writeOrConfirm } from './settle.js';

export type PrincipalType = 'USER' | 'GROUP';

export interface ApplicationPrincipal {
  applicationArn: string;
  principalType: PrincipalType;
  principalId: string;
}

export interface CreatedApplication {
  applicationArn: string;
  /** set when the create conflicted and an application of that name and provider already existed: as it is now */
  adopted?: ApplicationState;
}

/** The fields UpdateApplication changes; a field left out keeps its value. */
export type ApplicationChange = Partial<Pick<ApplicationSpec, 'name' | 'description' | 'status'>>;

const toSdkAttributes = (attributes: readonly AccessControlAttribute[]): SdkAttribute[] =>
  attributes.map((a) => ({ Key: a.key, Value: { Source: [...a.source] } }));

export class ApplicationWriter {
  constructor(
    private readonly client: SSOAdminClient,
    private readonly instanceArn: string,
    private readonly retry: RetryConflicts,
  ) {}

  /**
   * Creates a customer managed (OAuth 2.0) application. Any other provider is refused here,
   * before a call: CreateApplication cannot make SAML or AWS managed applications (the
   * model's documentation of the operation).
   */
  async createApplication(spec: ApplicationSpec): Promise<CreatedApplication> {
    if (!isApiCreatableProvider(spec.providerArn)) {
      throw new Error(
        `Application ${spec.name}: provider ${spec.providerArn} cannot be created through the API (CreateApplication makes only ` +
          'OAuth 2.0 customer managed applications, provider arn:aws:sso::aws:applicationProvider/custom); create it in the console and reference it by name',
      );
    }
    return this.retry(`CreateApplication ${spec.name}`, async () => {
      try {
        const out = await this.client.send(
          new CreateApplicationCommand({
            InstanceArn: this.instanceArn,
            ApplicationProviderArn: spec.providerArn,
            Name: spec.name,
            Description: spec.description,
            Status: spec.status,
          }),
        );
        if (!out.ApplicationArn) throw new Error(`CreateApplication ${spec.name} returned no ApplicationArn`);
        return { applicationArn: out.ApplicationArn };
      } catch (err) {
        // The plan saw no application of this name: a conflict means our own earlier attempt
        // (answer lost) or a racing run made it since. Adopt it as it is; none: retry policy.
        if (!(err instanceof ConflictException)) throw err;
        const existing = (
          await listApplications({ clients: { ssoAdmin: this.client }, instanceArn: this.instanceArn, concurrency: 1 })
        ).find((a) => a.Name === spec.name && a.ApplicationProviderArn === spec.providerArn);
        if (!existing?.ApplicationArn) throw err;
        return { applicationArn: existing.ApplicationArn, adopted: await readApplication(this.client, existing) };
      }
    });
  }

  async updateApplication(applicationArn: string, change: ApplicationChange): Promise<void> {
    await writeOrConfirm(
      this.retry,
      `UpdateApplication ${applicationArn}`,
      () =>
        this.client.send(
          new UpdateApplicationCommand({
            ApplicationArn: applicationArn,
            Name: change.name,
            Description: change.description,
            Status: change.status,
          }),
        ),
      async () => {
        const now = await this.client.send(new DescribeApplicationCommand({ ApplicationArn: applicationArn }));
        return (
          (change.name === undefined || now.Name === change.name) &&
          (change.description === undefined || now.Description === change.description) &&
          (change.status === undefined || now.Status === change.status)
        );
      },
    );
  }

  /** Deletes the application (its assignments go with it); one already gone is done. */
  async deleteApplication(applicationArn: string): Promise<void> {
    await writeOrConfirm(
      this.retry,
      `DeleteApplication ${applicationArn}`,
      () => ignoreNotFound(this.client.send(new DeleteApplicationCommand({ ApplicationArn: applicationArn }))),
      () => isGone(() => this.client.send(new DescribeApplicationCommand({ ApplicationArn: applicationArn }))),
    );
  }

  async assign(p: ApplicationPrincipal): Promise<void> {
    const input = { ApplicationArn: p.applicationArn, PrincipalType: p.principalType, PrincipalId: p.principalId };
    await writeOrConfirm(
      this.retry,
      `CreateApplicationAssignment ${p.principalType} ${p.principalId} → ${p.applicationArn}`,
      () => this.client.send(new CreateApplicationAssignmentCommand(input)),
      async () => !(await isGone(() => this.client.send(new DescribeApplicationAssignmentCommand(input)))),
    );
  }

  /** Removes an assignment; one already gone is done (DeleteApplicationAssignment is idempotent in the model). */
  async unassign(p: ApplicationPrincipal): Promise<void> {
    const input = { ApplicationArn: p.applicationArn, PrincipalType: p.principalType, PrincipalId: p.principalId };
    await writeOrConfirm(
      this.retry,
      `DeleteApplicationAssignment ${p.principalType} ${p.principalId} → ${p.applicationArn}`,
      () => ignoreNotFound(this.client.send(new DeleteApplicationAssignmentCommand(input))),
      () => isGone(() => this.client.send(new DescribeApplicationAssignmentCommand(input))),
    );
  }

  async setAssignmentRequired(applicationArn: string, assignmentRequired: boolean): Promise<void> {
    await writeOrConfirm(
      this.retry,
      `PutApplicationAssignmentConfiguration ${applicationArn}`,
      () =>
        this.client.send(
          new PutApplicationAssignmentConfigurationCommand({ ApplicationArn: applicationArn, AssignmentRequired: assignmentRequired }),
        ),
      async () =>
        (await this.client.send(new GetApplicationAssignmentConfigurationCommand({ ApplicationArn: applicationArn })))
          .AssignmentRequired === assignmentRequired,
    );
  }

  /**
   * Enables ABAC with this attribute set (one call for the whole set). A conflict means a
   * configuration exists already: if it holds the set, done; if it holds another, the set
   * is written over it with Update (the goal is the whole set either way).
   */
  async createAccessControlAttributes(attributes: readonly AccessControlAttribute[]): Promise<void> {
    const config = { AccessControlAttributes: toSdkAttributes(attributes) };
    let replaceInstead = false;
    await writeOrConfirm(
      this.retry,
      `CreateInstanceAccessControlAttributeConfiguration ${this.instanceArn}`,
      () =>
        this.client.send(
          new CreateInstanceAccessControlAttributeConfigurationCommand({
            InstanceArn: this.instanceArn,
            InstanceAccessControlAttributeConfiguration: config,
          }),
        ),
      async () => {
        const now = await this.readAttributes();
        if (now === undefined) return false;
        if (!sameAttributes(now, attributes)) replaceInstead = true;
        return true;
      },
    );
    if (replaceInstead) await this.updateAccessControlAttributes(attributes);
  }

  /** Replaces the whole attribute set. */
  async updateAccessControlAttributes(attributes: readonly AccessControlAttribute[]): Promise<void> {
    const config = { AccessControlAttributes: toSdkAttributes(attributes) };
    await writeOrConfirm(
      this.retry,
      `UpdateInstanceAccessControlAttributeConfiguration ${this.instanceArn}`,
      () =>
        this.client.send(
          new UpdateInstanceAccessControlAttributeConfigurationCommand({
            InstanceArn: this.instanceArn,
            InstanceAccessControlAttributeConfiguration: config,
          }),
        ),
      async () => {
        const now = await this.readAttributes();
        return now !== undefined && sameAttributes(now, attributes);
      },
    );
  }

  /** Disables ABAC; a configuration already gone is done. */
  async deleteAccessControlAttributes(): Promise<void> {
    await writeOrConfirm(
      this.retry,
      `DeleteInstanceAccessControlAttributeConfiguration ${this.instanceArn}`,
      () =>
        ignoreNotFound(this.client.send(new DeleteInstanceAccessControlAttributeConfigurationCommand({ InstanceArn: this.instanceArn }))),
      async () => (await this.readAttributes()) === undefined,
    );
  }

  private async readAttributes(): Promise<AccessControlAttribute[] | undefined> {
    return (await readAccessControlConfiguration({ clients: { ssoAdmin: this.client }, instanceArn: this.instanceArn }))?.attributes;
  }
}
