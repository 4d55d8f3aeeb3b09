// Positions of values in a parsed state file. Every lookup goes back to the YAML node,
// so a diagnostic can point at the exact key or value it is about.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';
import type { SourcePos } from '../model/types.js';
import type { EventPositions } from './event-positions.js';
import type { PathSegment } from './path-segment.js';

export type { PathSegment };

/** A document with every node's position, and the line index its offsets resolve against. */
export interface PositionedDocument {
  doc: Document.Parsed;
  lines: LineCounter;
}

/**
 * One parsed file: its path as shown to the user, its document and its line index.
 * The document can be released once the file is modelled and re-parsed from the text when
 * a later rule asks for a position: at L size (9 MiB of YAML) keeping every file's nodes
 * alive made each garbage collection copy them again, about a third of the load's CPU.
 * A file read by the fast path (fast-parse.ts) starts without a document: its positions
 * come from the parser's events, and the document is parsed only if something needs it
 * (a position the events cannot give, a rule that reads the nodes).
 */
export class FileSource {
  private parsed: PositionedDocument | undefined;
  private fast: EventPositions | undefined;

  constructor(
    readonly file: string,
    parsed: PositionedDocument | EventPositions,
    private readonly reparse: () => PositionedDocument,
  ) {
    if ('doc' in parsed) this.parsed = parsed;
    else this.fast = parsed;
  }

  get doc(): Document.Parsed {
    return this.positioned().doc;
  }

  /** Drops the document (or the events); the next position look-up parses the text again (same result). */
  release(): void {
    this.parsed = undefined;
    this.fast = undefined;
  }

  posAtOffset(offset: number): SourcePos {
    const { line, col } = (this.fast?.lines ?? this.positioned().lines).linePos(offset);
    return { file: this.file, line, col };
  }

  private positioned(): PositionedDocument {
    this.parsed ??= this.reparse();
    return this.parsed;
  }

  /**
   * Position of the value at `path` (or of its key, with `key: true`). A path that does
   * not exist (a missing field) ends at the deepest node that does.
   */
  pos(path: readonly PathSegment[], options: { key?: boolean } = {}): SourcePos {
    const offset = this.fast?.offsetOf(path, options.key === true);
    if (offset !== undefined) return this.posAtOffset(offset);
    let node: Node | null = this.doc.contents;
    let keyNode: Node | null = null;
    for (const segment of path) {
      const next = this.child(node, segment);
      if (!next) break;
      node = next.value;
      keyNode = next.key;
    }
    const target = options.key && keyNode ? keyNode : this.hasRange(node) ? node : keyNode;
    return this.posAtOffset(target?.range?.[0] ?? 0);
  }

  private hasRange(node: Node | null): node is Node {
    // `key:` with nothing after it yields a null scalar whose range is empty
    return node !== null && node.range !== undefined && node.range !== null && node.range[1] > node.range[0];
  }

  private child(node: Node | null, segment: PathSegment): { key: Node | null; value: Node | null } | undefined {
    const parent = isAlias(node) ? (node.resolve(this.doc) ?? null) : node;
    if (isMap(parent)) {
      for (const pair of parent.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as Node | null;
        if (isScalar(key) && String(key.value) === String(segment)) return { key, value: (pair.value as Node | null) ?? key };
      }
      return undefined;
    }
    if (isSeq(parent) && typeof segment === 'number') {
      const item = parent.items[segment] as Node | undefined;
      return item ? { key: null, value: item } : undefined;
    }
    return undefined;
  }
}

/** Remembers where each loaded model object came from, for rules that need sub-positions. */
export class SourceMap {
  private readonly origins = new WeakMap<object, { source: FileSource; path: PathSegment[] }>();

  register(object: object, source: FileSource, path: PathSegment[]): void {
    this.origins.set(object, { source, path });
  }

  /** Position of a registered object, or of a value below it. */
  at(object: object, ...below: PathSegment[]): SourcePos | undefined {
    const origin = this.origins.get(object);
    return origin?.source.pos([...origin.path, ...below]);
  }

  /** Position of the key `below[last]` of a registered object (for mapping keys such as tags). */
  keyAt(object: object, ...below: PathSegment[]): SourcePos | undefined {
    const origin = this.origins.get(object);
    return origin?.source.pos([...origin.path, ...below], { key: true });
  }

  /** Position of the list item equal to `value` in the list `object[key]` (lists are sorted after loading). */
  itemAt(object: object, key: string, value: string): SourcePos | undefined {
    const origin = this.origins.get(object);
    if (!origin) return undefined;
    const list = origin.source.doc.getIn([...origin.path, key]);
    // a member may be written {user, expiresAt}: that item is the one its user names
    const named = (item: unknown) => (isScalar(item) ? item.value : isMap(item) ? item.get('user') : undefined);
    const index = isSeq(list) ? list.items.findIndex((item) => named(item) === value) : -1;
    return origin.source.pos(index >= 0 ? [...origin.path, key, index] : [...origin.path, key]);
  }
}
