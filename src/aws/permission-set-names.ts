// Permission sets by name. No sso-admin API finds a set by name: ListPermissionSets answers
// ARNs only, and DescribePermissionSet one set at a time. A set's name never changes
// (UpdatePermissionSetRequest has no Name member, sso-admin service model), so an
// ARN → name pair once seen stays true until the set is deleted. The scoped read keeps
// the pairs in a cache file and reads each wanted set by its cached ARN: the read of the
// set (DescribePermissionSet among them) is what it needs anyway, and it proves the pair
// still holds. Only a name not in the cache, or whose set is gone, costs the listing plus
// one DescribePermissionSet per ARN not yet in the cache (a set absent from AWS can only be
// proven absent by listing them all).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { DescribePermissionSetCommand } from '@aws-sdk/client-sso-admin';
import type { LivePermissionSet } from '../model/live.js';
import { mapLimit } from './concurrency.js';
import { awsCall, unlessNotFound } from './errors.js';
import { listPermissionSetArns, readPermissionSet, type PermissionSetReadOptions } from './kinds/permission-sets.js';
import type { ReadContext } from './read-context.js';

/** Where the ARN → name pairs are kept: SSO_GITOPS_CACHE_DIR, else the user's cache directory. */
export function permissionSetCachePath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.SSO_GITOPS_CACHE_DIR ?? join(env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'sso-gitops');
  return join(dir, 'permission-set-names.json');
}

/** instanceArn → (ARN → name). */
type CacheFile = Record<string, Record<string, string>>;

async function readCache(file: string): Promise<CacheFile> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as CacheFile) : {};
  } catch {
    return {}; // no cache (or an unreadable one) only costs the listing
  }
}

/** Records the sets of one instance (replacing what was known of it): after a full read, or a scan. */
export async function rememberPermissionSetNames(
  instanceArn: string,
  sets: readonly { arn: string; name: string }[],
  file = permissionSetCachePath(),
): Promise<void> {
  const cache = await readCache(file);
  cache[instanceArn] = Object.fromEntries(sets.map((s) => [s.arn, s.name]));
  try {
    await mkdir(dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.tmp`;
    await writeFile(partial, `${JSON.stringify(cache, null, 2)}\n`);
    await rename(partial, file);
  } catch {
    // a cache that cannot be written only makes the next scoped plan list the sets again
  }
}

export interface NamedSetsRead {
  /** The wanted sets that exist, read in full. */
  sets: LivePermissionSet[];
  /** Whether the sets had to be listed (a name not in the cache, or a cached set gone). */
  listed: boolean;
}

/** Reads the sets called `names` (those that exist). */
export async function readPermissionSetsByName(
  ctx: ReadContext,
  names: readonly string[],
  options: PermissionSetReadOptions,
  file = permissionSetCachePath(),
): Promise<NamedSetsRead> {
  if (names.length === 0) return { sets: [], listed: false };
  const known = (await readCache(file))[ctx.instanceArn] ?? {};
  const arnByName = new Map(Object.entries(known).map(([arn, name]) => [name, arn]));
  const wanted = new Set(names);
  const cached = names.flatMap((n) => (arnByName.has(n) ? [arnByName.get(n) ?? ''] : []));
  const found = (await mapLimit(cached, ctx.concurrency, (arn) => readIfExists(ctx, arn, options))).flatMap((s) =>
    s && wanted.has(s.name) ? [s] : [],
  );
  const missing = names.filter((n) => !found.some((s) => s.name === n));
  if (missing.length === 0) return { sets: found, listed: false };

  // list, and describe only the ARNs the cache does not name (a name never changes)
  const arns = await listPermissionSetArns(ctx);
  const unknown = arns.filter((arn) => known[arn] === undefined);
  const described = await mapLimit(unknown, ctx.concurrency, (arn) => describeName(ctx, arn));
  const now: Record<string, string> = {};
  for (const arn of arns) {
    const name = known[arn] ?? described[unknown.indexOf(arn)];
    if (name !== undefined) now[arn] = name;
  }
  await rememberPermissionSetNames(
    ctx.instanceArn,
    Object.entries(now).map(([arn, name]) => ({ arn, name })),
    file,
  );
  const toRead = Object.entries(now).filter(([, name]) => missing.includes(name));
  const more = await mapLimit(toRead, ctx.concurrency, ([arn]) => readPermissionSet(ctx, arn, options));
  return { sets: [...found, ...more], listed: true };
}

async function readIfExists(ctx: ReadContext, arn: string, options: PermissionSetReadOptions): Promise<LivePermissionSet | undefined> {
  return unlessNotFound(() => readPermissionSet(ctx, arn, options));
}

async function describeName(ctx: ReadContext, arn: string): Promise<string | undefined> {
  const out = await awsCall('sso-admin', 'DescribePermissionSet', () =>
    ctx.clients.ssoAdmin.send(new DescribePermissionSetCommand({ InstanceArn: ctx.instanceArn, PermissionSetArn: arn })),
  );
  return out.PermissionSet?.Name;
}

/** The names of these sets: from the cache, else one DescribePermissionSet each (a set gone since is left out). */
export async function permissionSetNamesByArn(
  ctx: ReadContext,
  arns: readonly string[],
  file = permissionSetCachePath(),
): Promise<{ arn: string; name: string }[]> {
  if (arns.length === 0) return [];
  const known = (await readCache(file))[ctx.instanceArn] ?? {};
  const named = await mapLimit(arns, ctx.concurrency, async (arn) => {
    const name = known[arn] ?? (await unlessNotFound(() => describeName(ctx, arn)));
    return name === undefined ? [] : [{ arn, name }];
  });
  return named.flat();
}
