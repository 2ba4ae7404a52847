// Calendar dates as plain YYYY-MM-DD strings: no time zones, no clocks.
// Lexical order of such strings equals chronological order.

export type IsoDate = string;

export function isValidIsoDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

function toEpochDay(date: IsoDate): number {
  return Date.UTC(yearOf(date), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000;
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Chinese official date: 2023年9月7日 (Arabic numerals, no zero padding; GB/T 9704 §7.3.5.4). */
export function chineseDate(date: IsoDate): string {
  return `${yearOf(date)}年${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

/** Last day of a YYYY-MM period. */
export function periodEnd(period: string): IsoDate {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return isoDate(y, m, daysInMonth(y, m));
}

/** The YYYY-MM period before the given one. */
export function previousPeriod(period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
