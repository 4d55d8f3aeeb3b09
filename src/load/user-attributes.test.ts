// The user attributes of the state format against the identitystore model's limits
// (schema/identity.schema.json cites the model for each).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../model/types.js';
import { loadState } from './load.js';

const ADA = '  - userName: ada\n    displayName: Ada\n    givenName: Ada\n    familyName: Lovelace\n';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'user-attributes-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function load(userLines: string) {
  await writeFile(join(dir, 'users.yaml'), `users:\n${ADA}${userLines}`);
  const result = await loadState(dir);
  return { user: result.state?.users[0], errors: result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic) };
}

describe('user attributes in the state files', () => {
  it('reads `email:` as one primary work email, so existing files keep their meaning', async () => {
    const { user, errors } = await load('    email: ada@example.com\n');
    expect(errors).toEqual([]);
    expect(user?.emails).toEqual([{ value: 'ada@example.com', type: 'work', primary: true }]);
  });

  it('refuses email and emails together', async () => {
    const { errors } = await load('    email: a@x\n    emails: [{value: a@x}]\n');
    expect(errors.join('\n')).toContain('has both email and emails');
  });

  it.each([
    ['a second email (identitystore Emails: max 1)', '    emails: [{value: a@x}, {value: b@x}]\n', 'emails'],
    ['a second phone number (PhoneNumbers: max 1)', '    phoneNumbers: [{value: "1"}, {value: "2"}]\n', 'phoneNumbers'],
    ['a second role (Roles: max 1)', '    roles: [{value: a}, {value: b}]\n', 'roles'],
    ['a fourth photo (Photos: max 3)', '    photos: [{value: a}, {value: b}, {value: c}, {value: d}]\n', 'photos'],
    ['a photo without a value (Photo.Value is required)', '    photos: [{display: me}]\n', 'photos'],
    ['an empty phone number value (SensitiveStringType: min 1)', '    phoneNumbers: [{value: ""}]\n', 'phoneNumbers'],
    ['an unknown enterprise member', '    enterprise: {badge: x}\n', 'enterprise'],
    ['a primary flag that is not a boolean', '    emails: [{value: a@x, primary: "yes"}]\n', 'emails'],
    ['status other than disabled', '    status: enabled\n', 'status'],
  ])('refuses %s', async (_what, lines, field) => {
    const { errors } = await load(lines);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.join('\n')).toContain(field);
  });

  it('accepts the read-only facts extract writes; keeps status (plan warns on it), not externalIds', async () => {
    const { user, errors } = await load('    status: disabled\n    externalIds: [{issuer: "https://idp.example.com", id: "ada-1"}]\n');
    expect(errors).toEqual([]);
    expect(user?.status).toBe('disabled');
    expect(user).not.toHaveProperty('externalIds');
  });

  it('gives each user its own copy of a value the file repeats with a YAML alias', async () => {
    const emails = '    emails: &mail\n      - value: shared@example.com\n        primary: true\n';
    await writeFile(
      join(dir, 'users.yaml'),
      `users:\n${ADA.replace('Lovelace\n', `Lovelace\n${emails}`)}  - userName: bob\n    displayName: Bob\n    givenName: Bob\n    familyName: B\n    emails: *mail\n`,
    );
    const users = (await loadState(dir)).state?.users ?? [];
    expect(users.map((u) => u.emails)).toEqual([
      [{ value: 'shared@example.com', primary: true }],
      [{ value: 'shared@example.com', primary: true }],
    ]);
    expect(users[0]?.emails).not.toBe(users[1]?.emails);
    expect(users[0]?.emails?.[0]).not.toBe(users[1]?.emails?.[0]);
  });
});
