import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from './types.js';

describe('formatDiagnostic', () => {
  it('prints file:line:col before the message', () => {
    expect(formatDiagnostic({ severity: 'error', message: 'bad', pos: { file: 'identity/a.yaml', line: 3, col: 7 } })).toBe(
      'identity/a.yaml:3:7: bad',
    );
  });
  it('marks warnings', () => {
    expect(formatDiagnostic({ severity: 'warning', message: 'unused' })).toBe('warning: unused');
  });
});
