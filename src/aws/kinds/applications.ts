// Applications: reading. One ListApplications walk, then
// per application its assignments (ListApplicationAssignments) and its assignment
// configuration (GetApplicationAssignmentConfiguration), all applications concurrently.
import {
  GetApplicationAssignmentConfigurationCommand,
  paginateListApplicationAssignments,
  paginateListApplications,
  type Application,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { isApiCreatableProvider, type ApplicationState } from '../../model/applications.js';
import { mapLimit } from '../concurrency.js';
import { awsCall } from '../errors.js';
import { collectPages, paginatorConfig } from '../pagination.js';
import { SILENT_PROGRESS, type ProgressReporter } from '../progress.js';

/** What reading applications needs; a ReadContext is one. */
export interface ApplicationReadContext {
  clients: { ssoAdmin: SSOAdminClient };
  instanceArn: string;
  concurrency: number;
  progress?: ProgressReporter;
}

/** ListApplications: MaxResults goes to 100, but the model's ApplicationList holds at most 50 per page. */
const APPLICATION_PAGE = 50;
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export async function listApplications(ctx: ApplicationReadContext): Promise<Application[]> {
  return collectPages(
    'sso-admin',
    'ListApplications',
    paginateListApplications(paginatorConfig(ctx.clients.ssoAdmin, APPLICATION_PAGE), { InstanceArn: ctx.instanceArn }),
    (page) => page.Applications,
  );
}

export async function readApplications(ctx: ApplicationReadContext): Promise<ApplicationState[]> {
  const apps = await listApplications(ctx);
  const progress = ctx.progress ?? SILENT_PROGRESS;
  let done = 0;
  const states = await mapLimit(apps, ctx.concurrency, async (app) => {
    const state = await readApplication(ctx.clients.ssoAdmin, app);
    progress.update('applications', ++done, apps.length);
    return state;
  });
  return states.sort((a, b) => byId(a.name, b.name) || byId(a.applicationArn, b.applicationArn));
}

/** One application as listed or described, with its assignments and assignment configuration. */
export async function readApplication(client: SSOAdminClient, app: Application): Promise<ApplicationState> {
  const applicationArn = app.ApplicationArn;
  if (!applicationArn)
    throw new Error(`sso-admin ListApplications answered an application without ApplicationArn (${app.Name ?? 'no name'})`);
  const [assignments, configuration] = await Promise.all([
    collectPages(
      'sso-admin',
      'ListApplicationAssignments',
      paginateListApplicationAssignments(paginatorConfig(client, 100), { ApplicationArn: applicationArn }),
      (page) => page.ApplicationAssignments,
    ),
    awsCall('sso-admin', 'GetApplicationAssignmentConfiguration', () =>
      client.send(new GetApplicationAssignmentConfigurationCommand({ ApplicationArn: applicationArn })),
    ),
  ]);
  const providerArn = app.ApplicationProviderArn ?? '';
  const idsOf = (type: 'USER' | 'GROUP') =>
    assignments
      .filter((a) => a.PrincipalType === type && a.PrincipalId)
      .map((a) => a.PrincipalId ?? '')
      .sort(byId);
  return {
    name: app.Name ?? '',
    applicationArn,
    providerArn,
    customerManaged: isApiCreatableProvider(providerArn),
    status: app.Status ?? 'ENABLED',
    ...(app.Description ? { description: app.Description } : {}),
    // AssignmentRequired is a required member of the answer; true is AWS's documented default
    assignmentRequired: configuration.AssignmentRequired ?? true,
    users: idsOf('USER'),
    groups: idsOf('GROUP'),
  };
}
