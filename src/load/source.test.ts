import { describe, expect, it } from 'vitest';
import { parseStateFile } from './parse-yaml.js';

const TEXT = ['groups:', '  - name: Devs', '    members:', '      - alice@example.com', '      - bob@example.com', ''].join('\n');

describe('FileSource', () => {
  it('finds the same line and column after its document is released (re-parsed from the text)', () => {
    const { source } = parseStateFile('identity/groups.yaml', TEXT);
    const path = ['groups', 0, 'members', 1];
    const before = source.pos(path);
    source.release();
    expect(source.pos(path)).toEqual(before);
    expect(before).toEqual({ file: 'identity/groups.yaml', line: 5, col: 9 });
  });

  it('answers key positions and raw offsets after a release too', () => {
    const { source } = parseStateFile('identity/groups.yaml', TEXT);
    source.release();
    expect(source.pos(['groups', 0, 'members'], { key: true })).toEqual({ file: 'identity/groups.yaml', line: 3, col: 5 });
    expect(source.posAtOffset(TEXT.indexOf('bob'))).toEqual({ file: 'identity/groups.yaml', line: 5, col: 9 });
  });
});
