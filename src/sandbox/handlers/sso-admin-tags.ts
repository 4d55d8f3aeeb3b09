// sso-admin tags of permission sets and of the instance itself.
import { AwsError, validationError } from '../errors.js';
import { checkString, type Input } from '../input.js';
import { read, write, type CallContext, type OperationTable } from '../router-types.js';
import { adminPage, INSTANCE_ARN, requireChangeableSet } from './sso-admin-common.js';

const TAG_TEXT = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const TAGGABLE_ARN = {
  min: 10,
  max: 2048,
  pattern:
    /^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):sso:::(permissionSet\/(sso)?ins-[a-zA-Z0-9-.]{16}\/ps-[a-zA-Z0-9-./]{16}|instance\/(sso)?ins-[a-zA-Z0-9-.]{16})$/,
};
/** Tags one resource may carry. */
const MAX_TAGS = 50;

export interface Tag {
  Key: string;
  Value: string;
}

/** A Tags member (0..75 items), checked; keys starting with "aws:" are reserved. */
export function readTags(input: Input, name: string): Tag[] {
  return (input.optList(name, 75) ?? []).map((raw, i) => {
    const tag = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const key = checkString(`tags.${i + 1}.member.key`, tag.Key, { min: 1, max: 128, pattern: TAG_TEXT });
    const value = checkString(`tags.${i + 1}.member.value`, tag.Value, { min: 0, max: 256, pattern: TAG_TEXT });
    if (key === undefined || value === undefined) throw validationError(`Tag ${i + 1} needs both Key and Value`);
    if (key.toLowerCase().startsWith('aws:')) throw validationError(`Tag key ${key} uses the reserved prefix aws:`);
    return { Key: key, Value: value };
  });
}

/** The tag map of ResourceArn (a permission set or the instance); `forChange` applies the delegated-admin limit. */
function taggable(ctx: CallContext, forChange: boolean): Map<string, string> {
  const resourceArn = ctx.input.string('ResourceArn', TAGGABLE_ARN);
  // InstanceArn is optional here; a permission set ARN names its instance anyway.
  const instanceArn =
    ctx.input.optString('InstanceArn', INSTANCE_ARN) ??
    resourceArn.replace(/^(arn:[^:]+:sso:::)(?:permissionSet|instance)\/([^/]+).*$/, '$1instance/$2');
  const instance = ctx.world.instanceFor(ctx.caller, instanceArn);
  if (!resourceArn.includes(':permissionSet/')) {
    if (resourceArn !== instance.arn) throw new AwsError('ResourceNotFoundException', `Could not find resource ${resourceArn}`);
    return instance.tags;
  }
  const set = instance.permissionSet(resourceArn);
  if (forChange) requireChangeableSet(ctx, instance, set);
  return set.tags;
}

export const ssoAdminTagOperations: OperationTable = {
  TagResource: write((ctx) => {
    const tags = taggable(ctx, true);
    const added = readTags(ctx.input, 'Tags');
    if (added.length === 0)
      throw validationError(
        "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    const keys = new Set([...tags.keys(), ...added.map((t) => t.Key)]);
    if (keys.size > MAX_TAGS) throw new AwsError('ServiceQuotaExceededException', `A resource can have at most ${MAX_TAGS} tags`);
    for (const t of added) tags.set(t.Key, t.Value);
    return {};
  }),
  UntagResource: write((ctx) => {
    const tags = taggable(ctx, true);
    const keys = ctx.input.optList('TagKeys', 75) ?? [];
    if (keys.length === 0)
      throw validationError(
        "1 validation error detected: Value at 'tagKeys' failed to satisfy constraint: Member must have length greater than or equal to 1",
      );
    keys.forEach((k, i) => tags.delete(checkString(`tagKeys.${i + 1}.member`, k, { min: 1, max: 128, pattern: TAG_TEXT }) as string));
    return {};
  }),
  ListTagsForResource: read((ctx) => {
    const resourceArn = ctx.input.string('ResourceArn', TAGGABLE_ARN);
    const page = adminPage(
      ctx,
      [...taggable(ctx, false).entries()].map(([Key, Value]) => ({ Key, Value })),
      resourceArn,
    );
    return { Tags: page.items, NextToken: page.NextToken };
  }),
};
