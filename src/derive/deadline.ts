// Deadline phrases as offices write them (docs/domain.md#deadlines). The phrase
// is kept for printing; this module only works out what it means.
import { daysInMonth, isoDate, isValidIsoDate, yearOf, type IsoDate } from '../model/dates.js';

export interface Deadline {
  phrase: string;
  /** Last day on which finishing is on time; null for 长期坚持 alone. */
  due: IsoDate | null;
  /** 立行立改: due on the notice's date. */
  immediate: boolean;
  /** 长期坚持: the work continues after any due date. */
  longTerm: boolean;
}

export type DeadlineResult = { ok: true; deadline: Deadline } | { ok: false; message: string };

const IMMEDIATE = '立行立改';
const LONG_TERM = '长期坚持';
// Words that add nothing to the date: 完成, 前, 之前, connecting 并/、/，.
const FILLER = /完成|整改到位|之前|前|并|、|，|,|；|\s/g;

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function monthNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十一') return 11;
  if (text === '十二') return 12;
  return CHINESE_DIGITS[text] ?? NaN;
}

/** The date part, after 立行立改 / 长期坚持 and filler words are removed. */
function parseDatePart(rest: string, defaultYear: number): IsoDate | 'invalid' | null {
  if (rest === '') return null;
  const yearEnd = /^(\d{4})?年(?:底|末|内)$/.exec(rest);
  if (yearEnd) return isoDate(yearEnd[1] ? Number(yearEnd[1]) : defaultYear, 12, 31);
  const half = /^(?:(\d{4})年)?上半年(?:底)?$/.exec(rest);
  if (half) return isoDate(half[1] ? Number(half[1]) : defaultYear, 6, 30);
  const monthEnd = /^(?:(\d{4})年)?(\d{1,2}|[一二三四五六七八九十]|十一|十二)月(?:底|末|份|内)?$/.exec(rest);
  if (monthEnd) {
    const year = monthEnd[1] ? Number(monthEnd[1]) : defaultYear;
    const month = monthNumber(monthEnd[2]!);
    if (!(month >= 1 && month <= 12)) return 'invalid';
    return isoDate(year, month, daysInMonth(year, month));
  }
  const day = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日$/.exec(rest);
  if (day) {
    const date = isoDate(day[1] ? Number(day[1]) : defaultYear, Number(day[2]), Number(day[3]));
    return isValidIsoDate(date) ? date : 'invalid';
  }
  const iso = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})$/.exec(rest);
  if (iso) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return isValidIsoDate(date) ? date : 'invalid';
  }
  return 'invalid';
}

/**
 * Parse a deadline phrase. A phrase without a year takes the year of the
 * notice's date (not the year in the plan's title); 立行立改 is due on the
 * notice's date; 长期坚持 alone has no due date.
 */
export function parseDeadline(phrase: string, noticeDate: IsoDate): DeadlineResult {
  const immediate = phrase.includes(IMMEDIATE);
  const longTerm = phrase.includes(LONG_TERM);
  const rest = phrase.replaceAll(IMMEDIATE, '').replaceAll(LONG_TERM, '').replace(FILLER, '');
  const datePart = parseDatePart(rest, yearOf(noticeDate));
  if (datePart === 'invalid') {
    return {
      ok: false,
      message: `无法理解整改时限“${phrase}”：应写作“10月底前完成”“12月10日前完成”“2023年底前”“立行立改”“长期坚持”等`,
    };
  }
  if (datePart !== null && immediate) {
    return { ok: false, message: `整改时限“${phrase}”同时写了立行立改和具体日期，请只保留一种` };
  }
  if (datePart === null && !immediate && !longTerm) {
    return { ok: false, message: `整改时限“${phrase}”没有日期` };
  }
  const due = immediate ? noticeDate : datePart;
  return { ok: true, deadline: { phrase, due, immediate, longTerm } };
}
