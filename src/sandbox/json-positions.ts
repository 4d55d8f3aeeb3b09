// A JSON parser that keeps where each value is in the text, for ValidatePolicy's finding
// locations (a path through the document and a span of it: line from 1, column and offset
// from 0, end exclusive, as in the accessanalyzer service model's Position and Span).
// JSON.parse gives values without positions, so the sandbox reads the policy itself.

export interface Position {
  line: number;
  column: number;
  offset: number;
}

export interface Span {
  start: Position;
  end: Position;
}

export type Node =
  | { type: 'object'; span: Span; entries: { key: string; keySpan: Span; value: Node }[] }
  | { type: 'array'; span: Span; items: Node[] }
  | { type: 'string'; span: Span; value: string }
  | { type: 'number' | 'boolean' | 'null'; span: Span };

export class JsonSyntaxError extends Error {
  constructor(readonly at: Position) {
    super(`JSON syntax error at ${at.offset}`);
  }
}

export function parseWithPositions(text: string): Node {
  const parser = new Parser(text);
  const node = parser.value();
  parser.skipSpace();
  if (!parser.atEnd()) throw parser.error();
  return node;
}

class Parser {
  private i = 0;
  /** Offsets where each line starts, for line/column by binary search. */
  private readonly lineStarts: number[] = [0];

  constructor(private readonly text: string) {
    for (let k = 0; k < text.length; k++) if (text[k] === '\n') this.lineStarts.push(k + 1);
  }

  atEnd(): boolean {
    return this.i >= this.text.length;
  }

  position(offset = this.i): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.lineStarts[lo] ?? 0), offset };
  }

  error(): JsonSyntaxError {
    return new JsonSyntaxError(this.position());
  }

  skipSpace(): void {
    while (!this.atEnd() && ' \t\r\n'.includes(this.text[this.i] ?? '')) this.i++;
  }

  private span(start: number): Span {
    return { start: this.position(start), end: this.position() };
  }

  value(): Node {
    this.skipSpace();
    const start = this.i;
    const c = this.text[this.i];
    if (c === '{') return this.object(start);
    if (c === '[') return this.array(start);
    if (c === '"') return { type: 'string', value: this.string(), span: this.span(start) };
    for (const [word, type] of [
      ['true', 'boolean'],
      ['false', 'boolean'],
      ['null', 'null'],
    ] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return { type, span: this.span(start) };
      }
    }
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.text.slice(this.i));
    if (number === null) throw this.error();
    this.i += number[0].length;
    return { type: 'number', span: this.span(start) };
  }

  private object(start: number): Node {
    this.i++;
    const entries: { key: string; keySpan: Span; value: Node }[] = [];
    this.skipSpace();
    if (this.text[this.i] === '}') {
      this.i++;
      return { type: 'object', entries, span: this.span(start) };
    }
    for (;;) {
      this.skipSpace();
      const keyStart = this.i;
      if (this.text[this.i] !== '"') throw this.error();
      const key = this.string();
      const keySpan = this.span(keyStart);
      this.skipSpace();
      if (this.text[this.i] !== ':') throw this.error();
      this.i++;
      entries.push({ key, keySpan, value: this.value() });
      this.skipSpace();
      const next = this.text[this.i++];
      if (next === '}') return { type: 'object', entries, span: this.span(start) };
      if (next !== ',') {
        this.i--;
        throw this.error();
      }
    }
  }

  private array(start: number): Node {
    this.i++;
    const items: Node[] = [];
    this.skipSpace();
    if (this.text[this.i] === ']') {
      this.i++;
      return { type: 'array', items, span: this.span(start) };
    }
    for (;;) {
      items.push(this.value());
      this.skipSpace();
      const next = this.text[this.i++];
      if (next === ']') return { type: 'array', items, span: this.span(start) };
      if (next !== ',') {
        this.i--;
        throw this.error();
      }
    }
  }

  /** A string literal at the cursor, decoded by JSON.parse once its end is found. */
  private string(): string {
    let j = this.i + 1;
    while (j < this.text.length && this.text[j] !== '"') j += this.text[j] === '\\' ? 2 : 1;
    if (j >= this.text.length) {
      this.i = this.text.length;
      throw this.error();
    }
    const literal = this.text.slice(this.i, j + 1);
    try {
      const value = JSON.parse(literal) as string;
      this.i = j + 1;
      return value;
    } catch {
      throw this.error();
    }
  }
}
