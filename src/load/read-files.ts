// Finds the state files under a directory and reads each one as text, rejecting what
// must never reach the YAML parser: oversized files, bytes that are not UTF-8, NUL bytes.
import { isUtf8 } from 'node:buffer';
import { readFileSync, statSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Diagnostic } from '../model/types.js';
import { firstInvalidUtf8Offset, lineColOfByte, lineColOfIndex } from './utf8.js';
import { compareStrings } from '../model/order.js';

/**
 * A state file larger than this is refused before it is read. Large enough for what
 * `extract` writes for a big organization (20,000 users are about 2.2 MiB in one
 * users.yaml), small enough that a runaway or hostile file fails fast.
 */
export const MAX_STATE_FILE_BYTES = 16 * 1024 * 1024;
const MAX_STATE_FILE_MIB = MAX_STATE_FILE_BYTES / (1024 * 1024);

const STATE_FILE = /\.ya?ml$/i;

/**
 * Paths of every *.yaml / *.yml file below dir, relative to dir with `/` separators, sorted.
 * Symbolic links are followed (a team's assignments file may be a link into another
 * checkout): skipping one would silently turn what it declares into deletions. A link that
 * points nowhere is an error, and a directory reached twice (a link loop) is read once.
 */
export async function listStateFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const visited = new Set<string>();
  async function walk(relative: string): Promise<void> {
    const real = await realpath(join(dir, relative));
    if (visited.has(real)) return;
    visited.add(real);
    const entries = await readdir(join(dir, relative), { withFileTypes: true });
    for (const entry of entries) {
      const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
      const kind = entry.isSymbolicLink() ? await linkTarget(join(dir, path), path) : entry;
      if (kind.isDirectory()) await walk(path);
      else if (kind.isFile() && STATE_FILE.test(entry.name)) found.push(path);
    }
  }
  await walk('');
  return found.sort(compareStrings);
}

async function linkTarget(absolute: string, shown: string): Promise<{ isFile(): boolean; isDirectory(): boolean }> {
  try {
    return await stat(absolute);
  } catch (err) {
    throw new Error(`${shown} is a symbolic link that cannot be followed (${err instanceof Error ? err.message : String(err)})`, {
      cause: err,
    });
  }
}

export type ReadResult = { text: string } | { diagnostic: Diagnostic };

// One decoder for every file: decoding is stateless without `stream`, and a decoder per file
// was part of the per-file cost below.
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads one state file; `file` is the path used in diagnostics. Synchronously: the L state
 * is 517 files, and the promise API's round trips through the thread pool cost 130 ms CPU
 * to read them against 27 ms for the same calls made directly (the parse that follows
 * blocks the thread far longer anyway).
 */
export function readStateFile(file: string): ReadResult {
  const at = (line: number, col: number) => ({ file, line, col });
  const size = statSync(file).size;
  if (size > MAX_STATE_FILE_BYTES) {
    const mib = (size / (1024 * 1024)).toFixed(1);
    return {
      diagnostic: {
        severity: 'error',
        message: `file is ${mib} MiB, over the ${MAX_STATE_FILE_MIB} MiB limit for a state file`,
        pos: at(1, 1),
      },
    };
  }
  const bytes = readFileSync(file);
  // the native check first: the byte-wise scan that locates the problem costs a tenth of
  // the load at L size and is only needed for a file that is not UTF-8
  const bad = isUtf8(bytes) ? -1 : firstInvalidUtf8Offset(bytes);
  if (bad >= 0) {
    const { line, col } = lineColOfByte(bytes, bad);
    const hex = (bytes[bad] as number).toString(16).padStart(2, '0');
    return { diagnostic: { severity: 'error', message: `file is not valid UTF-8 (byte 0x${hex}); save it as UTF-8`, pos: at(line, col) } };
  }
  const text = UTF8.decode(bytes);
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const { line, col } = lineColOfIndex(text, nul);
    return { diagnostic: { severity: 'error', message: 'file contains a NUL byte; a state file must be text', pos: at(line, col) } };
  }
  return { text };
}
