// Its own module so that every model file can name it without importing types.ts.

/** Where a value came from in the state files; 1-based line and column. */
export interface SourcePos {
  file: string;
  line: number;
  col: number;
}
