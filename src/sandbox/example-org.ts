// The organization the example state in identity/ describes, so a newcomer can run
// `plan` and `reconcile` on the example at once: `sso-gitops sandbox --example-org`, then
// act as account 111122223333. Built directly in the sandbox's state (not through the API)
// because the example names fixed account ids, which CreateAccount would draw at random.
import { addApplication } from './state/applications.js';
import type { World } from './state/world.js';

export const EXAMPLE_MANAGEMENT_ACCOUNT = '111122223333';

interface ExampleAccount {
  id: string;
  name: string;
  /** OU name below the root; absent = at the root */
  ou?: string;
  tags?: Record<string, string>;
}

const EXAMPLE_ACCOUNTS: ExampleAccount[] = [
  { id: '210987654321', name: 'prod', ou: 'Workloads', tags: { env: 'prod' } },
  { id: '310987654321', name: 'staging', ou: 'Workloads', tags: { env: 'staging' } },
  { id: '999988887777', name: 'legacy' },
];

export function seedExampleOrganization(world: World): void {
  const org = world.createOrganization(EXAMPLE_MANAGEMENT_ACCOUNT);
  org.account(EXAMPLE_MANAGEMENT_ACCOUNT).Name = 'management';
  const ouIds = new Map<string, string>();
  const now = world.nowSeconds();
  for (const a of EXAMPLE_ACCOUNTS) {
    const account = org.addAccount(a.id, a.name, `${a.name}@example.com`, 'CREATED', now);
    world.joinOrganization(org, a.id);
    if (a.ou !== undefined) {
      let ouId = ouIds.get(a.ou);
      if (ouId === undefined) {
        ouId = `ou-${org.rootId.slice(2)}-${world.hex(8)}`;
        org.ous.set(ouId, { Id: ouId, Arn: org.ouArn(ouId), Name: a.ou, parentId: org.rootId });
        ouIds.set(a.ou, ouId);
      }
      account.parentId = ouId;
    }
    if (a.tags) org.tags.set(a.id, new Map(Object.entries(a.tags)));
  }
  seedExampleApplications(world, org.instanceArn);
}

/**
 * A catalogue SAML application, which the API cannot create (CreateApplication makes only
 * OAuth 2.0 customer managed applications): a state file can reference it by name.
 */
function seedExampleApplications(world: World, instanceArn: string): void {
  const instance = world.instances.get(instanceArn);
  if (!instance) throw new Error('createOrganization made no instance');
  addApplication(instance, (n) => world.hex(n), world.nowSeconds(), {
    name: 'Salesforce',
    providerArn: 'arn:aws:sso::aws:applicationProvider/catalog/Salesforce',
    description: 'Salesforce (SAML, from the application catalogue)',
  });
}
