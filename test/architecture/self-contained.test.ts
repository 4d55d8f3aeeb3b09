// The repository is self-contained: a user who clones it, or a contributor who reads it,
// has every file it refers to. No tracked text file may name notes kept outside the
// repository or a path that leaves it (docs/ is the canonical place for such notes).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Notes that lived outside the repository, cited by name (`DESIGN.md`, `DESIGN: Applying`,
 *  `AWS-NOTES`), and the folder they lived in; assembled so this file does not match itself. */
const OUTSIDE_NOTES = [new RegExp(`\\b${'DESIGN'}\\b`), new RegExp(['AWS', 'NOTES'].join('-')), new RegExp(['\\.\\.', 'shared'].join('/'))];
/** Absolute paths of the machines the project was built on. */
const MACHINE_PATHS = [new RegExp(['', 'work', ''].join('/')), new RegExp(['', 'tmp', 'issue'].join('/'))];

/** Relative targets of markdown links, `[text](../x.md)`: resolved from the linking file.
 *  (Paths in prose and code are examples relative to something else, e.g. a state file.) */
const RELATIVE_LINK = /\]\(((?:\.\.\/)+[^\s)#]*)/g;

export function trackedTextFiles(root: string): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
  return out
    .split('\0')
    .filter((f) => f !== '')
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
  });

  it('flags notes kept outside, machine paths and relative paths that leave the repository, by file:line', () => {
    const design = ['DESIGN', 'md'].join('.');
    const notes = ['AWS', 'NOTES'].join('-');
    const text = [
      'a design that is shared, an example `$schema=../../schema/x.json`',
      `see ${design}`,
      `[x](../../../elsewhere.md) and [y](../docs/a.md)`,
      `(${['DESIGN', ' Applying'].join(':')}) and ${notes}`,
      `${['..', 'shared'].join('/')} or ${['', 'work', 'shared'].join('/')}`,
    ].join('\n');
    expect(outsideReferences(ROOT, 'docs/x.md', text)).toEqual([
      'docs/x.md:2: DESIGN',
      'docs/x.md:3: ../../../elsewhere.md leaves the repository',
      'docs/x.md:4: DESIGN',
      `docs/x.md:4: ${notes}`,
      `docs/x.md:5: ${['..', 'shared'].join('/')}`,
      `docs/x.md:5: ${['', 'work', ''].join('/')}`,
    ]);
  });

  it('no tracked text file refers to a file outside the repository', () => {
    const found = trackedTextFiles(ROOT).flatMap((f) => outsideReferences(ROOT, f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
