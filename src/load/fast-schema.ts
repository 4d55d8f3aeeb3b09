// The js-yaml schema of the fast path (fast-parse.ts): YAML 1.2 core, resolved exactly as
// the `yaml` package's core schema resolves it, so that both paths give the same data.
// js-yaml's own core tags agree except at the edges: a number too large for a double
// (`1e400`, 400 digits) is Infinity in `yaml` but a string in js-yaml. Timestamps are
// not resolved by either (`expiresAt: 2026-12-01` stays a string).
import { NOT_RESOLVED, Schema, boolCoreTag, defineMappingTag, defineScalarTag, nullCoreTag, seqTag, strTag } from 'js-yaml';

const DIGITS = [...'0123456789'];

/** yaml's intOct, int and intHex (node_modules/yaml/dist/schema/core/int.js), in its order. */
const intTag = defineScalarTag<number>('tag:yaml.org,2002:int', {
  implicit: true,
  implicitFirstChars: ['-', '+', ...DIGITS],
  resolve: (source) => {
    if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
    if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
    if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
    return NOT_RESOLVED;
  },
  identify: () => false,
});

/** yaml's floatNaN, floatExp and float (node_modules/yaml/dist/schema/core/float.js), in its order. */
const floatTag = defineScalarTag<number>('tag:yaml.org,2002:float', {
  implicit: true,
  implicitFirstChars: ['-', '+', '.', ...DIGITS],
  resolve: (source) => {
    if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
      if (source.slice(-3).toLowerCase() === 'nan') return NaN;
      return source.startsWith('-') ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    }
    if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return parseFloat(source);
    if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
    return NOT_RESOLVED;
  },
  identify: () => false,
});

/** Keys that could change object prototypes (parse-yaml.ts reports them). */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** FORBIDDEN_KEYS.has, without hashing every key of every file: a key sliced from the
 *  text has no hash yet, and the three names differ in length. */
export function isForbiddenKey(key: string): boolean {
  switch (key.length) {
    case 9:
      return key === '__proto__' || key === 'prototype';
    case 11:
      return key === 'constructor';
    default:
      return false;
  }
}

/**
 * Plain objects, as `yaml`'s toJS builds them, that refuse what parse-yaml.ts reports:
 * a key that is not a string (null, a number, a boolean, a collection) or a forbidden
 * one. A refusal stops the fast path (event-data.ts; js-yaml's own constructor throws), and
 * the file takes the `yaml` path, which reports it.
 */
export const FAST_PATH_MAP_TAG = defineMappingTag<Record<string, unknown>>('tag:yaml.org,2002:map', {
  create: () => ({}),
  addPair: (map, key, value) => {
    if (typeof key !== 'string') return 'a mapping key must be a string';
    if (isForbiddenKey(key)) return `key "${key}" is not allowed`;
    map[key] = value;
    return '';
  },
  has: (map, key) => typeof key === 'string' && Object.hasOwn(map, key),
  keys: (map) => Object.keys(map),
  get: (map, key) => (typeof key === 'string' ? map[key] : undefined),
  identify: () => false,
});

export const FAST_PATH_SCHEMA = new Schema([strTag, seqTag, FAST_PATH_MAP_TAG, nullCoreTag, boolCoreTag, intTag, floatTag]);
