import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AwsCallError, AwsSetupError } from './errors.js';
import { checkProfileDefined, nameProfileInCredentialError, selectedProfile } from './profile.js';

describe('a named profile', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sso-gitops-profile-'));
    await writeFile(
      join(dir, 'config'),
      '[default]\nregion = us-east-1\n[profile  dev ]\nregion = eu-west-1\n[sso-session corp]\nsso_region = us-east-1\n',
    );
    await writeFile(join(dir, 'credentials'), '[ci]\naws_access_key_id = x\n');
    env = { AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials') };
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(['default', 'dev', 'ci'])('"%s" is found in the config or credentials file', async (name) => {
    await expect(checkProfileDefined({ name, source: '--profile' }, env)).resolves.toBeUndefined();
  });

  it('an unknown one is named with both files', async () => {
    const check = checkProfileDefined({ name: 'nosuchprofile', source: '--profile' }, env);
    await expect(check).rejects.toThrow(AwsSetupError);
    await expect(checkProfileDefined({ name: 'nosuchprofile', source: '--profile' }, env)).rejects.toThrow(
      `profile "nosuchprofile" (--profile) is not defined in ${join(dir, 'config')} or ${join(dir, 'credentials')}`,
    );
  });

  it('an sso-session section is not a profile', async () => {
    await expect(checkProfileDefined({ name: 'corp', source: 'AWS_PROFILE' }, env)).rejects.toThrow('profile "corp" (AWS_PROFILE)');
  });

  it('missing files define no profile', async () => {
    await expect(
      checkProfileDefined(
        { name: 'dev', source: '--profile' },
        { AWS_CONFIG_FILE: join(dir, 'none'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none') },
      ),
    ).rejects.toThrow(AwsSetupError);
  });

  it('is the flag, else AWS_PROFILE, else none (the default chain)', () => {
    expect(selectedProfile('dev', { AWS_PROFILE: 'ci' })).toEqual({ name: 'dev', source: '--profile' });
    expect(selectedProfile(undefined, { AWS_PROFILE: 'ci' })).toEqual({ name: 'ci', source: 'AWS_PROFILE' });
    expect(selectedProfile(undefined, {})).toBeUndefined();
  });
});

describe('a credential error of a selected profile', () => {
  const noCredentials = () => {
    const cause = new Error('Could not load credentials from any providers');
    cause.name = 'CredentialsProviderError';
    return new AwsCallError('sso-admin', 'ListInstances', cause);
  };

  it('names the profile and where it was selected, keeping the SDK message', () => {
    const named = nameProfileInCredentialError({ name: 'broken', source: 'AWS_PROFILE' }, noCredentials());
    expect(named).toBeInstanceOf(AwsSetupError);
    expect((named as Error).message).toBe(
      'profile "broken" (AWS_PROFILE) gave no credentials: sso-admin ListInstances failed: CredentialsProviderError: Could not load credentials from any providers',
    );
  });

  it('an expired SSO token (TokenProviderError) is named too', () => {
    const cause = new Error('The SSO session token has expired');
    cause.name = 'TokenProviderError';
    expect(nameProfileInCredentialError({ name: 'sso', source: '--profile' }, cause)).toBeInstanceOf(AwsSetupError);
  });

  it('leaves other errors, and any error without a selected profile, as they are', () => {
    const denied = new Error('no');
    denied.name = 'AccessDeniedException';
    expect(nameProfileInCredentialError({ name: 'dev', source: '--profile' }, denied)).toBe(denied);
    const err = noCredentials();
    expect(nameProfileInCredentialError(undefined, err)).toBe(err);
  });
});
