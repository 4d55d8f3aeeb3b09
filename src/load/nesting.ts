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

/**
 * The first place where block indentation plus flow brackets nest deeper than `limit`,
 * or undefined. Brackets inside quotes and comments are skipped; brackets inside plain
 * scalars are counted, which can only over-estimate.
 */
export function findExcessiveNesting(text: string, limit = MAX_NESTING_DEPTH): TooDeep | undefined {
  const indents: number[] = [];
  let lineStart = 0;
  let flowDepth = 0;
  while (lineStart < text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const content = /^( *)((?:- +)*)/.exec(line) as RegExpExecArray;
    const indent = (content[1] as string).length;
    const rest = line.slice(content[0].length);
    if (flowDepth === 0 && rest !== '' && !rest.startsWith('#')) {
      while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
      indents.push(indent);
    }
    // each "- " on the line opens one more sequence level
    const dashes = (content[2] as string).split('-').length - 1;
    const blockDepth = indents.length + dashes;
    if (blockDepth > limit) return { depth: blockDepth, index: lineStart + indent };
    const flow = scanFlow(line, flowDepth, limit - blockDepth);
    if (flow.exceededAt !== undefined) return { depth: limit + 1, index: lineStart + flow.exceededAt };
    flowDepth = flow.depth;
    lineStart = lineEnd + 1;
  }
  return undefined;
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
