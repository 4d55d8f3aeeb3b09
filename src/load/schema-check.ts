// Validates one file's data against schema/identity.schema.json (the same schema editors
// use) and turns every ajv error into a diagnostic at the offending key or value.
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import schema from '../../schema/identity.schema.json' with { type: 'json' };
import type { Diagnostic } from '../model/types.js';
import { describeSchemaError, pointerToPath } from './schema-messages.js';
import type { FileSource, PathSegment } from './source.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    // without ajv's pass that simplifies the generated code: it changes no answer or error,
    // and it cost more at each start (the schema is compiled once a run) than it saved
    // over L's 517 files (compile + validate, --single-threaded: 270-322 ms with it,
    // 254-267 ms without)
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true, code: { optimize: false } });
    // message annotations that editors (yaml-language-server) understand too
    ajv.addKeyword({ keyword: 'errorMessage', schemaType: 'string' });
    ajv.addKeyword({ keyword: 'patternErrorMessage', schemaType: 'string' });
    compiled = ajv.compile(schema);
  }
  return compiled;
}

export interface SchemaResult {
  /** Schema diagnostics of the file, in the order ajv found them. */
  diagnostics: Diagnostic[];
  /** Where each error sits in the data, so the loader can leave out just the broken entries. */
  invalidPaths: PathSegment[][];
}

export function checkSchema(data: unknown, source: FileSource): SchemaResult {
  const validate = validator();
  if (validate(data)) return { diagnostics: [], invalidPaths: [] };
  const errors = relevantErrors(validate.errors ?? []);
  const diagnostics = errors.map((e): Diagnostic => {
    const { path, key, message } = describeSchemaError(e, source);
    return { severity: 'error', message, pos: source.pos(path, { key }) };
  });
  return { diagnostics, invalidPaths: errors.map((e) => pointerToPath(e.instancePath)) };
}

/**
 * Drops errors that only explain another one: the failed branches below an anyOf/oneOf
 * (the anyOf error itself carries the message), the wrapper of a propertyNames error and
 * the `if` of an if/then/else.
 */
function relevantErrors(errors: ErrorObject[]): ErrorObject[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    if (/\/(anyOf|oneOf)\/\d+\//.test(e.schemaPath) || e.keyword === 'propertyNames') return false;
    // an if/then/else failure is explained by the errors of the branch it chose
    if (e.keyword === 'if') return false;
    const id = `${e.instancePath}|${e.keyword}|${e.propertyName ?? ''}|${JSON.stringify(e.params)}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
