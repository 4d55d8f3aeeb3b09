// The config `sso-gitops profiles` writes, read back two ways: by a strict INI reader (every
// line well-formed, nothing twice) and by the AWS SDK's own shared-config loader, which is
// what the AWS SDKs read (the AWS CLI and Granted read the same file format).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/core/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessRow } from '../../src/access/types.js';
import { renderAwsConfig } from '../../src/render/aws-config.js';
import { parseIniStrict } from '../helpers/ini.js';

const row = (accountId: string, accountName: string, permissionSet: string): AccessRow => ({
  userName: 'alice@example.com',
  displayName: 'Alice',
  email: null,
  status: 'enabled',
  accountId,
  accountName,
  permissionSet,
  via: ['group:Ops'],
});

const rows = [
  row('111111111111', 'prod', 'AdministratorAccess'),
  row('111111111111', 'prod', 'ReadOnly'),
  row('222222222222', 'Shared Services (EU)', 'Billing+Cost'),
  row('333333333333', 'sandbox', 'ReadOnly'),
  row('444444444444', 'sandbox', 'ReadOnly'),
];
const portal = { startUrl: 'https://d-1234567890.awsapps.com/start/#/', ssoRegion: 'eu-west-1', sessionName: 'acme' };
const config = renderAwsConfig('alice@example.com', rows, portal);

describe('renderAwsConfig', () => {
  let work: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'sso-gitops-profiles-'));
  });
  afterAll(async () => {
    await rm(work, { recursive: true, force: true });
  });

  it('is strict INI: one sso-session and one profile per row, sorted, with exactly the four keys', () => {
    const ini = parseIniStrict(config);
    expect([...ini.keys()]).toEqual([
      'sso-session acme',
      // code-unit order, the same on every machine (src/model/order.ts)
      'profile Shared-Services-EU-Billing-Cost',
      'profile prod-AdministratorAccess',
      'profile prod-ReadOnly',
      'profile sandbox-333333333333-ReadOnly',
      'profile sandbox-444444444444-ReadOnly',
    ]);
    expect(Object.fromEntries(ini.get('sso-session acme') ?? [])).toEqual({
      sso_start_url: 'https://d-1234567890.awsapps.com/start/#/',
      sso_region: 'eu-west-1',
      sso_registration_scopes: 'sso:account:access',
    });
    expect(Object.fromEntries(ini.get('profile Shared-Services-EU-Billing-Cost') ?? [])).toEqual({
      sso_session: 'acme',
      sso_account_id: '222222222222',
      sso_role_name: 'Billing+Cost',
      region: 'eu-west-1',
    });
  });

  it('states the portal URL and region in its header (for Leapp), as comments', () => {
    const header = config.split('\n').filter((l) => l.startsWith('#'));
    expect(header).toContain('# AWS access portal (start URL): https://d-1234567890.awsapps.com/start/#/');
    expect(header).toContain('# Identity Center region: eu-west-1');
  });

  it('reads back with the AWS SDK shared-config loader as sso profiles of the session', async () => {
    const file = join(work, 'config');
    await writeFile(file, config);
    const { configFile } = await loadSharedConfigFiles({ filepath: join(work, 'no-credentials'), configFilepath: file, ignoreCache: true });
    expect(configFile['prod-ReadOnly']).toEqual({
      sso_session: 'acme',
      sso_account_id: '111111111111',
      sso_role_name: 'ReadOnly',
      region: 'eu-west-1',
    });
    expect(Object.keys(configFile).filter((k) => !k.startsWith('sso-session'))).toHaveLength(rows.length);
  });

  it('is the same text for the same rows in any order', () => {
    expect(renderAwsConfig('alice@example.com', [...rows].reverse(), portal)).toBe(config);
  });
});
