// The data of a plain document built straight from js-yaml's events, for the fast path
// (fast-parse.ts), in place of js-yaml's constructFromEvents. The events have passed
// indexPlainEvents (one document, no anchor, alias or tag), so what the general
// constructor spends on tags, anchors and merge keys has nothing to do; it also built a
// {value, tag} pair per scalar and a frame object per collection. The values are the
// same: scalars resolve with FAST_PATH_SCHEMA's tags in the schema's order, mappings are
// built by its mapping tag, and whatever makes js-yaml throw answers undefined here
// (the caller then takes the `yaml` path). event-data.test.ts compares the two.
import { EVENT_ID, SCALAR_STYLE, getScalarValue, NOT_RESOLVED, type Event, type ScalarEvent, type ScalarTagDefinition } from 'js-yaml';
import { FAST_PATH_MAP_TAG, FAST_PATH_SCHEMA } from './fast-schema.js';

/** The schema's implicit scalar tags that may resolve a plain scalar, by its first character
 *  (Schema.resolveImplicitScalarTag's dispatch); a character absent resolves to a string. */
const implicitByFirstChar: ReadonlyMap<string, readonly ScalarTagDefinition[]> = (() => {
  const implicit = FAST_PATH_SCHEMA.tags.filter((t): t is ScalarTagDefinition => t.nodeKind === 'scalar' && t.implicit);
  // a tag without first characters would apply to every scalar; this schema has none
  if (implicit.some((t) => t.implicitFirstChars === null)) throw new Error('fast path: an implicit tag without first characters');
  const chars = new Set(implicit.flatMap((t) => t.implicitFirstChars ?? []));
  return new Map([...chars].map((c) => [c, implicit.filter((t) => t.implicitFirstChars?.includes(c))]));
})();

/** A collection being filled: a mapping with the key awaiting its value, or a sequence. */
type Open = { map: Record<string, unknown>; key: unknown; hasKey: boolean } | { seq: unknown[] };

/** The document's top-level mapping, or undefined where js-yaml's constructor would throw. */
export function dataFromPlainEvents(text: string, events: readonly Event[]): Record<string, unknown> | undefined {
  const open: Open[] = [];
  let root: unknown;
  // events[0] is the document; its closing POP comes with no collection open
  for (let i = 1; i < events.length; i++) {
    const event = events[i] as Event;
    let value: unknown;
    switch (event.type) {
      case EVENT_ID.MAPPING:
        open.push({ map: FAST_PATH_MAP_TAG.create(FAST_PATH_MAP_TAG.tagName), key: undefined, hasKey: false });
        continue;
      case EVENT_ID.SEQUENCE:
        open.push({ seq: [] });
        continue;
      case EVENT_ID.SCALAR:
        value = scalarValue(text, event);
        break;
      case EVENT_ID.POP: {
        const closed = open.pop();
        if (closed === undefined) continue;
        if ('map' in closed) {
          if (closed.hasKey) return undefined; // an incomplete pair
          value = closed.map;
        } else value = closed.seq;
        break;
      }
      default:
        return undefined;
    }
    const top = open[open.length - 1];
    if (top === undefined) root = value;
    else if ('seq' in top) top.seq.push(value);
    else if (!top.hasKey) {
      top.key = value;
      top.hasKey = true;
    } else {
      // js-yaml refuses a duplicated key, and the mapping tag a key it does not allow
      if (FAST_PATH_MAP_TAG.has(top.map, top.key) || FAST_PATH_MAP_TAG.addPair(top.map, top.key, value) !== '') return undefined;
      top.key = undefined;
      top.hasKey = false;
    }
  }
  return root !== null && typeof root === 'object' && !Array.isArray(root) ? (root as Record<string, unknown>) : undefined;
}

/** constructScalar without a tag: a plain scalar resolves implicitly, any other is a string. */
function scalarValue(text: string, event: ScalarEvent): unknown {
  const source = getScalarValue(text, event);
  if (event.style !== SCALAR_STYLE.PLAIN) return source;
  for (const tag of implicitByFirstChar.get(source.charAt(0)) ?? []) {
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  return source;
}
