// The instance's attribute-based access control (ABAC) configuration: one configuration
// per instance, created, replaced as a whole, described and deleted (sso-admin model
// 2020-07-20, InstanceAccessControlAttributeConfiguration). Creating one enables ABAC.
import { conflict, notFound, validationError } from '../errors.js';
import { checkString, type Input } from '../input.js';
import { read, write, type OperationTable } from '../router-types.js';
import type { AccessControlAttributeRecord, AccessControlConfiguration } from '../state/applications.js';
import type { Instance } from '../state/instance.js';
import { callerInstance } from './sso-admin-common.js';

/** AccessControlAttributeList: at most 50 attributes. */
const MAX_ATTRIBUTES = 50;
const KEY = { min: 1, max: 128, pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u };
const SOURCE = { min: 0, max: 256, pattern: /^[\p{L}\p{Z}\p{N}_.:/=+\-@[\]{}$\\"]*$/u };

/** The request's InstanceAccessControlAttributeConfiguration, checked against the model. */
function attributes(input: Input): AccessControlAttributeRecord[] {
  const config = input.object('InstanceAccessControlAttributeConfiguration');
  const list = config.optList('AccessControlAttributes', MAX_ATTRIBUTES);
  if (list === undefined)
    throw validationError(
      "1 validation error detected: Value null at 'instanceAccessControlAttributeConfiguration.accessControlAttributes' failed to satisfy constraint: Member must not be null",
    );
  const seen = new Set<string>();
  return list.map((raw, i) => {
    const at = `instanceAccessControlAttributeConfiguration.accessControlAttributes.${i + 1}.member`;
    const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const key = checkString(`${at}.key`, item.Key, KEY);
    const value = (typeof item.Value === 'object' && item.Value !== null ? item.Value : {}) as Record<string, unknown>;
    const sources = Array.isArray(value.Source) ? value.Source : undefined;
    if (key === undefined || sources === undefined) throw validationError(`Attribute ${i + 1} needs a Key and a Value with a Source`);
    // AccessControlAttributeValueSourceList: exactly one source (min 1, max 1)
    if (sources.length !== 1)
      throw validationError(`Value at '${at}.value.source' failed to satisfy constraint: Member must have length 1`);
    const source = checkString(`${at}.value.source.1.member`, sources[0], SOURCE);
    if (source === undefined) throw validationError(`Attribute ${key} needs a Source`);
    if (seen.has(key)) throw validationError(`Attribute key ${key} is given more than once`);
    seen.add(key);
    return { Key: key, Value: { Source: [source] } };
  });
}

function existing(instance: Instance): AccessControlConfiguration {
  if (!instance.accessControl) throw notFound(`Attribute-based access control is not configured for instance ${instance.arn}`);
  return instance.accessControl;
}

function copy(list: readonly AccessControlAttributeRecord[]): AccessControlAttributeRecord[] {
  return list.map((a) => ({ Key: a.Key, Value: { Source: [...a.Value.Source] } }));
}

export const ssoAdminAccessControlOperations: OperationTable = {
  CreateInstanceAccessControlAttributeConfiguration: write((ctx) => {
    const instance = callerInstance(ctx);
    const list = attributes(ctx.input);
    if (instance.accessControl) throw conflict(`Instance ${instance.arn} already has an access control attribute configuration`);
    instance.accessControl = { status: 'ENABLED', attributes: list };
    return {};
  }),
  UpdateInstanceAccessControlAttributeConfiguration: write((ctx) => {
    const instance = callerInstance(ctx);
    const list = attributes(ctx.input);
    existing(instance).attributes = list;
    return {};
  }),
  DeleteInstanceAccessControlAttributeConfiguration: write((ctx) => {
    const instance = callerInstance(ctx);
    existing(instance);
    delete instance.accessControl;
    return {};
  }),
  DescribeInstanceAccessControlAttributeConfiguration: read((ctx) => {
    const config = existing(callerInstance(ctx));
    return { Status: config.status, InstanceAccessControlAttributeConfiguration: { AccessControlAttributes: copy(config.attributes) } };
  }),
};
