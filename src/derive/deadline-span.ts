// Spans in deadline phrases — 3个月内, 15天内, 两周内, 半年内 — and the dates
// they give from a reference date (docs/domain.md#deadlines).
import { daysInMonth, isoDate, yearOf, type IsoDate } from '../model/dates.js';

/** A span counted from a reference date: whole months or whole days. */
export type Span = { months: number } | { days: number };

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/**
 * A number written in digits or Chinese numerals from 1 to 99 (3, 十二, 二十, 两);
 * NaN for anything else.
 */
export function chineseNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return NaN;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? DIGITS[tens]! : NaN;
  return (tens ? DIGITS[tens]! : 1) * 10 + (units ? DIGITS[units]! : 0);
}

const NUMBER = String.raw`\d{1,3}|[一二两三四五六七八九十]{1,3}`;
// 个月, 周/个星期/星期 and 天 stand alone; 日 and 年 only with 内 (12月10日 and
// 2024年 are dates). A number right after a digit or 月 belongs to a date.
const SPAN = new RegExp(
  String.raw`(?<![\d月上下])(?:(${NUMBER})(个月|个星期|星期|周|天)(?:以内|之内|内)?|(${NUMBER})(日|年)(?:以内|之内|内)|半年(?:以内|之内|内))`,
  'g',
);

export interface SpanMatch {
  span: Span;
  /** The text that was read, e.g. 3个月内. */
  text: string;
}

/**
 * The spans in `text`, in order (null in place of one whose number cannot be
 * read), and the text with them removed.
 */
export function readSpans(text: string): { spans: Array<SpanMatch | null>; rest: string } {
  const spans = [...text.matchAll(SPAN)].map((m): SpanMatch | null => {
    if (m[1] === undefined && m[3] === undefined) return { span: { months: 6 }, text: m[0] };
    const count = chineseNumber(m[1] ?? m[3]!);
    if (!(count >= 1)) return null;
    const unit = m[2] ?? m[4]!;
    const span: Span = unit === '个月' ? { months: count } : unit === '年' ? { months: 12 * count } : unit === '天' || unit === '日' ? { days: count } : { days: 7 * count };
    return { span, text: m[0] };
  });
  return { spans, rest: text.replace(SPAN, '') };
}

/**
 * The reference date plus a span. Months keep the day of the month, or take
 * the month's last day when it is shorter (2024-01-31 + 1 month = 2024-02-29);
 * days are calendar days.
 */
export function addSpan(from: IsoDate, span: Span): IsoDate {
  const [year, month, day] = [yearOf(from), Number(from.slice(5, 7)), Number(from.slice(8, 10))];
  if ('days' in span) {
    const date = new Date(Date.UTC(year, month - 1, day + span.days));
    return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
  }
  const index = year * 12 + (month - 1) + span.months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  return isoDate(y, m, Math.min(day, daysInMonth(y, m)));
}
