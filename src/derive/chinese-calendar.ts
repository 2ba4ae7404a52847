// The Spring Festival (春节, the first day of the first month of the Chinese
// calendar) of a Gregorian year, read from the Chinese calendar that ICU
// builds into Node (`Intl.DateTimeFormat` with `-u-ca-chinese`), its day then
// pinned by the new moon it starts with (new-moon.ts): ICU places new moons by
// an approximation that errs by minutes, and puts 春节 2027 on 7 February and
// 2030 on 2 February where the calendar (GB/T 33661-2017, Purple Mountain and
// Hong Kong observatories) has 6 February and 3 February. No table of dates is
// typed here (docs/domain.md#deadlines).
import { isoDate, type IsoDate } from '../model/dates.js';
import { newMoonDayInChina } from './new-moon.js';

// Each Gregorian day read as a Chinese date. UTC on both sides, so the
// Gregorian day formatted is the day named, whatever the machine's zone.
// Made on first use: building it loads ICU's Chinese calendar, about 14 ms at
// every start of a command that imports this module (issue 14), while only a
// deadline phrase naming 春节 asks for it.
let chineseDate: Intl.DateTimeFormat | undefined;

function chineseDateFormat(): Intl.DateTimeFormat {
  chineseDate ??= new Intl.DateTimeFormat('en-u-ca-chinese', { timeZone: 'UTC', month: 'numeric', day: 'numeric' });
  return chineseDate;
}

// The Spring Festival falls between 21 January and 20 February; ICU's day may
// be one off, so 20 January to 21 February are read.
const FIRST_CANDIDATE = { month: 1, day: 20 };
const CANDIDATE_DAYS = 33;
const DAY_MS = 86_400_000;
// Computed once a year per process: a plan may ask for it once a problem and period.
const BY_YEAR = new Map<number, IsoDate>();

function isFirstDayOfFirstMonth(date: Date): boolean {
  const parts = chineseDateFormat().formatToParts(date);
  // A leap month is written "1bis" by ICU; the first month is "1" exactly.
  return parts.find((p) => p.type === 'month')?.value === '1' && parts.find((p) => p.type === 'day')?.value === '1';
}

/**
 * The Gregorian date of the Spring Festival in `year` (e.g. 2024 → '2024-02-10').
 * Reads the Chinese calendar of Node's ICU day by day from 20 January for the
 * first day of the first month, then takes the China-time day of the new moon
 * nearest it (`newMoonDayInChina`, at most a day away);
 * throws if the runtime has no Chinese calendar (a Node built without full ICU).
 */
export function springFestival(year: number): IsoDate {
  let date = BY_YEAR.get(year);
  if (date === undefined) BY_YEAR.set(year, (date = findSpringFestival(year)));
  return date;
}

function findSpringFestival(year: number): IsoDate {
  for (let offset = 0; offset < CANDIDATE_DAYS; offset += 1) {
    const date = new Date(Date.UTC(year, FIRST_CANDIDATE.month - 1, FIRST_CANDIDATE.day + offset));
    if (!isFirstDayOfFirstMonth(date)) continue;
    const pinned = new Date(newMoonDayInChina(date.getTime() / DAY_MS) * DAY_MS);
    return isoDate(pinned.getUTCFullYear(), pinned.getUTCMonth() + 1, pinned.getUTCDate());
  }
  throw new Error(`No Spring Festival found for ${year}: this Node has no Chinese calendar (Intl with full ICU is needed)`);
}
