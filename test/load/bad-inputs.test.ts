// Every bad input of the corpus yields exactly its expected diagnostics (file, line,
// column and message), and no state: a broken state must never reach `plan`.
import { describe, expect, test } from 'vitest';
import { BAD_INPUTS, WARNING_INPUTS } from './bad-inputs.js';
import { loadFiles } from './state-dir.js';

describe('bad state files', () => {
  test('the corpus holds at least 30 cases', () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
  });

  test.each(BAD_INPUTS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await loadFiles(c.files);
    expect(result.lines).toEqual(c.expected);
    expect(result.state).toBeUndefined();
  });
});

describe('state files with warnings only', () => {
  test.each(WARNING_INPUTS.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await loadFiles(c.files);
    expect(result.lines).toEqual(c.expected);
    expect(result.state).toBeDefined();
  });
});
