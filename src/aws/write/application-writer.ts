// sso-admin writes for applications, application assignments and their configuration.
// All are synchronous (no request to poll). As in
// sso-admin-writer.ts, a ConflictException ("a conflict with a previous successful write",
// the model) is settled by reading whether the write's goal already holds (settle.ts);
// a removal whose target is already gone is done.
import {
  ConflictException,
  CreateApplicationAssignmentCommand,
  CreateApplicationCommand,
  DeleteApplicationAssignmentCommand,
  DeleteApplicationCommand,
  DescribeApplicationAssignmentCommand,
  DescribeApplicationCommand,
  GetApplicationAssignmentConfigurationCommand,
  PutApplicationAssignmentConfigurationCommand,
  UpdateApplicationCommand,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { isApiCreatableProvider, type ApplicationSpec, type ApplicationState } from '../../model/applications.js';
import { listApplications, readApplication } from '../kinds/applications.js';
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
}
