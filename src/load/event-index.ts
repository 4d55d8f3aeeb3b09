// One pass over js-yaml's events for the fast path (fast-parse.ts): checks that they hold
// only the plain YAML both parsers agree on, and keeps what positions need (event-positions.ts)
// in typed arrays, so the event objects die young: kept until the file was modelled, a
// large file's events (up to 75,000 objects at L size) would survive collections during
// the schema check and the model build, and be copied by each.
import { EVENT_ID, SCALAR_STYLE, getScalarValue, type Event, type ScalarEvent } from 'js-yaml';

/** The offset of a node with no range: an empty plain scalar (`key:` with nothing after it). */
export const NO_RANGE = -1;
/** The offset of a node whose Document range the events do not give: a block scalar starts at its `|`/`>` header. */
export const UNKNOWN_START = -2;

/** yaml refuses an implicit key whose `:` is over 1024 characters after its start; stay well inside. */
const MAX_KEY_SPAN = 1000;

/** Per event: its type, the offset where its Document range starts, where it ends. */
export interface EventIndex {
  types: Uint8Array;
  starts: Int32Array;
  /** Collections: the index of the event after the subtree. Scalars: the offset after the value. */
  ends: Int32Array;
  /** The value of each mapping key that is not a plain slice of the text (quoted, escaped), by event index. */
  decodedKeys: Map<number, string>;
}

/**
 * The index of the events of one document without directives whose content is a mapping,
 * with no anchor, alias or tag anywhere, every mapping key a scalar whose `:` is near its
 * start; undefined when the events hold anything else.
 */
export function indexPlainEvents(text: string, events: readonly Event[]): EventIndex | undefined {
  const document = events[0];
  if (document?.type !== EVENT_ID.DOCUMENT || document.directives.length > 0 || document.explicitEnd) return undefined;
  if (events[1]?.type !== EVENT_ID.MAPPING) return undefined;
  const index: EventIndex = {
    types: new Uint8Array(events.length),
    starts: new Int32Array(events.length),
    ends: new Int32Array(events.length),
    decodedKeys: new Map(),
  };
  index.types[0] = EVENT_ID.DOCUMENT;
  // per open node: its event index, and for a mapping how many of its key and value
  // nodes came so far (-1 for a sequence or the document)
  const open: number[] = [0];
  const seen: number[] = [-1];
  for (let i = 1; i < events.length; i++) {
    const event = events[i] as Event;
    index.types[i] = event.type;
    if (event.type === EVENT_ID.POP) {
      index.ends[open.pop() as number] = i + 1;
      seen.pop();
      continue;
    }
    if (event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.ALIAS) return undefined;
    if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
    const top = seen.length - 1;
    const count = seen[top] as number;
    const isKey = count >= 0 && count % 2 === 0;
    if (count >= 0) seen[top] = count + 1;
    if (event.type === EVENT_ID.SCALAR) {
      if (isKey && !indexKey(text, event, i, index)) return undefined;
      index.starts[i] = documentStart(event);
      index.ends[i] = event.valueEnd;
    } else {
      if (isKey) return undefined;
      index.starts[i] = event.start;
      open.push(i);
      seen.push(event.type === EVENT_ID.MAPPING ? 0 : -1);
    }
  }
  return index;
}

/** Where the `yaml` Document's range of a scalar starts. */
function documentStart(event: ScalarEvent): number {
  switch (event.style) {
    case SCALAR_STYLE.PLAIN:
      return event.valueStart;
    // the event's value starts after the opening quote; the Document's range at it
    case SCALAR_STYLE.SINGLE_QUOTED:
    case SCALAR_STYLE.DOUBLE_QUOTED:
      return event.valueStart - 1;
    default:
      return UNKNOWN_START;
  }
}

/** Records a key's value when it is no plain slice of the text; false for a key `yaml` would refuse. */
function indexKey(text: string, key: ScalarEvent, i: number, index: EventIndex): boolean {
  if (key.valueStart === -1 || key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK) return false;
  const colon = text.indexOf(':', key.valueEnd);
  if (colon === -1 || colon - key.valueStart > MAX_KEY_SPAN) return false;
  if (!(key.fast && key.style === SCALAR_STYLE.PLAIN)) index.decodedKeys.set(i, getScalarValue(text, key));
  return true;
}
