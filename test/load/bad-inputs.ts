// The corpus of bad state: each case is a set of files and every diagnostic line that
// `validate` must print for it, exactly (file:line:col: message), in order.
import type { StateFiles } from './state-dir.js';

export interface BadInput {
  name: string;
  files: StateFiles;
  expected: string[];
}

/** One valid user, so that a case about another file is not also an empty state. */
const USERS = `users:
  - userName: alice@example.com
    displayName: Alice Liddell
    givenName: Alice
    familyName: Liddell
`;

const PS = (body: string) => `permissionSets:
  - name: Dev
${body}`;

const manyPolicies = Array.from({ length: 21 }, (_, i) => `      - arn:aws:iam::aws:policy/P${i}`).join('\n');
const bigPolicy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'x:*', Resource: 'r'.repeat(33_000) }] });
const wideStatements = JSON.stringify({
  Version: '2012-10-17',
  Statement: Array.from({ length: 400 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Deny', Action: 'a:b', Resource: '*' })),
});

export const BAD_INPUTS: BadInput[] = [
  // --- YAML hazards -------------------------------------------------------------------
  {
    name: 'duplicate key in a mapping',
    files: { 'users.yaml': `users:\n  - userName: a\n    displayName: A\n    userName: b\n` },
    expected: ['identity/users.yaml:4:5: duplicate key "userName"'],
  },
  {
    name: 'alias bomb',
    files: {
      'users.yaml': `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n`,
    },
    expected: ['identity/users.yaml:2:8: alias bomb: aliases expand to more than 100 nodes; write the values out instead'],
  },
  {
    name: 'custom tag',
    files: { 'users.yaml': `users: !include other.yaml\n` },
    expected: ['identity/users.yaml:1:17: custom tag !include is not allowed: state files use plain YAML (core schema) only'],
  },
  {
    name: 'binary tag of YAML 1.1',
    files: { 'users.yaml': `users:\n  - userName: !!binary YWxpY2U=\n` },
    expected: ['identity/users.yaml:2:24: custom tag !!binary is not allowed: state files use plain YAML (core schema) only'],
  },
  {
    name: '__proto__ key',
    files: { 'users.yaml': `users:\n  - userName: a\n    __proto__: {isAdmin: true}\n` },
    expected: ['identity/users.yaml:3:5: key "__proto__" is not allowed (it could change object prototypes)'],
  },
  {
    name: 'non-UTF-8 byte',
    files: { 'users.yaml': Buffer.concat([Buffer.from('users:\n  - userName: caf'), Buffer.from([0xe9]), Buffer.from('\n')]) },
    expected: ['identity/users.yaml:2:18: file is not valid UTF-8 (byte 0xe9); save it as UTF-8'],
  },
  {
    name: 'NUL byte',
    files: { 'users.yaml': `users:\n  - userName: a\u0000b\n` },
    expected: ['identity/users.yaml:2:16: file contains a NUL byte; a state file must be text'],
  },
  {
    name: 'file over 16 MiB',
    files: { 'users.yaml': `# ${'x'.repeat(16 * 1024 * 1024)}\n` },
    expected: ['identity/users.yaml:1:1: file is 16.0 MiB, over the 16 MiB limit for a state file'],
  },
  {
    name: 'deep flow nesting',
    files: { 'users.yaml': `users: ${'['.repeat(100)}${']'.repeat(100)}\n` },
    expected: ['identity/users.yaml:1:71: YAML nests deeper than 64 levels; a state file needs about ten'],
  },
  {
    name: 'deep block nesting',
    files: { 'users.yaml': Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n' },
    expected: ['identity/users.yaml:65:129: YAML nests deeper than 64 levels; a state file needs about ten'],
  },
  {
    name: 'account id with a leading zero, unquoted',
    files: {
      'users.yaml': USERS,
      'assignments.yaml': `assignments:\n  - permissionSet: Dev\n    users: [alice@example.com]\n    accounts: [012345678901]\n`,
    },
    expected: [
      'identity/assignments.yaml:4:16: assignments[0].accounts[0]: account id 12345678901 must be a quoted string ("012345678901"): YAML reads unquoted digits as a number and drops leading zeros',
    ],
  },
  {
    name: 'account id unquoted',
    files: {
      'users.yaml': USERS,
      'assignments.yaml': `assignments:\n  - permissionSet: Dev\n    users: [alice@example.com]\n    accounts:\n      - prod\n      - 123456789012\n`,
    },
    expected: [
      'identity/assignments.yaml:6:9: assignments[0].accounts[1]: account id 123456789012 must be a quoted string ("123456789012"): YAML reads unquoted digits as a number and drops leading zeros',
    ],
  },
  {
    name: 'two YAML documents in one file',
    files: { 'users.yaml': `${USERS}---\ngroups: []\n` },
    expected: ['identity/users.yaml:6:1: a state file holds one YAML document; remove the second "---"'],
  },
  {
    name: 'tab used for indentation',
    files: { 'users.yaml': `users:\n\t- userName: a\n` },
    expected: ['identity/users.yaml:2:1: YAML syntax error: Tabs are not allowed as indentation'],
  },
  {
    name: 'top level is a list',
    files: { 'users.yaml': `- userName: a\n` },
    expected: [
      'identity/users.yaml:1:1: a state file must be a mapping with users, groups, permissionSets, assignments or settings; found a list',
    ],
  },
  {
    name: 'alias without an anchor',
    files: { 'users.yaml': `users: *everyone\n` },
    expected: ['identity/users.yaml:1:8: alias *everyone has no anchor &everyone before it'],
  },
  {
    name: 'mapping used as a key',
    files: { 'users.yaml': `? {a: 1}\n: b\n` },
    expected: ['identity/users.yaml:1:3: a mapping key must be a plain string, not a mapping or list'],
  },
  // --- schema -------------------------------------------------------------------------
  {
    name: 'misspelt top-level key',
    files: { 'users.yaml': USERS.replace('users:', 'user:') },
    expected: ['identity/users.yaml:1:1: unknown top-level key "user" (did you mean "users"?)'],
  },
  {
    name: 'user without familyName',
    files: { 'users.yaml': USERS.replace('    familyName: Liddell\n', '') },
    expected: ['identity/users.yaml:2:5: users[0]: missing required field "familyName"'],
  },
  {
    name: 'reserved userName',
    files: { 'users.yaml': USERS.replace('userName: alice@example.com', 'userName: Administrator') },
    expected: [
      'identity/users.yaml:2:15: users[0].userName: is reserved by AWS (Administrator and AWSAdministrators, in any case, cannot be used)',
    ],
  },
  {
    name: 'misspelt user field',
    files: { 'users.yaml': USERS.replace('displayName', 'displayname') },
    expected: [
      'identity/users.yaml:2:5: users[0]: missing required field "displayName"',
      'identity/users.yaml:3:5: users[0]: unknown field "displayname" (did you mean "displayName"?)',
    ],
  },
  {
    name: 'permission set name with a space and too long',
    files: { 'users.yaml': USERS, 'ps.yaml': `permissionSets:\n  - name: Developer Access\n  - name: ${'A'.repeat(33)}\n` },
    expected: [
      'identity/ps.yaml:2:11: permissionSets[0].name: must use only letters, digits and +=,.@_-',
      'identity/ps.yaml:3:11: permissionSets[1].name: must be at most 32 characters (found 33)',
    ],
  },
  {
    name: 'session duration not ISO-8601',
    files: { 'users.yaml': USERS, 'ps.yaml': PS('    sessionDuration: 8h\n') },
    expected: [
      'identity/ps.yaml:3:22: permissionSets[0].sessionDuration: must match PT1H..PT12H (an ISO-8601 duration of hours and minutes such as PT8H or PT1H30M)',
    ],
  },
  {
    name: 'session duration over 12 hours',
    files: { 'users.yaml': USERS, 'ps.yaml': PS('    sessionDuration: PT13H\n') },
    expected: ['identity/ps.yaml:3:22: permission set "Dev": sessionDuration PT13H is outside PT1H..PT12H'],
  },
  {
    name: 'tag value written as a number',
    files: { 'users.yaml': USERS, 'ps.yaml': PS('    tags: {cost-center: 42}\n') },
    expected: [
      'identity/ps.yaml:3:25: permissionSets[0].tags["cost-center"]: must be a string (put it in quotes: YAML reads 42 as a number)',
    ],
  },
  {
    name: 'permissions boundary in both forms',
    files: {
      'users.yaml': USERS,
      'ps.yaml': PS(
        '    permissionsBoundary:\n      managedPolicyArn: arn:aws:iam::aws:policy/PowerUserAccess\n      customerManagedPolicy: {name: B}\n',
      ),
    },
    expected: [
      'identity/ps.yaml:4:7: permissionSets[0].permissionsBoundary: must have exactly one of managedPolicyArn or customerManagedPolicy',
    ],
  },
  {
    name: 'customer managed policy path without slashes',
    files: { 'users.yaml': USERS, 'ps.yaml': PS('    customerManagedPolicies: [{name: Deploy, path: teams}]\n') },
    expected: [
      'identity/ps.yaml:3:52: permissionSets[0].customerManagedPolicies[0].path: must be "/" or a path such as "/team/" (starting and ending with /)',
    ],
  },
  {
    name: 'managed policy that is not an ARN',
    files: { 'users.yaml': USERS, 'ps.yaml': PS('    managedPolicies: [ReadOnlyAccess]\n') },
    expected: [
      'identity/ps.yaml:3:23: permissionSets[0].managedPolicies[0]: must be an AWS managed policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess (or arn:aws-us-gov:..., arn:aws-cn:...)',
    ],
  },
  {
    name: 'assignment without a principal',
    files: { 'users.yaml': USERS, 'assignments.yaml': `assignments:\n  - permissionSet: Dev\n    accounts: [prod]\n` },
    expected: ['identity/assignments.yaml:2:5: assignments[0]: must name at least one principal in users or groups'],
  },
  {
    name: 'assignment without a target',
    files: {
      'users.yaml': USERS,
      'assignments.yaml': `assignments:\n  - permissionSet: Dev\n    users: [alice@example.com]\n    accounts: []\n`,
    },
    expected: [
      'identity/assignments.yaml:2:5: assignments[0]: must name at least one target in accounts, organizationalUnits or accountTags',
    ],
  },
  {
    name: 'OU path not starting at Root',
    files: {
      'users.yaml': USERS,
      'assignments.yaml': `assignments:\n  - permissionSet: Dev\n    users: [alice@example.com]\n    organizationalUnits: [Workloads/Prod]\n`,
    },
    expected: [
      'identity/assignments.yaml:4:27: assignments[0].organizationalUnits[0]: must be an OU path from the root such as Root/Workloads/Prod',
    ],
  },
  {
    name: 'member listed twice',
    files: { 'users.yaml': USERS, 'groups.yaml': `groups:\n  - name: Devs\n    members: [alice@example.com, alice@example.com]\n` },
    expected: ['identity/groups.yaml:3:34: groups[0].members: "alice@example.com" is listed twice'],
  },
  {
    name: 'protect entry naming both a group and a user',
    files: {
      'users.yaml': USERS,
      'settings.yaml': `settings:\n  safety:\n    protect:\n      - {permissionSet: Admin, group: BreakGlass, user: alice@example.com}\n`,
    },
    expected: ['identity/settings.yaml:4:9: settings.safety.protect[0]: must name exactly one of group or user'],
  },
  {
    name: 'manage flag written as a string, delete percentage over 100',
    files: { 'users.yaml': USERS, 'settings.yaml': `settings:\n  manage:\n    users: "yes"\n  safety:\n    maxDeletePercent: 150\n` },
    expected: [
      'identity/settings.yaml:3:12: settings.manage.users: must be true or false',
      'identity/settings.yaml:5:23: settings.safety.maxDeletePercent: must be between 0 and 100',
    ],
  },
  // --- rules across files -----------------------------------------------------------------
  {
    name: 'user declared in two files',
    files: { 'users.yaml': USERS, 'more/users.yaml': USERS },
    expected: ['identity/users.yaml:2:5: user "alice@example.com" is declared twice (first at identity/more/users.yaml:2:5)'],
  },
  {
    name: 'group declared twice in one file',
    files: { 'users.yaml': USERS, 'groups.yaml': `groups:\n  - name: Devs\n  - name: Ops\n  - name: Devs\n` },
    expected: ['identity/groups.yaml:4:5: group "Devs" is declared twice (first at identity/groups.yaml:2:5)'],
  },
  {
    name: 'settings in two files',
    files: {
      'users.yaml': USERS,
      'settings.yaml': `settings: {}\n`,
      'team/settings.yaml': `# team overrides\nsettings:\n  safety: {maxDeletePercent: 50}\n`,
    },
    expected: ['identity/team/settings.yaml:2:1: settings are declared twice (first at identity/settings.yaml:1:1); keep them in one file'],
  },
  {
    name: 'group member that is not a user',
    files: {
      'users.yaml': USERS,
      'groups.yaml': `groups:\n  - name: Devs\n    members:\n      - alice@example.com\n      - bob@example.com\n`,
    },
    expected: ['identity/groups.yaml:5:9: group "Devs": member "bob@example.com" is not a user'],
  },
  {
    name: 'assignment naming unknown permission set, user and group',
    files: {
      'users.yaml': USERS,
      'assignments.yaml': `assignments:\n  - permissionSet: Dev\n    users: [alice@example.com, bob@example.com]\n    groups: [Devs]\n    accounts: [prod]\n`,
    },
    expected: [
      'identity/assignments.yaml:2:20: assignment of "Dev": permission set "Dev" is not declared',
      'identity/assignments.yaml:3:32: assignment of "Dev": user "bob@example.com" is not declared',
      'identity/assignments.yaml:4:14: assignment of "Dev": group "Devs" is not declared',
    ],
  },
  {
    name: 'inline policy string that is not JSON',
    files: { 'users.yaml': USERS, 'ps.yaml': PS(`    inlinePolicy: "{Version: 2012-10-17}"\n`) },
    expected: [
      `identity/ps.yaml:3:19: permission set "Dev": inline policy is not valid JSON: Expected property name or '}' in JSON at position 1`,
    ],
  },
  {
    name: 'inline policy string that is a JSON list',
    files: { 'users.yaml': USERS, 'ps.yaml': PS(`    inlinePolicy: '[{"Effect": "Deny"}]'\n`) },
    expected: ['identity/ps.yaml:3:19: permission set "Dev": inline policy must be a JSON object (a policy document)'],
  },
  {
    name: 'inline policy as a YAML list',
    files: { 'users.yaml': USERS, 'ps.yaml': PS(`    inlinePolicy:\n      - Effect: Deny\n`) },
    expected: ['identity/ps.yaml:4:7: permissionSets[0].inlinePolicy: must be a mapping or a string'],
  },
  {
    name: 'inline policy over 32,768 characters',
    files: { 'users.yaml': USERS, 'ps.yaml': PS(`    inlinePolicy: '${bigPolicy}'\n`) },
    expected: ['identity/ps.yaml:3:19: permission set "Dev": inline policy is 33086 characters; AWS allows at most 32768'],
  },
  {
    name: 'inline policy over 10,240 non-whitespace characters',
    files: { 'users.yaml': USERS, 'ps.yaml': PS(`    inlinePolicy: '${wideStatements}'\n`) },
    expected: ['identity/ps.yaml:3:19: permission set "Dev": inline policy has 24328 non-whitespace characters; AWS allows at most 10240'],
  },
  {
    name: 'more than 20 attached policies',
    files: { 'users.yaml': USERS, 'ps.yaml': PS(`    managedPolicies:\n${manyPolicies}\n`) },
    expected: ['identity/ps.yaml:2:5: permission set "Dev": 21 managed and customer managed policies; AWS allows at most 20 together'],
  },
  {
    name: 'state with settings only',
    files: { 'settings.yaml': `settings:\n  safety: {maxDeletePercent: 10}\n` },
    expected: ['no users, groups, permissionSets or assignments in "identity"'],
  },
  {
    name: 'errors in several files, all reported',
    files: {
      'users.yaml': USERS.replace('    familyName: Liddell\n', ''),
      'groups.yaml': `groups:\n  - name: Devs\n    members: [carol@example.com]\n`,
      'ps.yaml': PS('    sessionDuration: PT30M\n'),
    },
    expected: [
      'identity/groups.yaml:3:15: group "Devs": member "carol@example.com" is not a user',
      'identity/ps.yaml:3:22: permission set "Dev": sessionDuration PT30M is outside PT1H..PT12H',
      'identity/users.yaml:2:5: users[0]: missing required field "familyName"',
    ],
  },
  // --- names that do not resolve: did you mean ----------------------------------------
  {
    name: 'group member misspelt: did you mean the declared user',
    files: { 'users.yaml': USERS, 'groups.yaml': `groups:\n  - name: Devs\n    members: [alice@exmaple.com]\n` },
    expected: ['identity/groups.yaml:3:15: group "Devs": member "alice@exmaple.com" is not a user (did you mean "alice@example.com"?)'],
  },
  {
    name: 'assignment naming misspelt permission set and group: did you mean',
    files: {
      'users.yaml': USERS,
      'groups.yaml': `groups:\n  - name: Developers\n`,
      'ps.yaml': PS(''),
      'assignments.yaml': `assignments:\n  - permissionSet: Devv\n    groups: [Developres]\n    accounts: [prod]\n`,
    },
    expected: [
      'identity/assignments.yaml:2:20: assignment of "Devv": permission set "Devv" is not declared (did you mean "Dev"?)',
      'identity/assignments.yaml:3:14: assignment of "Devv": group "Developres" is not declared (did you mean "Developers"?)',
    ],
  },
  // --- names that differ only in case are one name --------------------------------------
  {
    name: 'group declared twice, differing only in case',
    files: { 'users.yaml': USERS, 'groups.yaml': `groups:\n  - name: Platform Admins\n  - name: PLATFORM ADMINS\n` },
    expected: [
      'identity/groups.yaml:3:5: group "PLATFORM ADMINS" is declared twice: names that differ only in case are the same name (first at identity/groups.yaml:2:5 as "Platform Admins")',
    ],
  },
  {
    name: 'user declared twice across files, differing only in case',
    files: { 'users.yaml': USERS, 'more/users.yaml': USERS.replace('userName: alice@example.com', 'userName: Alice@Example.com') },
    expected: [
      'identity/users.yaml:2:5: user "alice@example.com" is declared twice: names that differ only in case are the same name (first at identity/more/users.yaml:2:5 as "Alice@Example.com")',
    ],
  },
  {
    name: 'permission set declared twice, differing only in case',
    files: { 'users.yaml': USERS, 'ps.yaml': `permissionSets:\n  - name: ReadOnly\n  - name: readonly\n` },
    expected: [
      'identity/ps.yaml:3:5: permission set "readonly" is declared twice: names that differ only in case are the same name (first at identity/ps.yaml:2:5 as "ReadOnly")',
    ],
  },
  // --- the AWS model: what apply would reject halfway -----------------------------------
  {
    name: 'managed policy ARN of an account: use customerManagedPolicies',
    files: { 'users.yaml': USERS, 'ps.yaml': PS('    managedPolicies:\n      - arn:aws:iam::123456789012:policy/teams/Deploy\n') },
    expected: [
      'identity/ps.yaml:4:9: permissionSets[0].managedPolicies[0]: arn:aws:iam::123456789012:policy/teams/Deploy is a customer managed policy; a permission set names those in every account by name and path: write customerManagedPolicies: [{name: Deploy, path: /teams/}]',
    ],
  },
  {
    name: 'permissions boundary ARN of an account: use customerManagedPolicy',
    files: {
      'users.yaml': USERS,
      'ps.yaml': PS('    permissionsBoundary:\n      managedPolicyArn: arn:aws:iam::123456789012:policy/Boundary\n'),
    },
    expected: [
      'identity/ps.yaml:4:25: permissionSets[0].permissionsBoundary.managedPolicyArn: arn:aws:iam::123456789012:policy/Boundary is a customer managed policy; a permission set names those in every account by name and path: write customerManagedPolicy: {name: Boundary, path: /}',
    ],
  },
  {
    name: 'managed policy ARN with a malformed partition',
    files: { 'users.yaml': USERS, 'ps.yaml': PS('    managedPolicies: [arn:awsgov:iam::aws:policy/ReadOnlyAccess]\n') },
    expected: [
      'identity/ps.yaml:3:23: permissionSets[0].managedPolicies[0]: must be an AWS managed policy ARN such as arn:aws:iam::aws:policy/ReadOnlyAccess (or arn:aws-us-gov:..., arn:aws-cn:...)',
    ],
  },
  {
    name: 'relayState with characters AWS refuses',
    files: { 'users.yaml': USERS, 'ps.yaml': PS('    relayState: https://console.aws.amazon.com/s3/home?region=eu-west-1#bucket<prod>\n') },
    expected: [
      'identity/ps.yaml:3:17: permissionSets[0].relayState: must use only letters, digits, spaces and &$@#\\/%?=~-_\'"|!:,.;*+[](){} (percent-encode anything else, e.g. %3C for <)',
    ],
  },
  {
    name: 'tag key with the reserved aws: prefix, in any case',
    files: { 'users.yaml': USERS, 'ps.yaml': PS('    tags: {AWS:createdBy: me}\n') },
    expected: [
      'identity/ps.yaml:3:12: permissionSets[0].tags: key "AWS:createdBy" starts with "aws:", which AWS reserves for its own tags',
    ],
  },
  {
    name: 'tag key and value with characters outside the tag pattern',
    files: { 'users.yaml': USERS, 'ps.yaml': PS('    tags: {"cost#center": "a,b"}\n') },
    expected: [
      'identity/ps.yaml:3:12: permissionSets[0].tags: key "cost#center" must use only letters, digits, spaces and _.:/=+-@',
      'identity/ps.yaml:3:27: permissionSets[0].tags["cost#center"]: must use only letters, digits, spaces and _.:/=+-@',
    ],
  },
  {
    name: 'userName with a space',
    files: { 'users.yaml': USERS.replace('userName: alice@example.com', 'userName: alice smith') },
    expected: [
      'identity/users.yaml:2:15: users[0].userName: must use only letters, marks, digits, symbols and punctuation: no spaces, control or invisible characters',
    ],
  },
  {
    name: 'userName with a zero-width space',
    files: { 'users.yaml': USERS.replace('userName: alice@example.com', 'userName: "alice\\u200b@example.com"') },
    expected: [
      'identity/users.yaml:2:15: users[0].userName: must use only letters, marks, digits, symbols and punctuation: no spaces, control or invisible characters',
    ],
  },
  {
    name: 'group name with a control character and a zero-width joiner',
    files: { 'users.yaml': USERS, 'groups.yaml': `groups:\n  - name: "Dev\\tOps"\n  - name: "Dev\\u200dOps"\n` },
    expected: [
      'identity/groups.yaml:2:11: groups[0].name: must use only letters, marks, digits, symbols, punctuation and spaces: no control or invisible characters',
      'identity/groups.yaml:3:11: groups[1].name: must use only letters, marks, digits, symbols, punctuation and spaces: no control or invisible characters',
    ],
  },
  {
    name: 'reserved names for users and groups, in any case',
    files: {
      'users.yaml': USERS.replace('userName: alice@example.com', 'userName: administrator'),
      'groups.yaml': `groups:\n  - name: awsadministrators\n`,
    },
    expected: [
      'identity/groups.yaml:2:11: groups[0].name: is reserved by AWS (Administrator and AWSAdministrators, in any case, cannot be used)',
      'identity/users.yaml:2:15: users[0].userName: is reserved by AWS (Administrator and AWSAdministrators, in any case, cannot be used)',
    ],
  },
  {
    name: 'user attribute with a control character',
    files: { 'users.yaml': USERS.replace('displayName: Alice Liddell', 'displayName: "Alice\\u0007Liddell"') },
    expected: [
      'identity/users.yaml:3:18: users[0].displayName: must use only letters, marks, digits, symbols, punctuation and spaces: no control or invisible characters',
    ],
  },
  {
    name: 'inline policy with a character outside what AWS accepts',
    files: {
      'users.yaml': USERS,
      'ps.yaml': PS(
        '    inlinePolicy:\n      Version: "2012-10-17"\n      Statement:\n        - {Sid: Euro, Effect: Deny, Action: "s3:*", Resource: "arn:aws:s3:::bucket-€"}\n',
      ),
    },
    expected: [
      'identity/ps.yaml:4:7: permission set "Dev": inline policy contains "€" (U+20AC); AWS accepts only tab, line breaks and the characters U+0020 to U+00FF in a policy',
    ],
  },
  {
    name: 'inline policy with Effect misspelt',
    files: {
      'users.yaml': USERS,
      'ps.yaml': PS(
        '    inlinePolicy:\n      Version: "2012-10-17"\n      Statement:\n        - {Effect: Alow, Action: "s3:*", Resource: "*"}\n',
      ),
    },
    expected: [
      'identity/ps.yaml:6:20: permission set "Dev": inline policy Statement[0].Effect: "Alow" must be "Allow" or "Deny" (did you mean "Allow"?)',
    ],
  },
  {
    name: 'inline policy statement without Resource or Action',
    files: {
      'users.yaml': USERS,
      'ps.yaml': PS(
        '    inlinePolicy:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Deny\n          Action: "s3:*"\n        - Effect: Allow\n          Resource: "*"\n',
      ),
    },
    expected: [
      'identity/ps.yaml:6:11: permission set "Dev": inline policy Statement[0]: needs Resource or NotResource',
      'identity/ps.yaml:8:11: permission set "Dev": inline policy Statement[1]: needs Action or NotAction',
    ],
  },
  {
    name: 'inline policy statement with an unknown key: did you mean',
    files: {
      'users.yaml': USERS,
      'ps.yaml': PS(
        '    inlinePolicy:\n      Version: "2012-10-17"\n      Statement:\n        - Effect: Deny\n          Action: "s3:*"\n          Resource: "*"\n          Condtion: {Bool: {aws:SecureTransport: "false"}}\n',
      ),
    },
    expected: [
      'identity/ps.yaml:9:11: permission set "Dev": inline policy Statement[0]: unknown key "Condtion" (did you mean "Condition"?)',
    ],
  },
  {
    name: 'inline policy as a JSON string with a bad Version and both Action and NotAction',
    files: {
      'users.yaml': USERS,
      'ps.yaml': PS(
        `    inlinePolicy: '{"Version": "2012-10-18", "Statement": {"Effect": "Deny", "Action": "a:b", "NotAction": "c:d", "Resource": "*"}}'\n`,
      ),
    },
    expected: [
      'identity/ps.yaml:3:19: permission set "Dev": inline policy Version: "2012-10-18" must be "2012-10-17" (or the older "2008-10-17")',
      'identity/ps.yaml:3:19: permission set "Dev": inline policy Statement: has both Action and NotAction; use one',
    ],
  },
  {
    name: 'inline policy with a Principal, which an identity policy cannot have',
    files: {
      'users.yaml': USERS,
      'ps.yaml': PS('    inlinePolicy:\n      Statement:\n        - {Effect: Deny, Principal: "*", Action: "s3:*", Resource: "*"}\n'),
    },
    expected: [
      'identity/ps.yaml:5:26: permission set "Dev": inline policy Statement[0]: Principal belongs in resource policies; a permission set\'s policy applies to whoever uses it',
    ],
  },
];

/** Cases whose only diagnostics are warnings: the state still loads. */
export const WARNING_INPUTS: BadInput[] = [
  {
    name: 'protect entry naming a principal close to a declared one: did you mean',
    files: {
      'users.yaml': USERS,
      'groups.yaml': `groups:\n  - name: BreakGlass\n`,
      'settings.yaml': `settings:\n  safety:\n    protect:\n      - {permissionSet: Admin, group: BreakGlas}\n`,
    },
    expected: [
      'identity/settings.yaml:4:9: warning: protect: no assignment in the state files gives "Admin" to group "BreakGlas" (did you mean "BreakGlass"?); the entry only guards a live assignment',
    ],
  },
  {
    name: 'references differing from the declared name only in case resolve to it',
    files: {
      'users.yaml': USERS,
      'groups.yaml': `groups:\n  - name: Devs\n    members: [Alice@Example.com]\n`,
      'ps.yaml': PS(''),
      'assignments.yaml': `assignments:\n  - permissionSet: DEV\n    groups: [devs]\n    users: [ALICE@example.com]\n    accounts: [prod]\n`,
    },
    expected: [
      'identity/assignments.yaml:2:20: warning: assignment of "DEV": permission set "DEV" is declared as "Dev"; names that differ only in case are the same name: write "Dev"',
      'identity/assignments.yaml:3:14: warning: assignment of "DEV": group "devs" is declared as "Devs"; names that differ only in case are the same name: write "Devs"',
      'identity/assignments.yaml:4:13: warning: assignment of "DEV": user "ALICE@example.com" is declared as "alice@example.com"; names that differ only in case are the same name: write "alice@example.com"',
      'identity/groups.yaml:3:15: warning: group "Devs": member "Alice@Example.com" is declared as "alice@example.com"; names that differ only in case are the same name: write "alice@example.com"',
    ],
  },
  {
    name: 'protect entry differing from the declared names only in case',
    files: {
      'users.yaml': USERS,
      'ps.yaml': PS(''),
      'assignments.yaml': `assignments:\n  - permissionSet: Dev\n    users: [alice@example.com]\n    accounts: [prod]\n`,
      'settings.yaml': `settings:\n  safety:\n    protect:\n      - {permissionSet: dev, user: Alice@example.com}\n`,
    },
    expected: [
      'identity/settings.yaml:4:9: warning: protect: permission set "dev" is declared as "Dev"; names that differ only in case are the same name: write "Dev"',
      'identity/settings.yaml:4:9: warning: protect: user "Alice@example.com" is declared as "alice@example.com"; names that differ only in case are the same name: write "alice@example.com"',
    ],
  },
  {
    name: 'more than 10 managed policies: IAM default quota per role',
    files: {
      'users.yaml': USERS,
      'ps.yaml': PS(`    managedPolicies:\n${Array.from({ length: 11 }, (_, i) => `      - arn:aws:iam::aws:policy/P${i}`).join('\n')}\n`),
    },
    expected: [
      'identity/ps.yaml:2:5: warning: permission set "Dev": 11 managed and customer managed policies; IAM attaches at most 10 to a role unless the quota "Managed policies per role" was raised in every target account',
    ],
  },
  {
    name: 'managed policy ARNs of the other partitions are accepted',
    files: {
      'users.yaml': USERS,
      'ps.yaml': PS(
        '    managedPolicies:\n      - arn:aws-us-gov:iam::aws:policy/ReadOnlyAccess\n      - arn:aws-cn:iam::aws:policy/job-function/ViewOnlyAccess\n      - arn:aws-iso-b:iam::aws:policy/service-role/AWSConfigRole\n',
      ),
    },
    expected: [],
  },
  {
    name: 'protect entry that no assignment gives',
    files: {
      'users.yaml': USERS,
      'settings.yaml': `settings:\n  safety:\n    protect:\n      - {permissionSet: Admin, user: alice@example.com}\n`,
    },
    expected: [
      'identity/settings.yaml:4:9: warning: protect: no assignment in the state files gives "Admin" to user "alice@example.com"; the entry only guards a live assignment',
    ],
  },
  {
    name: 'ignore pattern matching a declared group',
    files: {
      'users.yaml': USERS,
      'groups.yaml': `groups:\n  - name: AWSControlTowerAdmins\n`,
      'settings.yaml': `settings:\n  ignore:\n    groups: ["AWSControlTower*"]\n`,
    },
    expected: [
      'identity/settings.yaml:3:14: warning: ignore.groups: pattern "AWSControlTower*" matches group "AWSControlTowerAdmins" declared in the state files; it would never be created or changed',
    ],
  },
];
