// Its own module so that both position sources (source.ts, event-positions.ts) can name it.

/** A step into a YAML value: a mapping key or a list index. */
export type PathSegment = string | number;
