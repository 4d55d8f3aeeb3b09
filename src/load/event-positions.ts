// Positions of values in a file parsed by the fast path (fast-parse.ts), answered from
// js-yaml's event stream instead of a `yaml` Document. Each answer is the offset the
// Document would give for the same path (FileSource.pos walks it the same way); where the
// events cannot say (a block scalar, whose Document range starts at its `|`/`>` header),
// the answer is undefined and the caller asks the Document.
import { EVENT_ID, SCALAR_STYLE, getScalarValue, type Event, type ScalarEvent } from 'js-yaml';
import { LineCounter } from 'yaml';
import type { PathSegment } from './source.js';

/** No such event: the path ran past the last node, or a node has no range. */
const NONE = -1;

export class EventPositions {
  /** The line index of the text, built as the `yaml` lexer builds it (a line starts after each `\n`). */
  readonly lines: LineCounter;
  /** For each collection event, the index of the event after its subtree (its POP + 1). */
  private readonly ends: Int32Array;
  /** Item event indexes of each sequence looked up by index, so a walk down a long list is not quadratic. */
  private readonly itemsOf = new Map<number, Int32Array>();

  constructor(
    private readonly text: string,
    private readonly events: readonly Event[],
  ) {
    this.lines = lineIndex(text);
    this.ends = subtreeEnds(events);
  }

  /**
   * The offset FileSource.pos would find for `path` (its key with `key: true`), or
   * undefined when it can only be read from the Document. Mirrors FileSource.pos: a path
   * that does not exist ends at the deepest node that does.
   */
  offsetOf(path: readonly PathSegment[], key: boolean): number | undefined {
    // events[0] is the document; the fast path only accepts files whose document has content
    let node = 1;
    let keyNode = NONE;
    for (const segment of path) {
      const next = this.child(node, segment);
      if (next === undefined) break;
      node = next.value;
      keyNode = next.key;
    }
    const target = key && keyNode !== NONE ? keyNode : this.hasRange(node) ? node : keyNode;
    return target === NONE ? 0 : this.startOf(target);
  }

  private child(node: number, segment: PathSegment): { key: number; value: number } | undefined {
    const event = this.events[node] as Event;
    if (event.type === EVENT_ID.MAPPING) {
      const wanted = String(segment);
      // a mapping's events are key, value, key, value, ... then its POP; the fast path
      // only accepts scalar keys, so each key is one event
      for (let k = node + 1; this.events[k]?.type !== EVENT_ID.POP; k = this.after(k + 1)) {
        if (getScalarValue(this.text, this.events[k] as ScalarEvent) === wanted) return { key: k, value: k + 1 };
      }
      return undefined;
    }
    if (event.type === EVENT_ID.SEQUENCE && typeof segment === 'number') {
      const item = this.items(node)[segment];
      return item === undefined ? undefined : { key: NONE, value: item };
    }
    return undefined;
  }

  private items(sequence: number): Int32Array {
    let items = this.itemsOf.get(sequence);
    if (items === undefined) {
      const found: number[] = [];
      for (let i = sequence + 1; this.events[i]?.type !== EVENT_ID.POP; i = this.after(i)) found.push(i);
      items = Int32Array.from(found);
      this.itemsOf.set(sequence, items);
    }
    return items;
  }

  /** The index of the event after the node that starts at `index`. */
  private after(index: number): number {
    const type = this.events[index]?.type;
    return type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE ? (this.ends[index] as number) : index + 1;
  }

  /** An empty plain scalar (`key:` with nothing after it) has no range in the Document either. */
  private hasRange(node: number): boolean {
    if (node === NONE) return false;
    const event = this.events[node] as Event;
    return event.type !== EVENT_ID.SCALAR || event.valueStart !== NONE;
  }

  private startOf(node: number): number | undefined {
    const event = this.events[node] as Event;
    if (event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE) return event.start;
    if (event.type !== EVENT_ID.SCALAR) return undefined;
    switch (event.style) {
      case SCALAR_STYLE.PLAIN:
        return event.valueStart;
      // the event's value starts after the opening quote; the Document's range at it
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED:
        return event.valueStart - 1;
      default:
        return undefined;
    }
  }
}

function lineIndex(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) lines.addNewLine(nl + 1);
  return lines;
}

function subtreeEnds(events: readonly Event[]): Int32Array {
  const ends = new Int32Array(events.length);
  const open: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const type = (events[i] as Event).type;
    if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE || type === EVENT_ID.DOCUMENT) open.push(i);
    else if (type === EVENT_ID.POP) ends[open.pop() as number] = i + 1;
  }
  return ends;
}
