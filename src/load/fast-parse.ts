// The fast path of parse-yaml.ts: a clean state file (the common case) read with js-yaml's
// event parser, about 8× cheaper than the `yaml` Document API, which is kept for the
// files this path refuses. It vouches only for files where both parsers must agree:
// one document of plain YAML whose top level is a mapping, without anchors, aliases,
// tags, directives, non-string or prototype keys, and without the few things `yaml`
// reports that js-yaml accepts (an implicit key over 1024 characters, a bare `\r`
// line break). Anything else, and anything js-yaml rejects, returns undefined: the
// caller then parses with `yaml`, which gives today's data and diagnostics. fast-parse.test.ts
// checks the agreement on random documents.
import { parseEvents, type Event } from 'js-yaml';
import { dataFromPlainEvents } from './event-data.js';
import { indexPlainEvents, type EventIndex } from './event-index.js';
import { EventPositions } from './event-positions.js';

export interface CleanFile {
  data: Record<string, unknown>;
  positions: EventPositions;
}

/** The file as plain data with its positions, or undefined when the `yaml` path must read it. */
export function parseCleanFile(text: string): CleanFile | undefined {
  // a bare CR is a line break to js-yaml and not to `yaml`
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined;
  let index: EventIndex | undefined;
  let data: unknown;
  try {
    const events: Event[] = parseEvents(text, {});
    index = indexPlainEvents(text, events);
    if (index === undefined) return undefined;
    // undefined for non-string, forbidden and repeated keys (fast-schema.ts, event-data.ts)
    data = dataFromPlainEvents(text, events);
    if (data === undefined) return undefined;
  } catch {
    return undefined;
  }
  return { data: data as Record<string, unknown>, positions: new EventPositions(text, index) };
}
