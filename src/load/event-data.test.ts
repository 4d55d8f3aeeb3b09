import fc from 'fast-check';
import { constructFromEvents, parseEvents } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { yamlText } from '../testing/yaml-texts.js';
import { dataFromPlainEvents } from './event-data.js';
import { indexPlainEvents } from './event-index.js';
import { FAST_PATH_SCHEMA } from './fast-schema.js';

/** What js-yaml's own constructor gives, or undefined where it throws. */
function constructed(text: string, events: ReturnType<typeof parseEvents>): unknown {
  try {
    return constructFromEvents(events, { source: text, schema: FAST_PATH_SCHEMA, maxAliases: 0 })[0];
  } catch {
    return undefined;
  }
}

/** The data with key order, -0 and NaN visible, which toStrictEqual alone does not show. */
const exact = (value: unknown) =>
  JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' ? (Object.is(v, -0) ? '-0' : `number ${String(v)}`) : v));

describe('dataFromPlainEvents', () => {
  it("gives js-yaml's constructed data, key order included, for every plain document", () => {
    let compared = 0;
    fc.assert(
      fc.property(yamlText, (text) => {
        let events;
        try {
          events = parseEvents(text, {});
        } catch {
          return;
        }
        if (indexPlainEvents(text, events) === undefined) return;
        compared++;
        const ours = dataFromPlainEvents(text, events);
        const theirs = constructed(text, events);
        expect(ours).toStrictEqual(theirs);
        expect(exact(ours)).toBe(exact(theirs));
      }),
      { numRuns: 600 },
    );
    expect(compared).toBeGreaterThan(100);
  });

  it('refuses what js-yaml refuses: repeated, forbidden and non-string keys', () => {
    for (const text of ['a: 1\na: 2\n', 'x:\n  __proto__: 1\n', 'x:\n  1: a\n', 'x: {null: 1}\n', 'x: [{true: 1}]\n']) {
      const events = parseEvents(text, {});
      expect(indexPlainEvents(text, events)).toBeDefined();
      expect(constructed(text, events)).toBeUndefined();
      expect(dataFromPlainEvents(text, events)).toBeUndefined();
    }
  });
});
