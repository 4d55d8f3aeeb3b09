// `sso-gitops profiles`: one person's access as an AWS CLI v2 config — one [sso-session]
// block and one [profile] per (account, permission set) — the file the AWS CLI, the AWS
// SDKs and Granted read (AWS CLI User Guide, "Configuring IAM Identity Center authentication
// with the AWS CLI": `sso_session`, `sso_account_id`, `sso_role_name` in the profile,
// `sso_start_url`, `sso_region`, `sso_registration_scopes` in the session; the role name
// of a permission set is the set's name). Leapp reads no file: it needs the portal URL and
// region, which the header states.
import { nameProfiles } from '../access/profile-names.js';
import type { AccessRow } from '../access/types.js';
import { plural } from '../model/plural.js';

export interface PortalSettings {
  /** The AWS access portal URL, e.g. https://d-1234567890.awsapps.com/start. */
  startUrl: string;
  /** The region of the Identity Center instance (the portal's region). */
  ssoRegion: string;
  /** The [sso-session] name, already safe (src/access/profile-names.ts). */
  sessionName: string;
}

/** The scope the AWS CLI asks for by default: access to the accounts and roles of the portal. */
const REGISTRATION_SCOPES = 'sso:account:access';

export function renderAwsConfig(userName: string, rows: readonly AccessRow[], portal: PortalSettings): string {
  const profiles = nameProfiles(rows);
  const first = profiles[0]?.name ?? 'NAME';
  const lines = [
    `# AWS CLI v2 configuration for ${userName.replace(/[\r\n]/g, ' ')}: ${plural(profiles.length, 'profile')}, written by sso-gitops profiles.`,
    `# AWS access portal (start URL): ${portal.startUrl}`,
    `# Identity Center region: ${portal.ssoRegion}`,
    '# Leapp: add an "AWS IAM Identity Center" integration with the portal URL and region above.',
    `# Sign in once with \`aws sso login --sso-session ${portal.sessionName}\`, then \`aws --profile ${first} ...\`.`,
    '',
    `[sso-session ${portal.sessionName}]`,
    `sso_start_url = ${portal.startUrl}`,
    `sso_region = ${portal.ssoRegion}`,
    `sso_registration_scopes = ${REGISTRATION_SCOPES}`,
  ];
  for (const p of profiles) {
    lines.push(
      '',
      `[profile ${p.name}]`,
      `sso_session = ${portal.sessionName}`,
      `sso_account_id = ${p.accountId}`,
      `sso_role_name = ${p.permissionSet}`,
      `region = ${portal.ssoRegion}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
