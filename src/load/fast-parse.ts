// The fast path of parse-yaml.ts: a clean state file (the common case) read with js-yaml's
// event parser, about 8× cheaper than the `yaml` Document API, which is kept for the
// files this path refuses. It vouches only for files where both parsers must agree:
// one document of plain YAML whose top level is a mapping, without anchors, aliases,
// tags, directives, non-string or prototype keys, and without the few things `yaml`
// reports that js-yaml accepts (an implicit key over 1024 characters, a bare `\r`
// line break). Anything else, and anything js-yaml rejects, returns undefined: the
// caller then parses with `yaml`, which gives today's data and diagnostics. fast-parse.test.ts
// checks the agreement on random documents.
import { EVENT_ID, SCALAR_STYLE, constructFromEvents, parseEvents, type Event, type ScalarEvent } from 'js-yaml';
import { EventPositions } from './event-positions.js';
import { FAST_PATH_SCHEMA } from './fast-schema.js';

export interface CleanFile {
  data: Record<string, unknown>;
  positions: EventPositions;
}

/** yaml refuses an implicit key whose `:` is over 1024 characters after its start; stay well inside. */
const MAX_KEY_SPAN = 1000;

/** The file as plain data with its positions, or undefined when the `yaml` path must read it. */
export function parseCleanFile(text: string): CleanFile | undefined {
  // a bare CR is a line break to js-yaml and not to `yaml`
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined;
  let events: Event[];
  let data: unknown;
  try {
    events = parseEvents(text, {});
    if (!isPlainState(text, events)) return undefined;
    // non-string and forbidden keys make the schema's mapping throw (fast-schema.ts)
    data = constructFromEvents(events, { source: text, schema: FAST_PATH_SCHEMA, maxAliases: 0 })[0];
  } catch {
    return undefined;
  }
  return { data: data as Record<string, unknown>, positions: new EventPositions(text, events) };
}

/**
 * One document without directives whose content is a mapping, and no anchor, alias or
 * tag anywhere; every mapping key a scalar whose `:` is near its start.
 */
function isPlainState(text: string, events: readonly Event[]): boolean {
  const document = events[0];
  if (document?.type !== EVENT_ID.DOCUMENT || document.directives.length > 0 || document.explicitEnd) return false;
  if (events[1]?.type !== EVENT_ID.MAPPING) return false;
  // per open collection: for a mapping, how many of its key and value nodes came so far;
  // -1 for a sequence or the document
  const open: number[] = [-1];
  for (let i = 1; i < events.length; i++) {
    const event = events[i] as Event;
    if (event.type === EVENT_ID.POP) {
      open.pop();
      continue;
    }
    if (event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.ALIAS) return false;
    if (event.anchorStart !== -1 || event.tagStart !== -1) return false;
    const top = open.length - 1;
    const seen = open[top] as number;
    if (seen >= 0) {
      open[top] = seen + 1;
      if (seen % 2 === 0 && (event.type !== EVENT_ID.SCALAR || !keyNearColon(text, event))) return false;
    }
    if (event.type === EVENT_ID.MAPPING) open.push(0);
    else if (event.type === EVENT_ID.SEQUENCE) open.push(-1);
  }
  return true;
}

function keyNearColon(text: string, key: ScalarEvent): boolean {
  if (key.valueStart === -1 || key.style === SCALAR_STYLE.LITERAL_BLOCK || key.style === SCALAR_STYLE.FOLDED_BLOCK) return false;
  const colon = text.indexOf(':', key.valueEnd);
  return colon !== -1 && colon - key.valueStart <= MAX_KEY_SPAN;
}
