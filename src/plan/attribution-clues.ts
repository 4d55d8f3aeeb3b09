// What each kind's descriptor says CloudTrail would show for a change (src/kinds/*/attribution.ts),
// kept apart from the matching in attribution.ts so that the kinds do not import the module
// that dispatches over them.

/** One event that would explain a change: its name and the members it must carry. */
export interface Clue {
  eventName: string;
  /** every entry must hold: a dotted path into requestParameters ("request.") or responseElements ("response."), and its value */
  fields: Record<string, string>;
}

/** What a change's attribution rests on: its clues, or why there can be none. */
export type ChangeClues = { clues: Clue[] } | { unattributable: string };

export const GONE = 'it no longer exists in AWS, and CloudTrail names a deleted object only by the id it had';

/** The live ids CloudTrail names objects by, from the names the plan uses. */
export interface LiveIds {
  users: Map<string, string>;
  groups: Map<string, string>;
  permissionSets: Map<string, string>;
}
