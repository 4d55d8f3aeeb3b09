// organizations (AWSOrganizationsV20161128.*): reads for the management account and
// delegated administrators, writes for the management account only.
import { AwsError, accessDenied } from '../errors.js';
import type { Input, Json } from '../input.js';
import { ORGANIZATIONS_PAGES, encodeToken, paginate } from '../pagination.js';
import { read, write, type CallContext, type OperationTable } from '../router-types.js';
import type { Account, Organization } from '../state/organization.js';

const ACCOUNT_ID = /^\d{12}$/;
// the model's patterns, with the alternation grouped so both anchors apply to every branch
const PARENT_ID = /^(?:r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const CHILD_ID = /^(?:\d{12}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const TAGGABLE_ID = /^(?:\d{12}|r-[0-9a-z]{4,32}|ou-[0-9a-z]{4,32}-[a-z0-9]{8,32})$/;
const SERVICE_PRINCIPAL = /^[\w+=,.@-]*$/;

/** Management account or any delegated administrator may read. */
function readableOrg(ctx: CallContext): Organization {
  const org = ctx.world.requireOrganization(ctx.caller);
  if (ctx.caller !== org.managementAccountId && !org.isDelegatedAdmin(ctx.caller)) {
    throw accessDenied("You don't have permissions to access this resource.");
  }
  return org;
}

function managementOrg(ctx: CallContext): Organization {
  const org = ctx.world.requireOrganization(ctx.caller);
  if (ctx.caller !== org.managementAccountId)
    throw accessDenied("This operation can be performed only from the organization's management account.");
  return org;
}

/** One page of a listing; with the empty-page fault an empty page still points at the same place. */
function page<T>(ctx: CallContext, items: Iterable<T>, scope: string): { items: T[]; NextToken?: string } {
  const fullScope = `${ctx.operation}:${scope}`;
  const result = paginate(items, ctx.input, ORGANIZATIONS_PAGES, fullScope);
  if (result.nextToken !== undefined && ctx.world.faults.emptyPage()) {
    return { items: [], NextToken: ctx.input.optString('NextToken') ?? encodeToken(0, fullScope) };
  }
  return result.nextToken === undefined ? { items: result.items } : { items: result.items, NextToken: result.nextToken };
}

function publicAccount(a: Account): Json {
  const { parentId: _parentId, ...rest } = a;
  return rest;
}

function tagsOf(input: Input, name: string): { Key: string; Value: string }[] {
  return (input.optList(name, 50) ?? []).map((t) => {
    const tag = t as { Key?: unknown; Value?: unknown };
    if (
      typeof tag.Key !== 'string' ||
      tag.Key.length < 1 ||
      tag.Key.length > 128 ||
      typeof tag.Value !== 'string' ||
      tag.Value.length > 256
    ) {
      // InvalidInputExceptionReason has no generic value; every check above is a length or presence rule
      throw new AwsError('InvalidInputException', 'You provided a tag that is not valid.', 400, {
        Reason:
          typeof tag.Key !== 'string' || typeof tag.Value !== 'string'
            ? 'INPUT_REQUIRED'
            : tag.Key.length < 1
              ? 'MIN_LENGTH_EXCEEDED'
              : 'MAX_LENGTH_EXCEEDED',
      });
    }
    return { Key: tag.Key, Value: tag.Value };
  });
}

function applyTags(org: Organization, resourceId: string, tags: { Key: string; Value: string }[]): void {
  let map = org.tags.get(resourceId);
  if (!map) org.tags.set(resourceId, (map = new Map<string, string>()));
  for (const t of tags) map.set(t.Key, t.Value);
}

export const organizationsOperations: OperationTable = {
  DescribeOrganization: read((ctx) => ({ Organization: describe(ctx.world.requireOrganization(ctx.caller)) })),
  ListAccounts: read((ctx) => {
    const org = readableOrg(ctx);
    const p = page(ctx, org.accounts.values(), org.id);
    return { Accounts: p.items.map(publicAccount), NextToken: p.NextToken };
  }),
  DescribeAccount: read((ctx) => {
    const org = readableOrg(ctx);
    return { Account: publicAccount(org.account(ctx.input.string('AccountId', { pattern: ACCOUNT_ID }))) };
  }),
  ListRoots: read((ctx) => {
    const org = readableOrg(ctx);
    const p = page(ctx, [{ Id: org.rootId, Arn: org.rootArn, Name: 'Root', PolicyTypes: [] }], org.id);
    return { Roots: p.items, NextToken: p.NextToken };
  }),
  ListOrganizationalUnitsForParent: read((ctx) => {
    const org = readableOrg(ctx);
    const parentId = ctx.input.string('ParentId', { pattern: PARENT_ID });
    org.requireParent(parentId);
    const ous = [...org.ous.values()].filter((ou) => ou.parentId === parentId).map((ou) => ({ Id: ou.Id, Arn: ou.Arn, Name: ou.Name }));
    const p = page(ctx, ous, parentId);
    return { OrganizationalUnits: p.items, NextToken: p.NextToken };
  }),
  ListAccountsForParent: read((ctx) => {
    const org = readableOrg(ctx);
    const parentId = ctx.input.string('ParentId', { pattern: PARENT_ID });
    org.requireParent(parentId);
    const p = page(
      ctx,
      [...org.accounts.values()].filter((a) => a.parentId === parentId),
      parentId,
    );
    return { Accounts: p.items.map(publicAccount), NextToken: p.NextToken };
  }),
  ListChildren: read((ctx) => {
    const org = readableOrg(ctx);
    const parentId = ctx.input.string('ParentId', { pattern: PARENT_ID });
    const childType = ctx.input.string('ChildType', { oneOf: ['ACCOUNT', 'ORGANIZATIONAL_UNIT'] });
    org.requireParent(parentId);
    const source = childType === 'ACCOUNT' ? [...org.accounts.values()] : [...org.ous.values()];
    const children = source.filter((c) => c.parentId === parentId).map((c) => ({ Id: c.Id, Type: childType }));
    const p = page(ctx, children, `${parentId}:${childType}`);
    return { Children: p.items, NextToken: p.NextToken };
  }),
  ListParents: read((ctx) => {
    const org = readableOrg(ctx);
    const childId = ctx.input.string('ChildId', { pattern: CHILD_ID });
    const child = org.accounts.get(childId) ?? org.ous.get(childId);
    if (!child)
      throw new AwsError(
        'ChildNotFoundException',
        `We can't find an organizational unit (OU) or AWS account with the ChildId that you specified: ${childId}`,
      );
    const type = child.parentId === org.rootId ? 'ROOT' : 'ORGANIZATIONAL_UNIT';
    const p = page(ctx, [{ Id: child.parentId, Type: type }], childId);
    return { Parents: p.items, NextToken: p.NextToken };
  }),
  ListTagsForResource: read((ctx) => {
    const org = readableOrg(ctx);
    const resourceId = ctx.input.string('ResourceId', { pattern: TAGGABLE_ID });
    org.requireTaggable(resourceId);
    const tags = [...(org.tags.get(resourceId) ?? new Map<string, string>()).entries()].map(([Key, Value]) => ({ Key, Value }));
    const p = page(ctx, tags, resourceId);
    return { Tags: p.items, NextToken: p.NextToken };
  }),
  DescribeOrganizationalUnit: read((ctx) => {
    const org = readableOrg(ctx);
    const ou = org.ou(ctx.input.string('OrganizationalUnitId', { pattern: /^ou-[0-9a-z]{4,32}-[a-z0-9]{8,32}$/ }));
    return { OrganizationalUnit: { Id: ou.Id, Arn: ou.Arn, Name: ou.Name } };
  }),
  ListDelegatedAdministrators: read((ctx) => {
    const org = readableOrg(ctx);
    const principal = ctx.input.optString('ServicePrincipal', { min: 1, max: 128, pattern: SERVICE_PRINCIPAL });
    const admins = [...org.delegatedAdmins.entries()]
      .filter(([, services]) => principal === undefined || services.has(principal))
      .map(([accountId, services]) => ({
        ...publicAccount(org.account(accountId)),
        DelegationEnabledDate: Math.min(...services.values()),
      }));
    const p = page(ctx, admins, principal ?? '*');
    return { DelegatedAdministrators: p.items, NextToken: p.NextToken };
  }),
  CreateOrganization: write((ctx) => {
    ctx.input.optString('FeatureSet', { oneOf: ['ALL', 'CONSOLIDATED_BILLING'] });
    return { Organization: describe(ctx.world.createOrganization(ctx.caller)) };
  }),
  CreateAccount: write((ctx) => {
    const org = managementOrg(ctx);
    const email = ctx.input.string('Email', { min: 6, max: 64, pattern: /^[^\s@]+@[^\s@]+$/ });
    const name = ctx.input.string('AccountName', { min: 1, max: 50 });
    const tags = tagsOf(ctx.input, 'Tags');
    const status = {
      Id: `car-${ctx.world.hex(32)}`,
      AccountName: name,
      State: 'IN_PROGRESS' as const,
      RequestedTimestamp: ctx.world.nowSeconds(),
    };
    org.createAccountStatuses.set(status.Id, status);
    ctx.world.queue.schedule(ctx.world.settings.asyncMs, () => {
      const accountId = ctx.world.newAccountId();
      org.addAccount(accountId, name, email, 'CREATED', ctx.world.nowSeconds());
      ctx.world.joinOrganization(org, accountId);
      applyTags(org, accountId, tags);
      Object.assign(status, { State: 'SUCCEEDED', AccountId: accountId, CompletedTimestamp: ctx.world.nowSeconds() });
    });
    return { CreateAccountStatus: { ...status } };
  }),
  DescribeCreateAccountStatus: read((ctx) => {
    const org = managementOrg(ctx);
    const id = ctx.input.string('CreateAccountRequestId', { pattern: /^car-[a-z0-9]{8,32}$/ });
    const status = org.createAccountStatuses.get(id);
    if (!status)
      throw new AwsError(
        'CreateAccountStatusNotFoundException',
        `We can't find a create account request with the CreateAccountRequestId that you specified: ${id}`,
      );
    return { CreateAccountStatus: { ...status } };
  }),
  CreateOrganizationalUnit: write((ctx) => {
    const org = managementOrg(ctx);
    const parentId = ctx.input.string('ParentId', { pattern: PARENT_ID });
    const name = ctx.input.string('Name', { min: 1, max: 128 });
    const tags = tagsOf(ctx.input, 'Tags');
    org.requireParent(parentId);
    if ([...org.ous.values()].some((ou) => ou.parentId === parentId && ou.Name === name)) {
      throw new AwsError('DuplicateOrganizationalUnitException', 'An OU with the same name already exists.');
    }
    const id = `ou-${org.rootId.slice(2)}-${ctx.world.hex(8)}`;
    org.ous.set(id, { Id: id, Arn: org.ouArn(id), Name: name, parentId });
    applyTags(org, id, tags);
    return { OrganizationalUnit: { Id: id, Arn: org.ouArn(id), Name: name } };
  }),
  MoveAccount: write((ctx) => {
    const org = managementOrg(ctx);
    const account = org.account(ctx.input.string('AccountId', { pattern: ACCOUNT_ID }));
    const source = ctx.input.string('SourceParentId', { pattern: PARENT_ID });
    const destination = ctx.input.string('DestinationParentId', { pattern: PARENT_ID });
    org.requireParent(source, 'SourceParentNotFoundException');
    org.requireParent(destination, 'DestinationParentNotFoundException');
    if (account.parentId !== source)
      throw new AwsError('AccountNotFoundException', `The account ${account.Id} is not in the source parent ${source}.`);
    if (source === destination)
      throw new AwsError('DuplicateAccountException', 'That account is already present in the specified destination.');
    account.parentId = destination;
    return {};
  }),
  TagResource: write((ctx) => {
    const org = managementOrg(ctx);
    const resourceId = ctx.input.string('ResourceId', { pattern: TAGGABLE_ID });
    const tags = tagsOf(ctx.input, 'Tags');
    org.requireTaggable(resourceId);
    applyTags(org, resourceId, tags);
    return {};
  }),
  UntagResource: write((ctx) => {
    const org = managementOrg(ctx);
    const resourceId = ctx.input.string('ResourceId', { pattern: TAGGABLE_ID });
    const keys = ctx.input.optList('TagKeys') ?? [];
    org.requireTaggable(resourceId);
    for (const key of keys) org.tags.get(resourceId)?.delete(String(key));
    return {};
  }),
  RegisterDelegatedAdministrator: write((ctx) => {
    const org = managementOrg(ctx);
    const accountId = ctx.input.string('AccountId', { pattern: ACCOUNT_ID });
    const principal = ctx.input.string('ServicePrincipal', { min: 1, max: 128, pattern: SERVICE_PRINCIPAL });
    org.account(accountId);
    if (accountId === org.managementAccountId) {
      throw new AwsError('ConstraintViolationException', 'You cannot register the management account as a delegated administrator.', 400, {
        Reason: 'CANNOT_REGISTER_MASTER_AS_DELEGATED_ADMINISTRATOR',
      });
    }
    let services = org.delegatedAdmins.get(accountId);
    if (!services) org.delegatedAdmins.set(accountId, (services = new Map<string, number>()));
    if (services.has(principal))
      throw new AwsError(
        'AccountAlreadyRegisteredException',
        'The provided account is already a delegated administrator for your organization.',
      );
    services.set(principal, ctx.world.nowSeconds());
    return {};
  }),
};

function describe(org: Organization): Json {
  const management = org.account(org.managementAccountId);
  return {
    Id: org.id,
    Arn: org.arn,
    FeatureSet: 'ALL',
    MasterAccountArn: management.Arn,
    MasterAccountId: org.managementAccountId,
    MasterAccountEmail: management.Email,
    AvailablePolicyTypes: [],
  };
}
