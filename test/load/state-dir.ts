// Writes state files into a fresh temporary directory and loads them, reporting
// diagnostics with the directory shown as `identity`, the way a user would see them.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadState, type LoadResult } from '../../src/load/load.js';
import { formatDiagnostic } from '../../src/model/types.js';

/** File contents by path relative to the state directory. */
export type StateFiles = Record<string, string | Uint8Array>;

export async function writeStateDir(files: StateFiles): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sso-gitops-load-'));
  for (const [relative, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, relative)), { recursive: true });
    await writeFile(join(dir, relative), content);
  }
  return dir;
}

/**
 * Loads the files with the temporary directory shown as `identity` everywhere (positions
 * in the state included); `lines` are the diagnostics as `validate` prints them.
 */
export async function loadFiles(files: StateFiles): Promise<LoadResult & { lines: string[] }> {
  const dir = await writeStateDir(files);
  try {
    const result = JSON.parse(
      JSON.stringify(await loadState(dir))
        .split(dir)
        .join('identity'),
    ) as LoadResult;
    return { ...result, lines: result.diagnostics.map(formatDiagnostic) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
