// Session durations arrive in several spellings: "PT1H", "PT60M", "PT3600S", "PT1H30M",
// and (from moto) the number 3600. Plan and extract compare and write one canonical
// form: hours, minutes and seconds with zero parts left out ("PT90M" → "PT1H30M").

const ISO_TIME_DURATION = /^PT(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?$/i;

/** Seconds of an ISO-8601 time duration or a number of seconds; undefined when unreadable. */
export function sessionDurationSeconds(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const m = ISO_TIME_DURATION.exec(trimmed);
  if (!m || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) return undefined;
  const [h, min, s] = [m[1], m[2], m[3]].map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number];
  return Math.round(h * 3600 + min * 60 + s);
}

/** The canonical ISO form of a number of seconds: PT8H, PT1H30M, PT45S. */
export function formatSessionDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  return `PT${parts || '0S'}`;
}

/** Canonical form of a session duration as AWS (or an emulator) returned it; an
 *  unreadable value is kept as is so that validation can name it. */
export function normalizeSessionDuration(value: string | number): string {
  const seconds = sessionDurationSeconds(value);
  return seconds === undefined ? String(value) : formatSessionDuration(seconds);
}
