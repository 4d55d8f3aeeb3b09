// Parses one state file and rejects the YAML features that have no place in reviewed
// state: duplicate keys, alias bombs, custom tags, prototype-polluting keys, a top level
// that is not a mapping. A clean file (the common case) is read by the fast path
// (fast-parse.ts, js-yaml's event parser); any other file with the `yaml` Document API,
// keeping every node's position, which is what finds and words each problem.
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node, type YAMLError } from 'yaml';
import type { Diagnostic } from '../model/types.js';
import { parseCleanFile } from './fast-parse.js';
import { FORBIDDEN_KEYS } from './fast-schema.js';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from './nesting.js';
import { FileSource, type PositionedDocument } from './source.js';

/** Alias expansions allowed per file; more is an "alias bomb" (billion laughs). */
export const MAX_ALIAS_COUNT = 100;

const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));
/** Parser errors that stand on their own; any other is a syntax error that may cause more. */
const INDEPENDENT_ERRORS = new Set<string>(['DUPLICATE_KEY', 'MULTIPLE_DOCS']);

/** Which parser read a file: the fast path, or the `yaml` Document API. */
export type ParseRoute = 'fast' | 'yaml';

export interface ParsedFile {
  source: FileSource;
  /** The file as plain data; undefined when the file is empty or could not be read safely. */
  data: Record<string, unknown> | undefined;
  diagnostics: Diagnostic[];
  route: ParseRoute;
}

/**
 * Parses one state file. `only: 'yaml'` skips the fast path (tests compare both paths;
 * the fast path cannot be forced, since it refuses what it cannot vouch for).
 */
export function parseStateFile(file: string, text: string, options: { only?: 'yaml' } = {}): ParsedFile {
  const tooDeep = findExcessiveNesting(text);
  if (tooDeep) return refuseDeepNesting(file, text, tooDeep.index);
  const parse = () => parseWithPositions(text);
  const clean = options.only === 'yaml' ? undefined : parseCleanFile(text);
  if (clean) return { source: new FileSource(file, clean.positions, parse), data: clean.data, diagnostics: [], route: 'fast' };
  return parseWithDiagnostics(file, parse);
}

function parseWithDiagnostics(file: string, parse: () => PositionedDocument): ParsedFile {
  const positioned = parse();
  const { doc } = positioned;
  const source = new FileSource(file, positioned, parse);
  const diagnostics: Diagnostic[] = [];
  const error = (message: string, offset: number) => diagnostics.push({ severity: 'error', message, pos: source.posAtOffset(offset) });

  // after a syntax error the parser resynchronises as best it can, and what it reports
  // next mostly follows from the first one: only that one is worth reading
  const syntaxErrors = doc.errors.filter((e) => !INDEPENDENT_ERRORS.has(e.code));
  for (const e of doc.errors) if (INDEPENDENT_ERRORS.has(e.code) || e === syntaxErrors[0]) error(describeYamlError(e, doc), e.pos[0]);
  for (const w of doc.warnings) {
    // unresolved tags are reported below, with every other custom tag
    if (w.code !== 'TAG_RESOLVE_FAILED') diagnostics.push({ severity: 'warning', message: w.message, pos: source.posAtOffset(w.pos[0]) });
  }
  checkNodes(doc, error);

  const top = doc.contents;
  if (top !== null && !isMap(top)) {
    error(
      `a state file must be a mapping with users, groups, permissionSets, assignments or settings; found ${kindOf(top)}`,
      top.range?.[0] ?? 0,
    );
  }
  if (diagnostics.some((d) => d.severity === 'error') || top === null) return { source, data: undefined, diagnostics, route: 'yaml' };

  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
    return { source, data, diagnostics, route: 'yaml' };
  } catch (err) {
    if (err instanceof ReferenceError && /excessive alias count/i.test(err.message)) {
      error(`alias bomb: aliases expand to more than ${MAX_ALIAS_COUNT} nodes; write the values out instead`, firstAliasOffset(doc));
    } else {
      error(`cannot read YAML: ${err instanceof Error ? err.message : String(err)}`, 0);
    }
    return { source, data: undefined, diagnostics, route: 'yaml' };
  }
}

function parseWithPositions(text: string): PositionedDocument {
  const lines = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lines,
    schema: 'core',
    version: '1.2',
    merge: false,
    uniqueKeys: true,
    resolveKnownTags: false,
    prettyErrors: false,
  });
  return { doc, lines };
}

/** A file nested too deeply never reaches the parser (see nesting.ts for why). */
function refuseDeepNesting(file: string, text: string, index: number): ParsedFile {
  const lines = new LineCounter();
  const doc = parseDocument('', { lineCounter: lines });
  // the empty document only carries positions; count lines of the real text instead
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const col = index - before.lastIndexOf('\n');
  const empty = { doc, lines };
  const source = new FileSource(file, empty, () => empty);
  const message = `YAML nests deeper than ${MAX_NESTING_DEPTH} levels; a state file needs about ten`;
  return { source, data: undefined, diagnostics: [{ severity: 'error', message, pos: { file, line, col } }], route: 'yaml' };
}

function describeYamlError(e: YAMLError, doc: Document.Parsed): string {
  switch (e.code) {
    case 'DUPLICATE_KEY':
      return `duplicate key "${keyAt(doc, e.pos[0]) ?? '?'}"`;
    case 'MULTIPLE_DOCS':
      return 'a state file holds one YAML document; remove the second "---"';
    default:
      return `YAML syntax error: ${e.message.split('\n')[0]}`;
  }
}

/**
 * Refuses unresolved aliases, custom tags and keys that are not plain strings or could
 * change prototypes. A plain recursive walk in document order rather than `visit`, which
 * allocates a frozen path array per node (a tenth of the parse at L size); depth is
 * bounded by the nesting check that runs before parsing.
 */
function checkNodes(doc: Document.Parsed, error: (message: string, offset: number) => void): void {
  const walk = (node: unknown): void => {
    if (isAlias(node)) {
      if (node.resolve(doc) === undefined) error(`alias *${node.source} has no anchor &${node.source} before it`, node.range?.[0] ?? 0);
      return;
    }
    if (!isNode(node)) return;
    const tag = node.tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      const shown = tag.replace(/^tag:yaml\.org,2002:/, '!!');
      error(`custom tag ${shown} is not allowed: state files use plain YAML (core schema) only`, node.range?.[0] ?? 0);
    }
    if (isSeq(node)) for (const item of node.items) walk(item);
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = pair.key as Node | null;
      if (key !== null) {
        if (!isScalar(key)) error('a mapping key must be a plain string, not a mapping or list', key.range?.[0] ?? 0);
        else if (FORBIDDEN_KEYS.has(String(key.value)))
          error(`key "${String(key.value)}" is not allowed (it could change object prototypes)`, key.range?.[0] ?? 0);
      }
      walk(key);
      walk(pair.value);
    }
  };
  walk(doc.contents);
}

/** The mapping key that starts at `offset` (the error only carries its position). */
function keyAt(doc: Document.Parsed, offset: number): string | undefined {
  let found: string | undefined;
  visit(doc, {
    Pair(_key, pair) {
      const key = pair.key as Node | null;
      if (isScalar(key) && key.range?.[0] === offset) {
        found = String(key.value);
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, alias) {
      offset = alias.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

function kindOf(node: Node): string {
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'null' : `a ${typeof node.value}`;
  return 'an alias';
}
