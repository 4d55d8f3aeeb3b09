import { describe, expect, test } from 'vitest';
import { findExcessiveNesting } from './nesting.js';

describe('findExcessiveNesting', () => {
  test('accepts a permission set with a nested policy condition', () => {
    const text = [
      'permissionSets:',
      '  - name: Dev',
      '    inlinePolicy:',
      '      Statement:',
      '        - Condition:',
      '            StringEquals: {"aws:PrincipalTag/team": [a, [b]]}',
      '',
    ].join('\n');
    expect(findExcessiveNesting(text, 10)).toBeUndefined();
  });

  // the block level of `a:` counts too: 1 + 3 brackets crosses a limit of 3 at the third `[`
  test('reports where flow brackets cross the limit', () => {
    expect(findExcessiveNesting('a: [[[[]]]]\n', 3)).toEqual({ depth: 4, index: 5 });
  });

  test('counts brackets across lines of one flow collection', () => {
    expect(findExcessiveNesting('a: [\n  [\n    [\n', 2)).toEqual({ depth: 3, index: 7 });
  });

  test('ignores brackets inside quotes and comments', () => {
    expect(findExcessiveNesting(`a: "[[[[[["\nb: '{{{{{{'\nc: x # [[[[[[\n`, 2)).toBeUndefined();
  });

  test('counts block indentation and list dashes as levels', () => {
    expect(findExcessiveNesting('a:\n  b:\n    c: x\n', 3)).toBeUndefined();
    expect(findExcessiveNesting('a:\n  b:\n    c:\n      d: x\n', 3)).toEqual({ depth: 4, index: 21 });
    expect(findExcessiveNesting('- - - - x\n', 3)).toEqual({ depth: 5, index: 0 });
  });

  test('finds brackets far below bracket-free lines, and after brackets of earlier lines', () => {
    const plain = 'a: x\n'.repeat(1000);
    expect(findExcessiveNesting(`b: [1]\n${plain}c: [[[1]]]\n`, 3)).toEqual({ depth: 4, index: 6 + plain.length + 6 });
  });

  test('counts `- ` as a level only with a space after the dash', () => {
    expect(findExcessiveNesting('-x\n', 0)).toEqual({ depth: 1, index: 0 });
    expect(findExcessiveNesting('-   - x\n', 2)).toEqual({ depth: 3, index: 0 });
    expect(findExcessiveNesting('- -x\n', 2)).toBeUndefined();
  });
});
