// What extract produces before anything is written (extract.ts builds it, empty-state.ts checks it).
import type { NamingResult } from './name.js';

export interface ExtractOutput {
  /** relative path → content */
  files: Map<string, string>;
  /** Owned files that are no longer produced (permission sets that were deleted). */
  remove: string[];
  warnings: string[];
  counts: { users: number; groups: number; memberships: number; permissionSets: number; assignmentEntries: number; assignments: number };
  ignored: NamingResult['ignored'];
}
