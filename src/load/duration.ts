// Session durations: the ISO-8601 hours/minutes form permission sets use.

export const MIN_SESSION_SECONDS = 3600;
export const MAX_SESSION_SECONDS = 12 * 3600;

/** Seconds of a duration such as PT8H or PT1H30M; undefined when it is not of that form. */
export function sessionDurationSeconds(duration: string): number | undefined {
  const match = /^PT(?=\d)(?:(\d+)H)?(?:(\d+)M)?$/.exec(duration);
  if (!match) return undefined;
  return Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60;
}

/** Whether a duration lies within PT1H..PT12H, the range AWS accepts. */
export function isSessionDurationInRange(duration: string): boolean {
  const seconds = sessionDurationSeconds(duration);
  return seconds !== undefined && seconds >= MIN_SESSION_SECONDS && seconds <= MAX_SESSION_SECONDS;
}
