// `sso-gitops profiles`: an AWS CLI v2 config for a person's access (or, with --all, one
// file per person): what they need on their laptop after a migration, when the portal URL
// has changed. The access is read like `sso-gitops access` (state files or --live).
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkRegion, checkSessionName, checkStartUrl, defaultSessionName } from '../../access/portal.js';
import type { AccessRow } from '../../access/types.js';
import { nameKey } from '../../model/names.js';
import { plural } from '../../model/plural.js';
import { renderAwsConfig, type PortalSettings } from '../../render/aws-config.js';
import { EXIT_OK, UserError, type Command } from '../command.js';
import { readAccessRows } from '../access-source.js';
import { AWS_OPTIONS, DIR_OPTION, awsOptionsFrom, parseFlags } from '../options.js';
import { StderrProgress } from '../progress.js';

const USAGE = `usage: sso-gitops profiles --user U --start-url URL --sso-region R [options]
       sso-gitops profiles --all --out-dir DIR --start-url URL --sso-region R [options]

Writes an AWS CLI v2 config for a person's effective access: one [sso-session] block and
one [profile <account-name>-<permission-set>] per account and permission set, sorted. The
AWS CLI, the AWS SDKs and Granted read it; for Leapp the header states the portal URL and
region. Access is read as by \`sso-gitops access\` (the state files, or --live).

options:
  --user U                  the person (userName)
  --all                     every person with access, one file each (<userName>.config)
  --start-url URL           the AWS access portal URL, e.g. https://d-1234567890.awsapps.com/start
  --sso-region R            the Identity Center region (also each profile's region)
  --session-name N          the [sso-session] name (default: the portal host's first label)
  --out FILE                write the config to FILE (default: stdout); with --user
  --out-dir DIR             the directory for --all
  --dir DIR                 state directory (default: identity)
  --live                    read the live instance instead of the state files
  --region R  --profile P  --instance-arn ARN (with --live)  --verbose`;

function portalFrom(flags: { 'start-url'?: string; 'sso-region'?: string; 'session-name'?: string }): PortalSettings {
  const startUrl = flags['start-url'];
  const ssoRegion = flags['sso-region'];
  if (startUrl === undefined || ssoRegion === undefined) throw new UserError('profiles: --start-url and --sso-region are required');
  const problem = (flag: string, value: string, check: (v: string) => string | undefined) => {
    const why = check(value);
    if (why !== undefined) throw new UserError(`profiles: ${flag} "${value}" ${why}`);
  };
  problem('--start-url', startUrl, checkStartUrl);
  problem('--sso-region', ssoRegion, checkRegion);
  const sessionName = flags['session-name'] ?? defaultSessionName(startUrl);
  problem('--session-name', sessionName, checkSessionName);
  return { startUrl, ssoRegion, sessionName };
}

/** Rows by person, in userName order (the rows arrive sorted by user). */
function byPerson(rows: readonly AccessRow[]): Map<string, AccessRow[]> {
  const people = new Map<string, AccessRow[]>();
  for (const r of rows) {
    const list = people.get(r.userName);
    if (list) list.push(r);
    else people.set(r.userName, [r]);
  }
  return people;
}

/** A file name for a userName: the characters a file system or shell could trip on become "_". */
export function configFileName(userName: string): string {
  return `${userName.replace(/[^A-Za-z0-9@._+-]/g, '_').replace(/^\.+/, '_')}.config`;
}

async function write(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (err) {
    throw new UserError(`profiles: cannot write ${file} (${err instanceof Error ? err.message : String(err)})`);
  }
}

export const command: Command = {
  name: 'profiles',
  summary: 'write AWS CLI v2 profiles (sso-session) for the access of a person',
  usage: USAGE,
  async run(argv) {
    const flags = parseFlags('profiles', argv, {
      ...DIR_OPTION,
      ...AWS_OPTIONS,
      user: { type: 'string' },
      all: { type: 'boolean', default: false },
      'start-url': { type: 'string' },
      'sso-region': { type: 'string' },
      'session-name': { type: 'string' },
      out: { type: 'string' },
      'out-dir': { type: 'string' },
      live: { type: 'boolean', default: false },
    });
    if ((flags.user === undefined) === !flags.all) throw new UserError('profiles: give exactly one of --user U and --all');
    if (flags.all && flags['out-dir'] === undefined) throw new UserError('profiles: --all needs --out-dir DIR (one file per person)');
    if (flags.all && flags.out !== undefined) throw new UserError('profiles: --out is for --user; --all writes to --out-dir');
    if (!flags.all && flags['out-dir'] !== undefined)
      throw new UserError('profiles: --out-dir is for --all; --user writes to --out or stdout');
    const portal = portalFrom(flags);
    const progress = new StderrProgress();
    const people = byPerson(await readAccessRows('profiles', { dir: flags.dir, live: flags.live }, awsOptionsFrom(flags), progress));

    const outDir = flags['out-dir'];
    if (outDir !== undefined) {
      await mkdir(outDir, { recursive: true });
      for (const [userName, rows] of people) await write(join(outDir, configFileName(userName)), renderAwsConfig(userName, rows, portal));
      process.stderr.write(`profiles: wrote ${plural(people.size, 'config')} to ${outDir}\n`);
      return EXIT_OK;
    }
    const wanted = nameKey(flags.user ?? '');
    const found = [...people].find(([userName]) => nameKey(userName) === wanted);
    if (!found)
      throw new UserError(`profiles: "${flags.user ?? ''}" has no access (no assignment reaches them, directly or through a group)`);
    const config = renderAwsConfig(found[0], found[1], portal);
    if (flags.out === undefined) process.stdout.write(config);
    else await write(flags.out, config);
    return EXIT_OK;
  },
};
