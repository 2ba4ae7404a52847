// Deadline phrases as offices write them (docs/domain.md#deadlines). The phrase
// is kept for printing; this module only works out what it means. The date
// forms are in deadline-dates.ts, spans (3个月内) in deadline-span.ts.
import { yearOf, type IsoDate } from '../model/dates.js';
import { parseDateForm } from './deadline-dates.js';
import { addSpan, readSpans, type Span } from './deadline-span.js';

export interface Deadline {
  phrase: string;
  /** Last day on which finishing is on time; null for a long-term phrase without a date. */
  due: IsoDate | null;
  /** 立行立改: due on the notice's date. */
  immediate: boolean;
  /** 长期坚持 (or 长期, 持续推进, 常态化, 每月): the work continues after any due date. */
  longTerm: boolean;
}

export type DeadlineResult = { ok: true; deadline: Deadline } | { ok: false; message: string };

const IMMEDIATE = '立行立改';
// Words that make a phrase long-term, longest first so 长期坚持 is taken whole.
// 每月 with a day (每月10日前, 每月底) is a monthly duty, not a date.
const LONG_TERM = /长期坚持|持续推进|常态化(?:推进|开展)?|每月(?:\d{1,2}[日号]|底|末)?|长期/g;
/** Phases without a span, counted from the notice's date: 短期 one month, 中期 three. */
export const PHASE_SPANS: Readonly<Record<string, Span>> = { 短期: { months: 1 }, 中期: { months: 3 } };
const PHASE = /短期|中期/g;
// Words that add nothing to the date: 完成, 整改, 见效, 前, connecting 并/、/，,
// and the brackets a span or date was written in.
const FILLER = /完成|整改到位|整改|见效|以前|之前|前|并|、|,|;|。|[()（）【】[\]]|\s/g;

const FORMS_HINT = '“10月底前完成”“12月中旬前”“2024年第一季度”“2024年春节前”“中期（3个月内）”“立行立改”“长期坚持”';

/**
 * Parse a deadline phrase against a reference date (the notice's date for a
 * plan's phrase). Returns the due date and the immediate / long-term flags, or
 * a message naming the phrase when it cannot be read. The rules, in order, are
 * those of docs/domain.md#deadlines:
 * - 立行立改 is due on the reference date; 长期坚持, 长期, 持续推进, 常态化 and
 *   每月 make it long-term (alone: no due date);
 * - a date form (10月底, 12月中旬, 第一季度, 下半年, 春节, 国庆 …) without a year
 *   takes the reference date's year;
 * - otherwise a span (3个月内, in brackets or not) is counted from the
 *   reference date, and otherwise 短期 / 中期 give one / three months from it.
 * A date wins over a span or phase in the same phrase (短期整改，10月底前见效).
 */
export function parseDeadline(phrase: string, noticeDate: IsoDate): DeadlineResult {
  const text = phrase.normalize('NFKC');
  const immediate = text.includes(IMMEDIATE);
  const longTerm = (text.match(LONG_TERM) ?? []).length > 0;
  const { spans, rest: withoutSpans } = readSpans(text.replaceAll(IMMEDIATE, '').replace(LONG_TERM, ''));
  const phases = withoutSpans.match(PHASE) ?? [];
  const rest = withoutSpans.replace(PHASE, '').replace(FILLER, '');
  const datePart = parseDateForm(rest, yearOf(noticeDate));
  if (datePart === 'invalid' || spans.includes(null)) {
    return { ok: false, message: `无法理解整改时限“${phrase}”：应写作${FORMS_HINT}等，或在该问题中用 dueDate 直接写明期限日期` };
  }
  if (spans.length > 1 || phases.length > 1) {
    return { ok: false, message: `整改时限“${phrase}”写了不止一个期限，请只保留一个，或用 dueDate 直接写明期限日期` };
  }
  const span = spans[0]?.span ?? (phases[0] === undefined ? undefined : PHASE_SPANS[phases[0]]);
  if (immediate && (datePart !== null || span !== undefined)) {
    return { ok: false, message: `整改时限“${phrase}”同时写了立行立改和具体期限，请只保留一种` };
  }
  const due = immediate ? noticeDate : (datePart ?? (span === undefined ? null : addSpan(noticeDate, span)));
  if (due === null && !longTerm) {
    return { ok: false, message: `整改时限“${phrase}”没有日期：请写明期限，或用 dueDate 直接写明期限日期` };
  }
  return { ok: true, deadline: { phrase, due, immediate, longTerm } };
}
