// The date part of a deadline phrase, once flags, phases, spans and filler
// words are removed (docs/domain.md#deadlines, table "date forms").
import { daysInMonth, isoDate, isValidIsoDate, type IsoDate } from '../model/dates.js';
import { springFestival } from './chinese-calendar.js';
import { chineseNumber } from './deadline-span.js';

type DateForm = { pattern: RegExp; date: (m: RegExpExecArray, year: number) => IsoDate | 'invalid' };

const YEAR = String.raw`(?:(\d{4})年)?`;
const MONTH = String.raw`(\d{1,2}|[一二三四五六七八九十]|十一|十二)`;
/** Years whose 春节 is computed: the new-moon arithmetic (new-moon.ts) is checked over these. */
const SPRING_FESTIVAL_YEARS = { from: 1901, to: 2100 };
const QUARTER_END_MONTH = [3, 6, 9, 12] as const;
/** 上旬 ends on the 10th, 中旬 on the 20th, 下旬 on the month's last day. */
const TEN_DAY_END: Record<string, number | 'last'> = { 上旬: 10, 中旬: 20, 下旬: 'last' };

function monthEnd(year: number, month: number): IsoDate | 'invalid' {
  return month >= 1 && month <= 12 ? isoDate(year, month, daysInMonth(year, month)) : 'invalid';
}

function existing(date: IsoDate): IsoDate | 'invalid' {
  return isValidIsoDate(date) ? date : 'invalid';
}

function dayBefore(date: IsoDate): IsoDate {
  const d = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)) - 1));
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

// Each form: the whole remaining text must match. `year` is the year the phrase
// names, else the default year (the notice's).
const FORMS: readonly DateForm[] = [
  // 年底, 年末, 年内, 2023年底, 下半年
  { pattern: /^(\d{4})?年(?:底|末|内)$/, date: (_, y) => isoDate(y, 12, 31) },
  { pattern: new RegExp(`^${YEAR}下半年(?:底|末|内)?$`), date: (_, y) => isoDate(y, 12, 31) },
  // 上半年, 年中
  { pattern: new RegExp(`^${YEAR}(?:上半年(?:底|末|内)?|年中)$`), date: (_, y) => isoDate(y, 6, 30) },
  // 第一季度, 一季度, 第1季度, 2024年第三季度末
  {
    pattern: new RegExp(`^${YEAR}第?([一二三四1-4])季度(?:底|末)?$`),
    date: (m, y) => monthEnd(y, QUARTER_END_MONTH[chineseNumber(m[2]!) - 1]!),
  },
  // 10月, 10月底, 十月末, 10月份, 10月内
  { pattern: new RegExp(`^${YEAR}${MONTH}月(?:底|末|份|内)?$`), date: (m, y) => monthEnd(y, chineseNumber(m[2]!)) },
  // 12月上旬, 12月中旬, 12月下旬
  {
    pattern: new RegExp(`^${YEAR}${MONTH}月(?:份)?(上旬|中旬|下旬)(?:末)?$`),
    date: (m, y) => {
      const month = chineseNumber(m[2]!);
      const end = TEN_DAY_END[m[3]!]!;
      if (!(month >= 1 && month <= 12)) return 'invalid';
      return end === 'last' ? monthEnd(y, month) : isoDate(y, month, end);
    },
  },
  // 12月10日, 12月10号, 12月10日内
  { pattern: new RegExp(`^${YEAR}(\\d{1,2})月(\\d{1,2})[日号]内?$`), date: (m, y) => existing(isoDate(y, Number(m[2]), Number(m[3]))) },
  // 2023-12-10, 2023.12.10, 2023/12/10
  { pattern: /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/, date: (m) => existing(isoDate(Number(m[1]), Number(m[2]), Number(m[3]))) },
  // 春节, 春节前: the day before the first day of the Chinese year (1901–2100)
  { pattern: new RegExp(`^${YEAR}春节$`), date: (_, y) => (y >= SPRING_FESTIVAL_YEARS.from && y <= SPRING_FESTIVAL_YEARS.to ? dayBefore(springFestival(y)) : 'invalid') },
  // 国庆, 国庆节: 30 September
  { pattern: new RegExp(`^${YEAR}国庆节?$`), date: (_, y) => isoDate(y, 9, 30) },
];

/**
 * The due date the remaining text of a phrase names, or null when nothing
 * remains, or 'invalid' when it is no date form (or names a day that does not
 * exist). A form without a year takes `defaultYear`.
 */
export function parseDateForm(rest: string, defaultYear: number): IsoDate | 'invalid' | null {
  if (rest === '') return null;
  for (const form of FORMS) {
    const m = form.pattern.exec(rest);
    if (m) return form.date(m, m[1] ? Number(m[1]) : defaultYear);
  }
  return 'invalid';
}
