import { describe, expect, it } from 'vitest';
import { lineDiff, withContext } from './line-diff.js';

const show = (lines: { op: string; text: string }[]) => lines.map((l) => `${l.op}${l.text}`);

describe('lineDiff', () => {
  it('marks only the lines that differ', () => {
    expect(show(lineDiff(['a', 'b', 'c', 'd'], ['a', 'x', 'c', 'd', 'e']))).toEqual([' a', '-b', '+x', ' c', ' d', '+e']);
  });

  it('shows an added document as all added and a removed one as all removed', () => {
    expect(show(lineDiff([], ['a', 'b']))).toEqual(['+a', '+b']);
    expect(show(lineDiff(['a'], []))).toEqual(['-a']);
  });

  it('keeps a moved block minimal', () => {
    expect(show(lineDiff(['x', 'a', 'b', 'c'], ['a', 'b', 'c', 'x']))).toEqual(['-x', ' a', ' b', ' c', '+x']);
  });
});

describe('withContext', () => {
  it('keeps changes with their context and folds the rest', () => {
    const lines = lineDiff(['1', '2', '3', '4', '5', '6', '7', '8', '9'], ['1', '2', '3', '4', 'X', '6', '7', '8', '9']);
    expect(show(withContext(lines, 1))).toEqual([' ...', ' 4', '-5', '+X', ' 6', ' ...']);
  });

  it('returns nothing for identical input', () => {
    expect(withContext(lineDiff(['a'], ['a']))).toEqual([]);
  });
});
