// sso-admin applications and application providers: create (customer managed OAuth 2.0
// only), describe, update, delete, list. Members and limits follow the sso-admin model
// (botocore sso-admin 2020-07-20 service-2.json; test/fixtures/models/ holds the copy the
// conformance test reads).
import { conflict, validationError } from '../errors.js';
import type { Input, Json } from '../input.js';
import { SSO_ADMIN_PAGES, type PageLimits } from '../pagination.js';
import { read, write, type CallContext, type OperationTable } from '../router-types.js';
import {
  APPLICATION_PROVIDERS,
  addApplication,
  applicationProvider,
  type ApplicationRecord,
  type ApplicationStatus,
} from '../state/applications.js';
import type { Instance } from '../state/instance.js';
import { ACCOUNT_ID, adminPage, callerInstance, identityStoreArn, where } from './sso-admin-common.js';
import { readTags } from './sso-admin-tags.js';

const PARTITION = 'aws(-[a-z]{1,5}){0,3}';
export const APPLICATION_ARN = {
  min: 10,
  max: 1224,
  pattern: new RegExp(`^arn:${PARTITION}:sso::\\d{12}:application/((sso)?ins-[a-zA-Z0-9-.]{16})/apl-[a-zA-Z0-9]{16}$`),
};
export const APPLICATION_PROVIDER_ARN = {
  min: 10,
  max: 1224,
  pattern: new RegExp(`^arn:${PARTITION}:sso::aws:applicationProvider/[a-zA-Z0-9-/]+$`),
};
const NAME = { min: 1, max: 100, pattern: /^[\S\s]*$/ };
const DESCRIPTION = { min: 1, max: 128 };
const STATUS = { oneOf: ['ENABLED', 'DISABLED'] as const };
const CLIENT_TOKEN = { min: 1, max: 64, pattern: /^[!-~]+$/ };
const APPLICATION_URL = {
  min: 1,
  max: 512,
  // the model's pattern, "bb" included
  pattern: /^http(s)?:\/\/[-a-zA-Z0-9+&@#/%?=~_|!:,.;]*[-a-zA-Z0-9+&bb@#/%?=~_|]$/,
};
/** ListApplications: MaxResults up to 100, but the model's ApplicationList holds at most 50. */
const APPLICATION_PAGES: PageLimits = { ...SSO_ADMIN_PAGES, defaultSize: 50, listMax: 50 };

export interface ApplicationCall {
  instance: Instance;
  app: ApplicationRecord;
}

/** The application named by ApplicationArn, in an instance the caller administers. */
export function callerApplication(ctx: CallContext): ApplicationCall {
  const arn = ctx.input.string('ApplicationArn', APPLICATION_ARN);
  const instanceId = APPLICATION_ARN.pattern.exec(arn)?.[2] ?? '';
  const partition = arn.split(':')[1] ?? 'aws';
  const instance = ctx.world.instanceFor(ctx.caller, `arn:${partition}:sso:::instance/${instanceId}`);
  return { instance, app: instance.applications.get(arn) };
}

/** SignInOptions: Origin required (IDENTITY_CENTER | APPLICATION), ApplicationUrl optional. */
function signInOptions(input: Input): Json {
  const origin = input.string('Origin', { oneOf: ['IDENTITY_CENTER', 'APPLICATION'] });
  const url = input.optString('ApplicationUrl', APPLICATION_URL);
  return { Origin: origin, ...(url === undefined ? {} : { ApplicationUrl: url }) };
}

/** PortalOptions of CreateApplication: SignInOptions and Visibility, both optional. */
function portalOptions(input: Input | undefined): Json | undefined {
  if (!input) return undefined;
  const signIn = input.optObject('SignInOptions');
  const visibility = input.optString('Visibility', STATUS);
  return { ...(signIn ? { SignInOptions: signInOptions(signIn) } : {}), ...(visibility === undefined ? {} : { Visibility: visibility }) };
}

export function applicationShape(instance: Instance, app: ApplicationRecord): Json {
  return {
    ApplicationArn: app.ApplicationArn,
    ApplicationProviderArn: app.ApplicationProviderArn,
    Name: app.Name,
    ApplicationAccount: instance.ownerAccountId,
    InstanceArn: instance.arn,
    IdentityStoreArn: identityStoreArn(instance),
    Status: app.Status,
    ...(app.PortalOptions === undefined ? {} : { PortalOptions: app.PortalOptions }),
    ...(app.Description === undefined ? {} : { Description: app.Description }),
    CreatedDate: app.CreatedDate,
    CreatedFrom: instance.primaryRegion,
  };
}

function providerShape(arn: string): Json {
  const p = applicationProvider(arn);
  return {
    ApplicationProviderArn: p.ApplicationProviderArn,
    FederationProtocol: p.FederationProtocol,
    DisplayData: { DisplayName: p.DisplayName },
  };
}

/** The providers CreateApplication accepts; the others answer ValidationException (the model's documentation, see state/applications.ts). */
function creatableProvider(arn: string): string {
  const provider = applicationProvider(arn);
  if (!provider.creatableByApi) {
    throw validationError(
      `Application provider ${arn} uses ${provider.FederationProtocol}: CreateApplication only creates OAuth 2.0 customer managed applications`,
    );
  }
  return arn;
}

export const ssoAdminApplicationOperations: OperationTable = {
  CreateApplication: write((ctx) => {
    const instance = callerInstance(ctx);
    const providerArn = ctx.input.string('ApplicationProviderArn', APPLICATION_PROVIDER_ARN);
    const name = ctx.input.string('Name', NAME);
    const description = ctx.input.optString('Description', DESCRIPTION);
    const status = ctx.input.optString('Status', STATUS) as ApplicationStatus | undefined;
    const portal = portalOptions(ctx.input.optObject('PortalOptions'));
    const tags = readTags(ctx.input, 'Tags');
    const token = ctx.input.optString('ClientToken', CLIENT_TOKEN);
    const earlier = token === undefined ? undefined : instance.applications.createdWith(`${ctx.caller}|${token}`);
    if (earlier) {
      if (earlier.Name !== name || earlier.ApplicationProviderArn !== providerArn) {
        throw conflict(`ClientToken ${token} was already used for another CreateApplication request`);
      }
      return { ApplicationArn: earlier.ApplicationArn, InstanceArn: instance.arn, IdentityStoreArn: identityStoreArn(instance) };
    }
    const app = addApplication(instance, (n) => ctx.world.hex(n), ctx.world.nowSeconds(), {
      name,
      providerArn: creatableProvider(providerArn),
      ...(description === undefined ? {} : { description }),
      ...(status === undefined ? {} : { status }),
      ...(portal === undefined ? {} : { portalOptions: portal }),
    });
    for (const t of tags) app.tags.set(t.Key, t.Value);
    if (token !== undefined) instance.applications.rememberClientToken(`${ctx.caller}|${token}`, app.ApplicationArn);
    return { ApplicationArn: app.ApplicationArn, InstanceArn: instance.arn, IdentityStoreArn: identityStoreArn(instance) };
  }),
  DescribeApplication: read((ctx) => {
    const { instance, app } = callerApplication(ctx);
    return applicationShape(instance, app);
  }),
  /** Members left out keep their value; PortalOptions here carries SignInOptions only (UpdateApplicationPortalOptions). */
  UpdateApplication: write((ctx) => {
    const { app } = callerApplication(ctx);
    const name = ctx.input.optString('Name', NAME);
    const description = ctx.input.optString('Description', DESCRIPTION);
    const status = ctx.input.optString('Status', STATUS) as ApplicationStatus | undefined;
    const signIn = ctx.input.optObject('PortalOptions')?.optObject('SignInOptions');
    if (name !== undefined) app.Name = name;
    if (description !== undefined) app.Description = description;
    if (status !== undefined) app.Status = status;
    if (signIn) app.PortalOptions = { ...app.PortalOptions, SignInOptions: signInOptions(signIn) };
    return {};
  }),
  /** "Deletes the association with the application" (model): its assignments go with it. */
  DeleteApplication: write((ctx) => {
    const { instance, app } = callerApplication(ctx);
    instance.applications.delete(app.ApplicationArn);
    return {};
  }),
  ListApplications: read((ctx) => {
    const instance = callerInstance(ctx);
    const filter = ctx.input.optObject('Filter');
    const account = filter?.optString('ApplicationAccount', ACCOUNT_ID);
    const provider = filter?.optString('ApplicationProvider', APPLICATION_PROVIDER_ARN);
    const apps = where(
      instance.applications.all(),
      account === undefined && provider === undefined
        ? undefined
        : (a) =>
            (account === undefined || account === instance.ownerAccountId) &&
            (provider === undefined || a.ApplicationProviderArn === provider),
    );
    const page = adminPage(ctx, apps, `${instance.arn}|${account ?? '*'}|${provider ?? '*'}`, APPLICATION_PAGES);
    return { Applications: page.items.map((a) => applicationShape(instance, a)), NextToken: page.NextToken };
  }),
  ListApplicationProviders: read((ctx) => {
    const page = adminPage(ctx, APPLICATION_PROVIDERS, 'providers');
    return { ApplicationProviders: page.items.map((p) => providerShape(p.ApplicationProviderArn)), NextToken: page.NextToken };
  }),
  DescribeApplicationProvider: read((ctx) => providerShape(ctx.input.string('ApplicationProviderArn', APPLICATION_PROVIDER_ARN))),
};
