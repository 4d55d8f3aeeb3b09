// The organization's accounts (and, on request, OU paths and tags) read with the
// Organizations client alone: `access` from the state files needs to know which accounts
// exist and where, but no Identity Center read (no instance, no sso-admin, no identitystore).
import type { ClientOptions } from './clients.js';
import { createOrganizationsClient } from './clients.js';
import { DEFAULT_READ_CONCURRENCY } from './concurrency.js';
import { createPacing } from './context.js';
import { readOrganization, type OrganizationReadOptions, type OrganizationSnapshot } from './kinds/organization.js';
import { SILENT_PROGRESS, type ProgressReporter } from './progress.js';

export async function readOrganizationOnly(
  options: ClientOptions & { progress?: ProgressReporter },
  read: OrganizationReadOptions,
): Promise<OrganizationSnapshot> {
  const organizations = createOrganizationsClient(options, createPacing({}));
  try {
    return await readOrganization(
      { clients: { organizations }, concurrency: DEFAULT_READ_CONCURRENCY, progress: options.progress ?? SILENT_PROGRESS },
      read,
    );
  } finally {
    organizations.destroy();
  }
}
