import { describe, expect, it } from 'vitest';
import { bashSyntaxError } from './bash-syntax.js';

describe('bashSyntaxError', () => {
  it('reports a stray quote after the last fi', () => {
    expect(bashSyntaxError('if true; then\n  echo ok\nfi"\n')).toMatch(/unexpected EOF|matching/);
  });

  it('accepts a script with ${{ }} expressions, process substitution and here-strings', () => {
    expect(bashSyntaxError('x="${{ inputs.a }}"\nfoo 2> >(tee err >&2)\ncat <<< "$x"\n')).toBeUndefined();
  });
});
