// Random VALID desired states, within what a backend stores faithfully. Valid means what
// docs/state-format.md allows, and also what the stricter validation of issue #11 item 7
// will allow (no whitespace in userNames, no reserved names, no `aws:` tag keys, a policy
// grammar AWS accepts), so a generated state never depends on a rule that is changing.
// Names are unique regardless of case: names that differ only in case are one name.
import fc from 'fast-check';
import type {
  BackendCapabilities,
  SpecAccountRef,
  SpecAssignment,
  SpecBoundary,
  SpecGroup,
  SpecInlinePolicy,
  SpecPermissionSet,
  SpecPolicyRef,
  SpecState,
  SpecUser,
} from './model.js';
import { ACCOUNT_NAMES, OU_PATHS, TAG_FILTERS } from './organization.js';

/** Up to `max` distinct items of `list`, in list order (fast-check wants max ≤ the list's length). */
function someOf<T>(list: readonly T[], max: number): fc.Arbitrary<T[]> {
  return fc.subarray([...list], { maxLength: Math.min(max, list.length) });
}

const RESERVED_NAMES = new Set(['administrator', 'awsadministrators']);
const notReserved = (name: string) => !RESERVED_NAMES.has(name.toLowerCase());

export const userNameArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9._+-]{0,8}(@example\.(com|org))?$/).filter(notReserved);

/** Person names, some outside ASCII: attribute values travel through YAML and JSON. */
const personNameArb = fc.oneof(
  fc.constantFrom('Alice', 'Bob', 'Zoë', 'José', 'Anne-Marie', "O'Brien", '李雷', 'Ægir', 'van der Berg'),
  fc.stringMatching(/^[A-Z][a-z]{1,9}$/),
);

export const OPTIONAL_USER_VALUES = {
  email: fc.stringMatching(/^[a-z]{1,8}@example\.(com|net)$/),
  middleName: personNameArb,
  nickName: personNameArb,
  title: fc.constantFrom('Platform Lead', 'Engineer', 'Auditor (external)', 'Directrice générale'),
  userType: fc.constantFrom('Employee', 'Contractor'),
  preferredLanguage: fc.constantFrom('en', 'fr', 'de-CH'),
  locale: fc.constantFrom('en_US', 'fr_FR'),
  timezone: fc.constantFrom('Europe/Paris', 'America/New_York', 'UTC'),
  profileUrl: fc.constantFrom('https://example.com/people/1', 'https://intranet.example.org/~me'),
} as const;

export const userArb: fc.Arbitrary<SpecUser> = fc.record(
  {
    userName: userNameArb,
    displayName: personNameArb,
    givenName: personNameArb,
    familyName: personNameArb,
    ...OPTIONAL_USER_VALUES,
  },
  { requiredKeys: ['userName', 'displayName', 'givenName', 'familyName'] },
);

export const groupNameArb = fc
  .oneof(
    fc.constantFrom('Platform Admins', 'Developers', 'Auditors', 'Support', 'Data & Analytics', 'Ops (on-call)', 'Équipe Sécurité'),
    fc.stringMatching(/^[A-Z][a-z]{2,8}( [A-Z][a-z]{2,8})?$/),
  )
  .filter(notReserved);

export const groupDescriptionArb = fc.constantFrom('Runs the platform', 'Builds the product', 'Reads everything', 'Über-Gruppe für Prüfer');

export const permissionSetNameArb = fc.stringMatching(/^[A-Za-z][A-Za-z0-9+=,.@_-]{0,15}$/);

export const permissionSetDescriptionArb = fc.constantFrom(
  'Full access',
  'Build and deploy',
  'Look, do not touch',
  'Accès en lecture',
  'Tabs\tand "quotes"',
);
export const sessionDurationArb = fc.constantFrom('PT1H', 'PT2H', 'PT4H', 'PT8H', 'PT12H', 'PT1H30M');
export const relayStateArb = fc.constantFrom(
  'https://console.aws.amazon.com/',
  'https://console.aws.amazon.com/s3/home?region=us-east-1#',
  'https://us-east-1.console.aws.amazon.com/ec2/home',
);

export const tagsArb = fc.dictionary(
  fc.constantFrom('team', 'cost-center', 'owner', 'Env', 'data:class'),
  fc.constantFrom('platform', '4200', 'alice@example.com', 'prod', ''),
  { maxKeys: 3 },
);

export function managedPolicyPool(caps: BackendCapabilities): string[] {
  // No AdministratorAccess: removing the last administrator set on the management account
  // is refused by the lock-out guard, which is not what these tests are about.
  const plain = [
    'arn:aws:iam::aws:policy/ReadOnlyAccess',
    'arn:aws:iam::aws:policy/PowerUserAccess',
    'arn:aws:iam::aws:policy/SecurityAudit',
  ];
  const withPath = ['arn:aws:iam::aws:policy/job-function/ViewOnlyAccess', 'arn:aws:iam::aws:policy/job-function/Billing'];
  return caps.managedPolicyArnsWithPath ? [...plain, ...withPath] : plain;
}

export const CUSTOMER_POLICY_POOL: readonly SpecPolicyRef[] = [
  { name: 'DenyBilling', path: '/' },
  { name: 'TeamDeploy', path: '/teams/' },
  { name: 'Audit.Reader', path: '/a/b/' },
];

const ACTIONS = ['s3:GetObject', 's3:List*', 'ec2:Describe*', 'account:*', 'organizations:*', 'iam:PassRole'];

const statementArb = fc.record(
  {
    Sid: fc.stringMatching(/^[A-Za-z0-9]{1,8}$/),
    Effect: fc.constantFrom<'Allow' | 'Deny'>('Allow', 'Deny'),
    Action: fc.oneof(fc.constantFrom(...ACTIONS), fc.uniqueArray(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 3 })),
    Resource: fc.constant('*'),
  },
  { requiredKeys: ['Effect', 'Action', 'Resource'] },
);

export const inlinePolicyArb: fc.Arbitrary<SpecInlinePolicy> = fc.record({
  Version: fc.constant('2012-10-17' as const),
  Statement: fc.array(statementArb, { minLength: 1, maxLength: 2 }),
});

export function boundaryArb(caps: BackendCapabilities): fc.Arbitrary<SpecBoundary> {
  return fc.oneof(
    fc.constantFrom(...managedPolicyPool(caps)).map((managedPolicyArn) => ({ managedPolicyArn })),
    fc.constant({ customerManagedPolicy: { name: 'Boundary', path: '/boundaries/' } }),
  );
}

export function permissionSetArb(
  caps: BackendCapabilities,
  name: fc.Arbitrary<string> = permissionSetNameArb,
): fc.Arbitrary<SpecPermissionSet> {
  return fc
    .record(
      {
        name,
        description: permissionSetDescriptionArb,
        sessionDuration: sessionDurationArb,
        relayState: relayStateArb,
        tags: caps.permissionSetTags ? tagsArb : fc.constant({}),
        managedPolicies: someOf(managedPolicyPool(caps), 3),
        customerManagedPolicies: someOf([...CUSTOMER_POLICY_POOL], 2),
        inlinePolicy: inlinePolicyArb,
        permissionsBoundary: caps.permissionsBoundary ? boundaryArb(caps) : fc.constant(undefined),
      },
      { requiredKeys: ['name', 'tags', 'managedPolicies', 'customerManagedPolicies'] },
    )
    .map(({ permissionsBoundary, ...rest }) => (permissionsBoundary === undefined ? rest : { ...rest, permissionsBoundary }));
}

export const accountRefsArb: fc.Arbitrary<SpecAccountRef[]> = someOf(ACCOUNT_NAMES, 3).chain((names) =>
  fc.tuple(...names.map((account) => fc.boolean().map((byId) => ({ account, byId })))),
);

/** Account targets of an assignment: at least one of accounts, OUs, tags. */
export const targetsArb: fc.Arbitrary<Pick<SpecAssignment, 'accounts' | 'organizationalUnits' | 'accountTags' | 'excludeAccounts'>> = fc
  .record({
    accounts: accountRefsArb,
    organizationalUnits: someOf([...OU_PATHS], 2),
    accountTags: fc.option(fc.constantFrom(...TAG_FILTERS), { nil: undefined }),
    excludeAccounts: someOf([...ACCOUNT_NAMES], 1).map((names) => names.map((account) => ({ account, byId: false }))),
  })
  .filter((t) => t.accounts.length + t.organizationalUnits.length > 0 || t.accountTags !== undefined)
  .map((t) => ({ ...t, accountTags: t.accountTags ?? {} }));

export function assignmentArb(users: readonly string[], groups: readonly string[], sets: readonly string[]): fc.Arbitrary<SpecAssignment> {
  return fc
    .record({
      permissionSet: fc.constantFrom(...sets),
      users: someOf([...users], 2),
      groups: someOf([...groups], 2),
      targets: targetsArb,
    })
    .filter((a) => a.users.length + a.groups.length > 0)
    .map(({ targets, ...rest }) => ({ ...rest, ...targets }));
}

const lower = (s: string) => s.toLowerCase();

export function groupsArb(userNames: readonly string[]): fc.Arbitrary<SpecGroup[]> {
  return fc.uniqueArray(
    fc.record(
      { name: groupNameArb, description: groupDescriptionArb, members: fc.subarray([...userNames]) },
      { requiredKeys: ['name', 'members'] },
    ),
    { selector: (g) => lower(g.name), maxLength: 3 },
  );
}

/** A whole valid state: 1-4 users, 0-3 groups, 0-3 permission sets, 0-3 assignment entries. */
export function stateArb(caps: BackendCapabilities): fc.Arbitrary<SpecState> {
  return fc
    .record({
      users: fc.uniqueArray(userArb, { selector: (u) => lower(u.userName), minLength: 1, maxLength: 4 }),
      permissionSets: fc.uniqueArray(permissionSetArb(caps), { selector: (s) => lower(s.name), maxLength: 3 }),
      maxDeletePercent: fc.constantFrom(25, 50, 100),
    })
    .chain(({ users, permissionSets, maxDeletePercent }) =>
      groupsArb(users.map((u) => u.userName)).chain((groups) => {
        const assignments =
          permissionSets.length === 0
            ? fc.constant<SpecAssignment[]>([])
            : fc.array(
                assignmentArb(
                  users.map((u) => u.userName),
                  groups.map((g) => g.name),
                  permissionSets.map((s) => s.name),
                ),
                { maxLength: 3 },
              );
        return assignments.map((a): SpecState => ({ users, groups, permissionSets, assignments: a, maxDeletePercent }));
      }),
    );
}
