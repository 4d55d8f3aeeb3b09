// A directory's files as path → content, for comparing what extract wrote.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { compareStrings } from '../../src/model/order.js';

/** Every file below `dir` by its relative path ("/"-separated), sorted by path. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const out: [string, string][] = [];
  for (const entry of (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile())) {
    const full = join(entry.parentPath, entry.name);
    out.push([relative(dir, full).split(sep).join('/'), await readFile(full, 'utf8')]);
  }
  return Object.fromEntries(out.sort(([a], [b]) => compareStrings(a, b)));
}

/** readTree as a Map, for tests that take files out before comparing. */
export async function filesOf(dir: string): Promise<Map<string, string>> {
  return new Map(Object.entries(await readTree(dir)));
}
