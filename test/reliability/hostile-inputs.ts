// Hostile state files, beyond the loader's own corpus (test/load/bad-inputs.ts): each case
// is one file that must produce exactly one error naming file:line:col, through the CLI,
// before any AWS call. `error` is matched against that one line.
import { seededRandom } from '../../src/sandbox/prng.js';

export interface HostileInput {
  name: string;
  file: string;
  content: string | Buffer;
  /** The one error line, after "<dir>/": file, line, column and what. */
  error: RegExp;
}

const USER = `users:
  - userName: alice@example.com
    displayName: Alice
    givenName: Alice
    familyName: Liddell
`;

/** The classic "billion laughs": nine levels of ten aliases each. */
function billionLaughs(): string {
  const lines = ['lol0: &l0 "lol"'];
  for (let i = 1; i <= 9; i++) lines.push(`lol${i}: &l${i} [${Array.from({ length: 10 }, () => `*l${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** Random bytes behind a PNG signature: what a mis-saved image looks like. */
function binaryFile(): Buffer {
  const random = seededRandom(8);
  const body = Buffer.from(Array.from({ length: 4096 }, () => Math.floor(random() * 256)));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), body]);
}

export const HOSTILE_INPUTS: HostileInput[] = [
  {
    name: 'billion laughs (nine levels of aliases)',
    file: 'users.yaml',
    content: billionLaughs(),
    error: /^users\.yaml:2:\d+: alias bomb: /,
  },
  {
    name: 'alias bomb hidden inside a group list',
    file: 'groups.yaml',
    content: `groups:\n  - name: G\n    members: &a [a, a, a, a, a, a, a, a, a, a]\n  - name: H\n    members: &b [${'*a, '.repeat(9)}*a]\n  - name: I\n    members: [${'*b, '.repeat(9)}*b]\n`,
    error: /^groups\.yaml:\d+:\d+: alias bomb: /,
  },
  {
    name: '200 levels of block mappings',
    file: 'users.yaml',
    content: Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n',
    error: /^users\.yaml:65:\d+: YAML nests deeper than 64 levels/,
  },
  {
    name: '10,000 nested flow sequences',
    file: 'users.yaml',
    content: `users: ${'['.repeat(10_000)}${']'.repeat(10_000)}\n`,
    error: /^users\.yaml:1:\d+: YAML nests deeper than 64 levels/,
  },
  {
    name: 'a 50 MB file',
    file: 'users.yaml',
    content: `${USER}# ${'x'.repeat(50 * 1024 * 1024)}\n`,
    error: /^users\.yaml:1:1: file is 50\.0 MiB, over the 16 MiB limit/,
  },
  {
    name: 'binary content (an image saved as .yaml)',
    file: 'logo.yaml',
    content: binaryFile(),
    error: /^logo\.yaml:1:1: file is not valid UTF-8 \(byte 0x89\)/,
  },
  {
    name: '__proto__ as a permission set tag key',
    file: 'ps.yaml',
    content: `permissionSets:\n  - name: Dev\n    tags: {__proto__: {polluted: true}}\n`,
    error: /^ps\.yaml:3:12: key "__proto__" is not allowed/,
  },
  {
    name: 'constructor key in a user',
    file: 'users.yaml',
    content: `${USER}    constructor: {admin: true}\n`,
    error: /^users\.yaml:6:5: key "constructor" is not allowed/,
  },
  {
    name: 'Cyrillic "а" in a group name referenced with a Latin "a"',
    file: 'all.yaml',
    content: `${USER}groups:\n  - name: Pl\u0430tform\n    members: [alice@example.com]\npermissionSets:\n  - name: Dev\nassignments:\n  - permissionSet: Dev\n    groups: [Platform]\n    accounts: ["111122223333"]\n`,
    error: /^all\.yaml:13:14: assignment of "Dev": group "Platform" is not declared/,
  },
  {
    name: 'zero-width space in a member name',
    file: 'all.yaml',
    content: `${USER}groups:\n  - name: Platform\n    members: [alice@example.com\u200b]\n`,
    error: /^all\.yaml:8:15: group "Platform": member "alice@example\.com\u200b" is not a user/,
  },
  {
    name: 'account id as a hexadecimal number',
    file: 'all.yaml',
    content: `${USER}permissionSets:\n  - name: Dev\nassignments:\n  - permissionSet: Dev\n    users: [alice@example.com]\n    accounts: [0x19DE3C2D14]\n`,
    error: /^all\.yaml:11:16: assignments\[0\]\.accounts\[0\]: account id \d+ must be a quoted string/,
  },
  {
    name: 'protected account id as a number',
    file: 'all.yaml',
    content: `${USER}settings:\n  safety:\n    protect:\n      - {permissionSet: Dev, user: alice@example.com, account: 111122223333}\n`,
    error: /^all\.yaml:9:\d+: settings\.safety\.protect\[0\]\.account: account id 111122223333 must be a quoted string/,
  },
];
