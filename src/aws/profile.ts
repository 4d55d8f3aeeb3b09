// A named profile must exist before the SDK is asked for its credentials: for an unknown
// profile the SDK's credential chain answers "Could not load credentials from any
// providers", which names neither the profile nor the files it looked in.
//
// Where profiles live (AWS SDKs and Tools Reference Guide, "Shared config and credentials
// files", https://docs.aws.amazon.com/sdkref/latest/guide/file-format.html): the config
// file (AWS_CONFIG_FILE, default ~/.aws/config) holds `[default]` and `[profile NAME]`
// sections, the credentials file (AWS_SHARED_CREDENTIALS_FILE, default ~/.aws/credentials)
// `[NAME]` sections. A profile defined in neither cannot resolve.
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { AwsSetupError, awsErrorName } from './errors.js';

async function sectionNames(file: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return []; // a missing file defines no profile
  }
  return [...text.matchAll(/^\s*\[([^\]\r\n]+)\]/gm)].map((m) => (m[1] ?? '').trim().replace(/\s+/g, ' '));
}

function expandHome(path: string): string {
  return path.startsWith('~/') ? join(homedir(), path.slice(2)) : path;
}

/** The profile the SDK will use: the --profile flag, else AWS_PROFILE; undefined for the default chain. */
export function selectedProfile(
  flag: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): { name: string; source: string } | undefined {
  if (flag !== undefined) return { name: flag, source: '--profile' };
  if (env.AWS_PROFILE) return { name: env.AWS_PROFILE, source: 'AWS_PROFILE' };
  return undefined;
}

/** Throws an AwsSetupError naming the profile and the files when neither defines it. */
export async function checkProfileDefined(profile: { name: string; source: string }, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const configFile = expandHome(env.AWS_CONFIG_FILE ?? join(homedir(), '.aws', 'config'));
  const credentialsFile = expandHome(env.AWS_SHARED_CREDENTIALS_FILE ?? join(homedir(), '.aws', 'credentials'));
  const inConfig = (await sectionNames(configFile)).some(
    (s) => s === `profile ${profile.name}` || (profile.name === 'default' && s === 'default'),
  );
  if (inConfig) return;
  if ((await sectionNames(credentialsFile)).includes(profile.name)) return;
  throw new AwsSetupError(
    `profile "${profile.name}" (${profile.source}) is not defined in ${configFile} or ${credentialsFile}; check its name (aws configure list-profiles)`,
  );
}

/**
 * The SDK's credential chain fails with errors that name no profile ("CredentialsProviderError:
 * Could not load credentials from any providers"), surfacing on the first call. When a
 * profile was selected, that is the source that failed: an AwsSetupError names it; any other
 * error is returned unchanged. Names: @smithy's ProviderError and its subclasses
 * CredentialsProviderError and TokenProviderError (expired or missing SSO token).
 */
export function nameProfileInCredentialError(profile: { name: string; source: string } | undefined, err: unknown): unknown {
  if (profile === undefined) return err;
  const name = awsErrorName(err);
  if (name !== 'CredentialsProviderError' && name !== 'TokenProviderError' && name !== 'ProviderError') return err;
  const message = err instanceof Error ? err.message : String(err);
  return new AwsSetupError(`profile "${profile.name}" (${profile.source}) gave no credentials: ${message}`);
}
