// The one deadline of a problem: its explicit due date when the plan gives one,
// else its phrase as read (docs/domain.md#explicit-due-date). Every consumer —
// problem states, check rules, `check --deadlines` — reads it from here.
import type { Problem } from '../model/plan-schema.js';
import type { Extension } from '../model/progress-schema.js';
import { isoDate, yearOf, type IsoDate } from '../model/dates.js';
import { parseDeadline, type Deadline, type DeadlineResult } from './deadline.js';

/** Where a due date came from: the phrase as read, or the problem's dueDate / longTerm fields. */
export type DeadlineSource = 'phrase' | 'explicit';

export interface ProblemDeadline extends Deadline {
  source: DeadlineSource;
}

export type ProblemDeadlineResult =
  | { ok: true; deadline: ProblemDeadline }
  /** `field` is the problem's field to point at: the phrase, or longTerm when the explicit fields say nothing. */
  | { ok: false; message: string; field: 'deadline' | 'longTerm' };

/**
 * The deadline of a plan's problem. With `dueDate` or `longTerm` present the
 * phrase is not read at all: due is dueDate (null without it), long-term is
 * longTerm (false without it), never immediate. Otherwise the phrase is read
 * against the notice's date (`parseDeadline`). An explicit `longTerm: false`
 * without dueDate names no deadline and is an error, like a phrase without one.
 */
export function problemDeadline(problem: Pick<Problem, 'deadline' | 'dueDate' | 'longTerm'>, noticeDate: IsoDate): ProblemDeadlineResult {
  const { deadline: phrase, dueDate, longTerm } = problem;
  if (dueDate === undefined && longTerm === undefined) {
    const parsed = parseDeadline(phrase, noticeDate);
    return parsed.ok ? { ok: true, deadline: { ...parsed.deadline, source: 'phrase' } } : { ...parsed, field: 'deadline' };
  }
  if (dueDate === undefined && longTerm !== true) {
    return { ok: false, field: 'longTerm', message: `“longTerm: false”而没有 dueDate：请写明 dueDate（YYYY-MM-DD），或删去 longTerm 按整改时限“${phrase}”推算` };
  }
  return { ok: true, deadline: { phrase, due: dueDate ?? null, immediate: false, longTerm: longTerm ?? false, source: 'explicit' } };
}

// A year written as digits (2024年, 2024-03-31): the phrase fixes its own year.
const EXPLICIT_YEAR = /\d{4}\s*(?:年|[-./])/;

/**
 * An extension's phrase is read against its approval date, not the notice's:
 * an extension approved in 2024 that says 6月底前 means June 2024, and one
 * approved in December that says 3月底前 means March of the next year (an
 * extension never moves the deadline to before its own approval). A phrase
 * with a year of its own keeps it. Unreadable: the parser's message.
 */
export function readExtensionDeadline(extension: Pick<Extension, 'deadline' | 'approvedOn'>): DeadlineResult {
  const parsed = parseDeadline(extension.deadline, extension.approvedOn);
  if (!parsed.ok) return parsed;
  const due = parsed.deadline.due;
  if (due === null || due >= extension.approvedOn || EXPLICIT_YEAR.test(extension.deadline)) return parsed;
  return parseDeadline(extension.deadline, isoDate(yearOf(extension.approvedOn) + 1, 1, 1));
}
