import { describe, expect, it } from 'vitest';
import { parseFormat } from './options.js';

describe('--format', () => {
  const formats = ['text', 'markdown', 'json'] as const;

  it('is text when not given, and any format the command renders when given', () => {
    expect(parseFormat('plan', undefined, formats)).toBe('text');
    expect(parseFormat('plan', 'json', formats)).toBe('json');
  });

  it('refuses a format the command does not render, naming the command and the choices', () => {
    expect(() => parseFormat('access', 'yaml', formats)).toThrow('access: --format must be one of text, markdown, json, not "yaml"');
  });
});
