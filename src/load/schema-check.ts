// Validates one file's data against schema/identity.schema.json (the same schema editors
// use) and turns every ajv error into a diagnostic at the offending key or value.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../schema/identity.schema.json' with { type: 'json' };
import type { Diagnostic } from '../model/types.js';
import { describeSchemaError } from './schema-messages.js';
import type { FileSource } from './source.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    // message annotations that editors (yaml-language-server) understand too
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

/** Schema diagnostics of one file, in the order ajv found them. */
export function checkSchema(data: unknown, source: FileSource): Diagnostic[] {
  const validate = validator();
  if (validate(data)) return [];
  return relevantErrors(validate.errors ?? []).map((e) => {
    const { path, key, message } = describeSchemaError(e, source);
    return { severity: 'error', message, pos: source.pos(path, { key }) };
  });
}

/**
 * Drops errors that only explain another one: the failed branches below an anyOf/oneOf
 * (the anyOf error itself carries the message) and the wrapper of a propertyNames error.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath) || e.keyword === 'propertyNames') return false;
    const id = `${e.instancePath}|${e.keyword}|${e.propertyName ?? ''}|${JSON.stringify(e.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
