// Measures how deeply a YAML text nests before the parser sees it. The `yaml` parser
// composes nodes recursively: a few thousand levels make it report one error per level,
// and a 200 KB file of `[[[[...` exhausts the process. State files nest about ten levels
// deep (an inline policy condition included), so a cheap over-estimate is enough.

/** Deeper than this is refused; real state needs about ten levels. */
export const MAX_NESTING_DEPTH = 64;

export interface TooDeep {
  depth: number;
  /** Index in the text where the limit was crossed. */
  index: number;
}

const SPACE = 0x20;
const DASH = 0x2d;
const HASH = 0x23;

/**
 * The first place where block indentation plus flow brackets nest deeper than `limit`,
 * or undefined. Brackets inside quotes and comments are skipped; brackets inside plain
 * scalars are counted, which can only over-estimate. Reads character codes rather than
 * slicing each line: the check runs on every state file before it is parsed.
 */
export function findExcessiveNesting(text: string, limit = MAX_NESTING_DEPTH): TooDeep | undefined {
  const indents: number[] = [];
  const brackets = { square: new NextIndex(text, '['), curly: new NextIndex(text, '{') };
  let lineStart = 0;
  let flowDepth = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    // the line's indentation, then its `- ` sequence indicators (`^( *)((?:- +)*)`)
    let i = lineStart;
    while (text.charCodeAt(i) === SPACE) i++;
    const indent = i - lineStart;
    let dashes = 0;
    while (text.charCodeAt(i) === DASH && text.charCodeAt(i + 1) === SPACE) {
      i += 2;
      while (text.charCodeAt(i) === SPACE) i++;
      dashes++;
    }
    if (flowDepth === 0 && i < lineEnd && text.charCodeAt(i) !== HASH) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
      indents.push(indent);
    }
    // each "- " on the line opens one more sequence level
    const blockDepth = indents.length + dashes;
    if (blockDepth > limit) return { depth: blockDepth, index: lineStart + indent };
    // outside flow collections a line without an opening bracket cannot change the depth
    if (flowDepth > 0 || Math.min(brackets.square.from(i), brackets.curly.from(i)) < lineEnd) {
      const flow = scanFlow(text.slice(lineStart, lineEnd), flowDepth, limit - blockDepth);
      if (flow.exceededAt !== undefined) return { depth: limit + 1, index: lineStart + flow.exceededAt };
      flowDepth = flow.depth;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}

/** The next index of one character at or after a position that only grows: each character is searched once. */
class NextIndex {
  private at = -1;

  constructor(
    private readonly text: string,
    private readonly char: string,
  ) {}

  /** The index of the character at or after `position`, or the text's length when there is none. */
  from(position: number): number {
    if (this.at < position) {
      const found = this.text.indexOf(this.char, position);
      this.at = found < 0 ? this.text.length : found;
    }
    return this.at;
  }
}

/** Tracks `[`/`{` depth across one line, outside quoted scalars and comments. */
function scanFlow(line: string, depth: number, allowed: number): { depth: number; exceededAt?: number } {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote !== undefined) {
      if (ch === '\\' && quote === '"') i++;
      else if (ch === quote) quote = undefined;
      continue;
    }
    if (ch === '#' && (i === 0 || /\s/.test(line[i - 1] as string))) break;
    if ((ch === '"' || ch === "'") && (i === 0 || /[\s[{,:]/.test(line[i - 1] as string))) quote = ch;
    else if (ch === '[' || ch === '{') {
      depth++;
      if (depth > allowed) return { depth, exceededAt: i };
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--;
  }
  return { depth };
}
