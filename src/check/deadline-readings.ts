// How each problem's deadline was read — the listing behind
// `zhenggai check <plan-dir> --deadlines`, so the office verifies before
// documents go out (docs/domain.md#seeing-how-a-deadline-was-read).
import { problemDeadline, type DeadlineSource } from '../derive/problem-deadline.js';
import type { IsoDate } from '../model/dates.js';
import type { PlanFolder } from '../load/plan-folder.js';
import { writtenNumber } from '../model/numbering.js';

/** One problem's deadline as read; the same for text and `--format json`. */
export interface DeadlineReading {
  /** The problem's number as data files write it (model/numbering.ts writtenNumber): the integer, or “二-3” for a plan numbered per category. */
  number: number | string;
  /** The deadline phrase as written (printed unchanged in every document). */
  phrase: string;
  /** The due date it was read as (YYYY-MM-DD); null for long-term without a date, or when unreadable. */
  due: IsoDate | null;
  /** 长期坚持: the work continues after any due date. */
  longTerm: boolean;
  /** 立行立改: due on the notice's date. */
  immediate: boolean;
  /** 'explicit' when the problem's dueDate / longTerm fields decided, 'phrase' when the phrase was read. */
  source: DeadlineSource;
  /** Why it could not be read (the deadline-phrase rule's message); absent when it was. */
  error?: string;
}

/**
 * Every problem's deadline as `problemDeadline` reads it — the same reading
 * every document and rule uses — in the order of plan.problems.
 */
export function deadlineReadings(folder: PlanFolder): DeadlineReading[] {
  return folder.plan.problems.map((problem) => {
    const result = problemDeadline(problem, folder.plan.notice.date);
    const base = { number: writtenNumber(folder.plan, problem), phrase: problem.deadline };
    if (!result.ok) {
      return { ...base, due: null, longTerm: false, immediate: false, source: result.field === 'deadline' ? 'phrase' : 'explicit', error: result.message };
    }
    const { due, longTerm, immediate, source } = result.deadline;
    return { ...base, due, longTerm, immediate, source };
  });
}

const SOURCE_LABEL: Record<DeadlineSource, string> = { phrase: '按原文', explicit: '按 dueDate/longTerm' };

/** One line a problem: `3  “12月中旬前”  →  2023-12-20  按原文`, with 立行立改 / 长期坚持 after the date. */
export function formatDeadlineReadings(readings: readonly DeadlineReading[]): string {
  const lines = readings.map((r) => {
    // The parser's message already says it cannot read the phrase (无法理解整改时限…).
    if (r.error !== undefined) return `${r.number}  “${r.phrase}”  →  ${r.error}`;
    const flags = [r.immediate ? '立行立改' : '', r.longTerm ? '长期坚持' : ''].filter(Boolean).join('，');
    const reading = [r.due ?? '无具体期限', flags].filter(Boolean).join('，');
    return `${r.number}  “${r.phrase}”  →  ${reading}  ${SOURCE_LABEL[r.source]}`;
  });
  return ['序号  整改时限  →  读作（到期日 YYYY-MM-DD）  来源 / number  phrase  →  due date  source', ...lines].join('\n');
}
