// The repository is self-contained: a user who clones it, or a contributor who reads it,
// has every file it refers to. No tracked text file may name notes kept outside the
// repository or a path that leaves it (docs/ is the canonical place for such notes).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** This file, which checks itself like every other. */
const SELF = relative(ROOT, fileURLToPath(import.meta.url))
  .split(sep)
  .join('/');

// The forbidden names are assembled from pieces, so that this file, which must spell them
// to find them, does not contain them itself.
const DESIGN_NOTE = ['DES', 'IGN'].join('');
const AWS_NOTE = ['AWS', 'NOTES'].join('-');
const SHARED_DIR = ['..', 'shared'].join('/');
const MACHINE_DIR = ['', 'work', ''].join('/');
const ISSUE_DIR = ['', 'tmp', 'issue'].join('/');
const literally = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));

/** Notes that lived outside the repository, cited by name (the design notes as a word, the
 *  AWS notes), and the folder they lived in. */
const OUTSIDE_NOTES = [new RegExp(`\\b${DESIGN_NOTE}\\b`), literally(AWS_NOTE), literally(SHARED_DIR)];
/** Absolute paths of the machines the project was built on. */
const MACHINE_PATHS = [literally(MACHINE_DIR), literally(ISSUE_DIR)];

/** Relative targets of markdown links, `[text](../x.md)`: resolved from the linking file.
 *  (Paths in prose and code are examples relative to something else, e.g. a state file.) */
const RELATIVE_LINK = /\]\(((?:\.\.\/)+[^\s)#]*)/g;

/** Text files git tracks or would track (untracked but not ignored), relative to `root`. */
export function trackedTextFiles(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  return out
    .split('\0')
    .filter((f) => f !== '' && existsSync(join(root, f)))
    .filter((f) => !readFileSync(join(root, f)).includes(0));
}

/** Every `file:line: what` where a line refers to something outside the repository. */
export function outsideReferences(root: string, file: string, text: string): string[] {
  const found: string[] = [];
  text.split('\n').forEach((line, i) => {
    const where = `${file}:${i + 1}`;
    for (const pattern of [...OUTSIDE_NOTES, ...MACHINE_PATHS]) {
      const m = pattern.exec(line);
      if (m) found.push(`${where}: ${m[0]}`);
    }
    for (const m of line.matchAll(RELATIVE_LINK)) {
      const target = relative(root, resolve(root, dirname(file), m[1] ?? ''));
      if (target === '..' || target.startsWith(`..${sep}`)) found.push(`${where}: ${m[1]} leaves the repository`);
    }
  });
  return found;
}

describe('the repository is self-contained', () => {
  it('reads the tracked files it checks', () => {
    const files = trackedTextFiles(ROOT);
    expect(files).toContain('README.md');
    expect(files).toContain('src/cli/main.ts');
    expect(files).toContain(SELF);
  });

  it('flags notes kept outside, machine paths and relative paths that leave the repository, by file:line', () => {
    const text = [
      'a design that is shared, an example `$schema=../../schema/x.json`',
      `see ${DESIGN_NOTE}.md`,
      // a link that leaves the repository, split so that this line is not one itself
      ['[x]', '(../../../elsewhere.md) and [y](../docs/a.md)'].join(''),
      `(${DESIGN_NOTE}: Applying) and ${AWS_NOTE}.md`,
      `${SHARED_DIR}/x or ${MACHINE_DIR}shared`,
    ].join('\n');
    expect(outsideReferences(ROOT, 'docs/x.md', text)).toEqual([
      `docs/x.md:2: ${DESIGN_NOTE}`,
      'docs/x.md:3: ../../../elsewhere.md leaves the repository',
      `docs/x.md:4: ${DESIGN_NOTE}`,
      `docs/x.md:4: ${AWS_NOTE}`,
      `docs/x.md:5: ${SHARED_DIR}`,
      `docs/x.md:5: ${MACHINE_DIR}`,
    ]);
  });

  it('no tracked text file refers to a file outside the repository', () => {
    const checked = trackedTextFiles(ROOT);
    expect(checked).toContain(SELF);
    const found = checked.flatMap((f) => outsideReferences(ROOT, f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
