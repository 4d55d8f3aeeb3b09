// Attributes for access control (ABAC): reading the instance's configuration with
// DescribeInstanceAccessControlAttributeConfiguration (sso-admin 2020-07-20). Its documented
// errors include ResourceNotFoundException, which the tool reads as "no configuration" (ABAC
// never enabled, or disabled by DeleteInstanceAccessControlAttributeConfiguration); every
// other error is an error (docs/aws-behaviour.md, "Reads that look empty").
import { DescribeInstanceAccessControlAttributeConfigurationCommand } from '@aws-sdk/client-sso-admin';
import type { AccessControlAttribute } from '../../model/types.js';
import { AwsCallError, awsErrorName } from '../errors.js';
import type { AwsClients } from '../clients.js';

/** What the read needs: the sso-admin client and the instance. */
export interface AbacReader {
  clients: Pick<AwsClients, 'ssoAdmin'>;
  instanceArn: string;
}

/** The configured attributes, [] for a configuration without any, undefined when none exists. */
export async function readAccessControlAttributes(ctx: AbacReader): Promise<AccessControlAttribute[] | undefined> {
  try {
    const out = await ctx.clients.ssoAdmin.send(
      new DescribeInstanceAccessControlAttributeConfigurationCommand({ InstanceArn: ctx.instanceArn }),
    );
    const attributes = out.InstanceAccessControlAttributeConfiguration?.AccessControlAttributes;
    if (attributes === undefined) return undefined;
    return attributes.map((a) => ({ key: a.Key ?? '', source: [...(a.Value?.Source ?? [])] }));
  } catch (err) {
    if (awsErrorName(err) === 'ResourceNotFoundException') return undefined;
    throw new AwsCallError('sso-admin', 'DescribeInstanceAccessControlAttributeConfiguration', err);
  }
}
