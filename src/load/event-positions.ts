// Positions of values in a file parsed by the fast path (fast-parse.ts), answered from the
// index of js-yaml's events (event-index.ts) instead of a `yaml` Document. Each answer is
// the offset the Document would give for the same path (FileSource.pos walks it the same
// way); where the events cannot say (a block scalar, whose Document range starts at its
// `|`/`>` header), the answer is undefined and the caller asks the Document.
import { EVENT_ID } from 'js-yaml';
import { LineCounter } from 'yaml';
import { NO_RANGE, UNKNOWN_START, type EventIndex } from './event-index.js';
import type { PathSegment } from './path-segment.js';

/** No such node: the path ran past the last one, or a walk has no key yet. */
const NONE = -1;

export class EventPositions {
  /** The line index of the text, built as the `yaml` lexer builds it (a line starts after each `\n`). */
  readonly lines: LineCounter;
  /** Item event indexes of each sequence looked up by index, so a walk down a long list is not quadratic. */
  private readonly itemsOf = new Map<number, Int32Array>();

  constructor(
    private readonly text: string,
    private readonly index: EventIndex,
  ) {
    this.lines = lineIndex(text);
  }

  /**
   * The offset FileSource.pos would find for `path` (its key with `key: true`), or
   * undefined when it can only be read from the Document. Mirrors FileSource.pos: a path
   * that does not exist ends at the deepest node that does.
   */
  offsetOf(path: readonly PathSegment[], key: boolean): number | undefined {
    // event 0 is the document, event 1 its top-level mapping (indexPlainEvents checks both)
    let node = 1;
    let keyNode = NONE;
    for (const segment of path) {
      const next = this.child(node, segment);
      if (next === undefined) break;
      node = next.value;
      keyNode = next.key;
    }
    const target = key && keyNode !== NONE ? keyNode : this.hasRange(node) ? node : keyNode;
    if (target === NONE) return 0;
    const start = this.index.starts[target] as number;
    return start === UNKNOWN_START ? undefined : start;
  }

  private child(node: number, segment: PathSegment): { key: number; value: number } | undefined {
    const { types } = this.index;
    if (types[node] === EVENT_ID.MAPPING) {
      const wanted = String(segment);
      // a mapping's events are key, value, key, value, ... then its POP; keys are scalars
      for (let k = node + 1; types[k] !== EVENT_ID.POP; k = this.after(k + 1)) {
        if (this.keyIs(k, wanted)) return { key: k, value: k + 1 };
      }
      return undefined;
    }
    if (types[node] === EVENT_ID.SEQUENCE && typeof segment === 'number') {
      const item = this.items(node)[segment];
      return item === undefined ? undefined : { key: NONE, value: item };
    }
    return undefined;
  }

  private keyIs(key: number, wanted: string): boolean {
    const decoded = this.index.decodedKeys.get(key);
    if (decoded !== undefined) return decoded === wanted;
    const start = this.index.starts[key] as number;
    return (this.index.ends[key] as number) - start === wanted.length && this.text.startsWith(wanted, start);
  }

  private items(sequence: number): Int32Array {
    let items = this.itemsOf.get(sequence);
    if (items === undefined) {
      const found: number[] = [];
      for (let i = sequence + 1; this.index.types[i] !== EVENT_ID.POP; i = this.after(i)) found.push(i);
      items = Int32Array.from(found);
      this.itemsOf.set(sequence, items);
    }
    return items;
  }

  /** The index of the event after the node that starts at `node`. */
  private after(node: number): number {
    const type = this.index.types[node];
    return type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE ? (this.index.ends[node] as number) : node + 1;
  }

  /** An empty plain scalar (`key:` with nothing after it) has no range in the Document either. */
  private hasRange(node: number): boolean {
    return node !== NONE && this.index.starts[node] !== NO_RANGE;
  }
}

function lineIndex(text: string): LineCounter {
  const lines = new LineCounter();
  lines.addNewLine(0);
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) lines.addNewLine(nl + 1);
  return lines;
}
