// Writing the extracted files so that a failure leaves the directory as it was: every
// file is first written into a temporary directory next to the target (same file
// system), and only when all of them are there are they renamed into place (rename is
// atomic per file) and the files of permission sets that no longer exist removed.
// Files whose content is unchanged are not touched at all.
import { mkdir, mkdtemp, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { compareStrings } from '../model/order.js';

export interface WriteSummary {
  written: string[];
  unchanged: string[];
  removed: string[];
}

/**
 * @param files relative path → content (with `/` separators)
 * @param remove relative paths of files to delete (owned files not in `files`)
 */
export async function writeStateFiles(dir: string, files: ReadonlyMap<string, string>, remove: readonly string[]): Promise<WriteSummary> {
  const target = resolve(dir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = await mkdtemp(join(parent, `.${basename(target)}.extract-`));
  try {
    const summary: WriteSummary = { written: [], unchanged: [], removed: [] };
    for (const [relative, content] of [...files].sort(([a], [b]) => compareStrings(a, b))) {
      if ((await readIfExists(join(target, relative))) === content) {
        summary.unchanged.push(relative);
        continue;
      }
      await mkdir(dirname(join(staging, relative)), { recursive: true });
      await writeFile(join(staging, relative), content, 'utf8');
      summary.written.push(relative);
    }
    // Everything is staged: from here on only renames and unlinks.
    for (const relative of summary.written) {
      await mkdir(dirname(join(target, relative)), { recursive: true });
      await rename(join(staging, relative), join(target, relative));
    }
    for (const relative of [...remove].sort()) {
      await unlink(join(target, relative));
      summary.removed.push(relative);
    }
    return summary;
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}
