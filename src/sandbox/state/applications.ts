// Identity Center applications of one instance (their assignments and assignment
// configuration) and the instance's attribute-based access control (ABAC) configuration.
// The application providers are AWS's, not the instance's: a fixed catalogue.
import { notFound } from '../errors.js';
import type { Json } from '../input.js';

export type FederationProtocol = 'SAML' | 'OAUTH';

export interface ApplicationProviderRecord {
  ApplicationProviderArn: string;
  FederationProtocol: FederationProtocol;
  DisplayName: string;
  /**
   * True when CreateApplication accepts this provider. The sso-admin model's documentation
   * of CreateApplication: it "creates an OAuth 2.0 customer managed application"; SAML 2.0
   * customer managed applications and AWS managed applications cannot be created through it.
   */
  creatableByApi: boolean;
}

const PROVIDER_ARN_PREFIX = 'arn:aws:sso::aws:applicationProvider/';

/**
 * The sandbox's provider catalogue. `custom` (OAuth 2.0, customer managed) is the provider
 * CreateApplication is documented with (Terraform's aws_ssoadmin_application, Pulumi's
 * ssoadmin.Application examples); `custom-saml` is the console's customer managed SAML 2.0
 * provider; `catalog/*` stand for the console's pre-integrated SAML applications.
 */
export const APPLICATION_PROVIDERS: readonly ApplicationProviderRecord[] = [
  {
    ApplicationProviderArn: `${PROVIDER_ARN_PREFIX}custom`,
    FederationProtocol: 'OAUTH',
    DisplayName: 'Custom OAuth 2.0',
    creatableByApi: true,
  },
  {
    ApplicationProviderArn: `${PROVIDER_ARN_PREFIX}custom-saml`,
    FederationProtocol: 'SAML',
    DisplayName: 'Custom SAML 2.0',
    creatableByApi: false,
  },
  {
    ApplicationProviderArn: `${PROVIDER_ARN_PREFIX}catalog/Salesforce`,
    FederationProtocol: 'SAML',
    DisplayName: 'Salesforce',
    creatableByApi: false,
  },
  { ApplicationProviderArn: `${PROVIDER_ARN_PREFIX}catalog/Box`, FederationProtocol: 'SAML', DisplayName: 'Box', creatableByApi: false },
  {
    ApplicationProviderArn: `${PROVIDER_ARN_PREFIX}catalog/Slack`,
    FederationProtocol: 'SAML',
    DisplayName: 'Slack',
    creatableByApi: false,
  },
];

export function applicationProvider(arn: string): ApplicationProviderRecord {
  const provider = APPLICATION_PROVIDERS.find((p) => p.ApplicationProviderArn === arn);
  if (!provider) throw notFound(`Could not find application provider ${arn}`);
  return provider;
}

export type ApplicationStatus = 'ENABLED' | 'DISABLED';

export interface ApplicationPrincipal {
  PrincipalType: 'USER' | 'GROUP';
  PrincipalId: string;
}

export interface ApplicationRecord {
  ApplicationArn: string;
  ApplicationProviderArn: string;
  Name: string;
  Description?: string;
  Status: ApplicationStatus;
  /** PortalOptions as the API returns them */
  PortalOptions?: Json;
  CreatedDate: number;
  tags: Map<string, string>;
  /** PutApplicationAssignmentConfiguration; AWS documents true as the default */
  assignmentRequired: boolean;
  /** principal key → assignment, in creation order */
  assignments: Map<string, ApplicationPrincipal>;
}

export function principalKey(p: ApplicationPrincipal): string {
  return `${p.PrincipalType}#${p.PrincipalId}`;
}

export type AccessControlStatus = 'ENABLED' | 'CREATION_IN_PROGRESS' | 'CREATION_FAILED';

export interface AccessControlAttributeRecord {
  Key: string;
  Value: { Source: string[] };
}

export interface AccessControlConfiguration {
  status: AccessControlStatus;
  attributes: AccessControlAttributeRecord[];
}

/** The applications of one instance, by ARN, in creation order. */
export class Applications {
  private readonly byArn = new Map<string, ApplicationRecord>();
  /** CreateApplication ClientToken → the application it created (the SDK fills the token and resends it on retry) */
  private readonly byClientToken = new Map<string, string>();

  /** The application an earlier CreateApplication with this token made, if it still exists. */
  createdWith(clientToken: string): ApplicationRecord | undefined {
    const arn = this.byClientToken.get(clientToken);
    return arn === undefined ? undefined : this.byArn.get(arn);
  }

  rememberClientToken(clientToken: string, arn: string): void {
    this.byClientToken.set(clientToken, arn);
  }

  get size(): number {
    return this.byArn.size;
  }

  all(): Iterable<ApplicationRecord> {
    return this.byArn.values();
  }

  get(arn: string): ApplicationRecord {
    const app = this.byArn.get(arn);
    if (!app) throw notFound(`Could not find application ${arn}`);
    return app;
  }

  add(app: ApplicationRecord): void {
    this.byArn.set(app.ApplicationArn, app);
  }

  delete(arn: string): void {
    this.get(arn);
    this.byArn.delete(arn);
  }

  /** Assignments of one principal across every application (small: an instance has few applications). */
  *assignmentsOf(principal: ApplicationPrincipal): Iterable<{ app: ApplicationRecord; assignment: ApplicationPrincipal }> {
    const key = principalKey(principal);
    for (const app of this.byArn.values()) {
      const assignment = app.assignments.get(key);
      if (assignment) yield { app, assignment };
    }
  }
}

export interface NewApplication {
  name: string;
  providerArn: string;
  description?: string;
  status?: ApplicationStatus;
  portalOptions?: Json;
  assignmentRequired?: boolean;
}

/**
 * Adds an application to an instance, whatever its provider: CreateApplication calls this
 * after refusing providers the API cannot use, and the seeds (test worlds, --example-org)
 * call it directly to stand for applications made in the console. The ARN has the model's
 * ApplicationArn form: arn:aws:sso::ACCOUNT:application/ssoins-…/apl-<16 alphanumerics>.
 */
export function addApplication(
  target: { applications: Applications; arn: string; ownerAccountId: string },
  hex: (length: number) => string,
  now: number,
  fields: NewApplication,
): ApplicationRecord {
  applicationProvider(fields.providerArn);
  const instanceId = target.arn.slice(target.arn.lastIndexOf('/') + 1);
  const app: ApplicationRecord = {
    ApplicationArn: `arn:aws:sso::${target.ownerAccountId}:application/${instanceId}/apl-${hex(16)}`,
    ApplicationProviderArn: fields.providerArn,
    Name: fields.name,
    ...(fields.description === undefined ? {} : { Description: fields.description }),
    Status: fields.status ?? 'ENABLED',
    ...(fields.portalOptions === undefined ? {} : { PortalOptions: fields.portalOptions }),
    CreatedDate: now,
    tags: new Map(),
    assignmentRequired: fields.assignmentRequired ?? true,
    assignments: new Map(),
  };
  target.applications.add(app);
  return app;
}
