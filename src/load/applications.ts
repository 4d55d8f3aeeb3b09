// `applications:` in the state files: the entries of one file (those the schema accepted,
// each tied to its position), and the entries of all files merged by name. Any file may
// hold some; a name declared twice is an error naming both places, like every named kind.
import type { ApplicationEntry } from '../model/applications.js';
import type { Diagnostic } from '../model/types.js';
import type { PathSegment } from './source.js';

type Place = <T extends object>(object: T, path: PathSegment[]) => T;

/** The file's entries; undefined when the file has no `applications:` list. */
export function readApplicationEntries(data: unknown, invalidPaths: PathSegment[][], place: Place): ApplicationEntry[] | undefined {
  if (!Array.isArray(data)) return undefined;
  const invalid = new Set(invalidPaths.filter((p) => p[0] === 'applications').map((p) => p[1]));
  return data.flatMap((raw: unknown, index) => {
    if (invalid.has(index) || raw === null || typeof raw !== 'object') return [];
    const r = raw as Partial<ApplicationEntry>;
    const entry: ApplicationEntry = {
      name: String(r.name),
      ...(r.providerArn !== undefined ? { providerArn: r.providerArn } : {}),
      ...(r.description !== undefined ? { description: r.description } : {}),
      ...(r.status !== undefined ? { status: r.status } : {}),
      ...(r.assignmentRequired !== undefined ? { assignmentRequired: r.assignmentRequired } : {}),
      users: [...(r.users ?? [])],
      groups: [...(r.groups ?? [])],
    };
    return [place(entry, ['applications', index])];
  });
}

/** Every file's entries, first of each name kept; undefined when no file declares `applications:`. */
export function mergeApplicationEntries(
  perFile: ReadonlyArray<ApplicationEntry[] | undefined>,
  diagnostics: Diagnostic[],
): ApplicationEntry[] | undefined {
  const declared = perFile.filter((e): e is ApplicationEntry[] => e !== undefined);
  if (declared.length === 0) return undefined;
  const first = new Map<string, ApplicationEntry>();
  for (const entry of declared.flat()) {
    const earlier = first.get(entry.name);
    if (earlier === undefined) {
      first.set(entry.name, entry);
      continue;
    }
    const where = earlier.pos ? `${earlier.pos.file}:${earlier.pos.line}:${earlier.pos.col}` : 'another file';
    const message = `application "${entry.name}" is declared twice (first at ${where})`;
    diagnostics.push({ severity: 'error', message, ...(entry.pos ? { pos: entry.pos } : {}) });
  }
  return [...first.values()];
}
