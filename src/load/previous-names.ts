// Rules for groups' `previousNames`: a previous name says "the live group of this name is
// this group now", so it must point at one group only. A previous name that is also the
// name of a declared group, or that two groups both claim, would rename one live group
// into two places. Names compare without regard to case (src/model/names.ts).
import { nameKey } from '../model/names.js';
import type { Diagnostic, Group, SourcePos } from '../model/types.js';
import type { SourceMap } from './source.js';

const where = (pos: SourcePos | undefined) => (pos ? ` (${pos.file}:${pos.line}:${pos.col})` : '');

export function checkPreviousNames(groups: readonly Group[], sources: SourceMap): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const declared = new Map(groups.map((g) => [nameKey(g.name), g]));
  const claimed = new Map<string, { group: Group; pos: SourcePos | undefined }>();
  for (const group of groups) {
    for (const previous of group.previousNames ?? []) {
      const pos = sources.itemAt(group, 'previousNames', previous) ?? group.pos;
      const report = (message: string) =>
        diagnostics.push({ severity: 'error', message: `group "${group.name}": ${message}`, ...(pos ? { pos } : {}) });
      const key = nameKey(previous);
      const other = declared.get(key);
      const first = claimed.get(key);
      if (other === group) continue; // its own name in another case: matched by case anyway
      if (other !== undefined) {
        report(
          `previous name "${previous}" is also declared as group "${other.name}"${where(other.pos)}; a name is either a group's current name or a previous one`,
        );
      } else if (first !== undefined) {
        report(
          `previous name "${previous}" is also a previous name of group "${first.group.name}"${where(first.pos)}; one live group cannot be renamed into two`,
        );
      } else {
        claimed.set(key, { group, pos });
      }
    }
  }
  return diagnostics;
}
