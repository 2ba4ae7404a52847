// Times on the pages in Beijing time. The database keeps every time as ISO
// 8601 UTC (database.ts); a township office reads its own clock, so each page
// shows them in Asia/Shanghai (UTC+8, no summer time since 1991), as
// “2026-11-30 16:27”. Intl does the conversion (Node's full ICU), so a
// different zone is one constant, not arithmetic.

const FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function parts(iso: string): Record<string, string> {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`beijingTime: not a time: ${iso}`);
  return Object.fromEntries(FORMAT.formatToParts(date).map((p) => [p.type, p.value]));
}

/**
 * An ISO 8601 time (UTC, as stored) as Beijing time “YYYY-MM-DD HH:mm”, or
 * “YYYY-MM-DD HH:mm:ss” with `seconds` (the audit log); RangeError for text
 * that is not a time.
 */
export function beijingTime(iso: string, options: { seconds?: boolean } = {}): string {
  const p = parts(iso);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}${options.seconds ? `:${p.second}` : ''}`;
}

/** An ISO 8601 time (UTC) as its Beijing date “YYYY-MM-DD” (a time after 16:00 UTC is the next day in Beijing). */
export function beijingDate(iso: string): string {
  return beijingTime(iso).slice(0, 10);
}

/** The Beijing month “YYYY-MM” of an ISO 8601 time (UTC), e.g. 2026-11-30T16:30Z → 2026-12: the latest period the office may open (reporting.ts). */
export function beijingMonth(iso: string): string {
  return beijingTime(iso).slice(0, 7);
}
