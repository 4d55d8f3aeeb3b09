// The repository is self-contained: a user who clones it, or a contributor who reads it,
// has every file it refers to. No tracked text file may name notes kept outside the
// repository or a path that leaves it (docs/ is the canonical place for such notes).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** This file: its examples of what is forbidden are the one allowed exception. */
const SELF = relative(ROOT, fileURLToPath(import.meta.url)).split(sep).join('/');

/** Notes that lived outside the repository, cited by name (as `DESIGN.md`, `DESIGN: Applying`,
 *  `AWS-NOTES`), and the folder they lived in. */
const OUTSIDE_NOTES = [/\bDESIGN\b/, /AWS-NOTES/, /\.\.\/shared/];
/** Absolute paths of the machines the project was built on. */
const MACHINE_PATHS = [/\/work\//, /\/tmp\/issue/];

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
      'see DESIGN.md',
      '[x](../../../elsewhere.md) and [y](../docs/a.md)',
      '(DESIGN: Applying) and AWS-NOTES.md',
      '../shared/x or /work/shared',
    ].join('\n');
    expect(outsideReferences(ROOT, 'docs/x.md', text)).toEqual([
      'docs/x.md:2: DESIGN',
      'docs/x.md:3: ../../../elsewhere.md leaves the repository',
      'docs/x.md:4: DESIGN',
      'docs/x.md:4: AWS-NOTES',
      'docs/x.md:5: ../shared',
      'docs/x.md:5: /work/',
    ]);
  });

  it('no tracked text file refers to a file outside the repository', () => {
    const checked = trackedTextFiles(ROOT).filter((f) => f !== SELF);
    const found = checked.flatMap((f) => outsideReferences(ROOT, f, readFileSync(join(ROOT, f), 'utf8')));
    expect(found).toEqual([]);
  });
});
