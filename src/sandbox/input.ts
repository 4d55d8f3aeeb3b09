// Typed, validating access to one request's JSON body. Every rule failure is a
// ValidationException naming the member, like the AWS model validation does.
import { validationError } from './errors.js';

export interface StringRules {
  min?: number;
  max?: number;
  pattern?: RegExp;
  /** allowed values of an enum member */
  oneOf?: readonly string[];
}

export type Json = Record<string, unknown>;

export class Input {
  constructor(readonly body: Json) {}

  optString(name: string, rules: StringRules = {}): string | undefined {
    return checkString(name, this.body[name], rules);
  }

  string(name: string, rules: StringRules = {}): string {
    const value = this.optString(name, rules);
    if (value === undefined)
      throw validationError(
        `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
      );
    return value;
  }

  optInt(name: string, min: number, max: number): number | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isInteger(value)) throw validationError(`Value at '${lowerFirst(name)}' must be an integer`);
    if (value < min || value > max) {
      throw validationError(
        `1 validation error detected: Value '${value}' at '${lowerFirst(name)}' failed to satisfy constraint: Member must have value between ${min} and ${max}`,
      );
    }
    return value;
  }

  optBool(name: string): boolean | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw validationError(`Value at '${lowerFirst(name)}' must be a boolean`);
    return value;
  }

  bool(name: string): boolean {
    const value = this.optBool(name);
    if (value === undefined)
      throw validationError(
        `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
      );
    return value;
  }

  optObject(name: string): Input | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'object' || Array.isArray(value)) throw validationError(`Value at '${lowerFirst(name)}' must be a structure`);
    return new Input(value as Json);
  }

  object(name: string): Input {
    const value = this.optObject(name);
    if (!value)
      throw validationError(
        `1 validation error detected: Value null at '${lowerFirst(name)}' failed to satisfy constraint: Member must not be null`,
      );
    return value;
  }

  optList(name: string, max = Infinity): unknown[] | undefined {
    const value = this.body[name];
    if (value === undefined || value === null) return undefined;
    if (!Array.isArray(value)) throw validationError(`Value at '${lowerFirst(name)}' must be a list`);
    const list: unknown[] = value;
    if (list.length > max)
      throw validationError(
        `Value at '${lowerFirst(name)}' failed to satisfy constraint: Member must have length less than or equal to ${max}`,
      );
    return list;
  }

  /** The raw value of a document-typed member (e.g. identitystore AttributeValue). */
  raw(name: string): unknown {
    return this.body[name];
  }
}

export function checkString(name: string, value: unknown, rules: StringRules): string | undefined {
  if (value === undefined || value === null) return undefined;
  const at = `'${lowerFirst(name)}'`;
  if (typeof value !== 'string') throw validationError(`Value at ${at} must be a string`);
  if (rules.min !== undefined && value.length < rules.min) {
    throw validationError(
      `1 validation error detected: Value at ${at} failed to satisfy constraint: Member must have length greater than or equal to ${rules.min}`,
    );
  }
  if (rules.max !== undefined && value.length > rules.max) {
    throw validationError(
      `1 validation error detected: Value at ${at} failed to satisfy constraint: Member must have length less than or equal to ${rules.max}`,
    );
  }
  if (rules.pattern && !rules.pattern.test(value)) {
    throw validationError(
      `1 validation error detected: Value '${value}' at ${at} failed to satisfy constraint: Member must satisfy regular expression pattern: ${rules.pattern.source}`,
    );
  }
  if (rules.oneOf && !rules.oneOf.includes(value)) {
    throw validationError(
      `1 validation error detected: Value '${value}' at ${at} failed to satisfy constraint: Member must satisfy enum value set: [${rules.oneOf.join(', ')}]`,
    );
  }
  return value;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}
