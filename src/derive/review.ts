// 回头看 (docs/domain.md#回头看): re-checking completed problems, the rounds a
// problem goes through when one comes back (反弹), and which problems a plan's
// schedule makes due a 回头看 in a period. Pure functions of the progress files.
import type { Plan, Problem } from '../model/plan-schema.js';
import type { Closure, ProblemProgress, Progress, Review } from '../model/progress-schema.js';
import { isCompleted, problemState } from './problem-state.js';

/** The 反弹 findings of one progress entry (none when it records no 回头看). */
export function reboundsOf(entry: ProblemProgress | undefined): Review[] {
  return (entry?.reviews ?? []).filter((r) => r.finding === '反弹');
}

/** The latest 反弹 finding of an entry (the first of equal dates), or undefined. */
export function latestRebound(entry: ProblemProgress | undefined): Review | undefined {
  return reboundsOf(entry).reduce<Review | undefined>((a, b) => (a === undefined || b.date > a.date ? b : a), undefined);
}

/** Reopened in this period: the entry records a 回头看 that found 反弹. */
export function isReopened(entry: ProblemProgress | undefined): boolean {
  return reboundsOf(entry).length > 0;
}

/**
 * 整改轮次 of every problem with an entry in the files given (oldest first, up
 * to and including the period): 1, plus one for each 反弹 recorded in them.
 * A problem with no entry anywhere is absent (round 1).
 */
export function reviewRounds(history: readonly Progress[]): Map<number, number> {
  const rounds = new Map<number, number>();
  for (const file of history) {
    for (const entry of file.problems) rounds.set(entry.number, (rounds.get(entry.number) ?? 1) + reboundsOf(entry).length);
  }
  return rounds;
}

/** A period's 回头看, counted: records, problems checked, how many held (巩固) and how many came back (反弹, reopened). */
export interface ReviewTally {
  /** 回头看 records in the period's file. */
  records: number;
  /** Problems with at least one record. */
  problems: number;
  /** Problems whose records all found 巩固. */
  consolidated: number;
  /** Problems with a 反弹 record: reopened this period. */
  reopened: number;
}

export function reviewTally(progress: Progress): ReviewTally {
  const reviewed = progress.problems.filter((p) => (p.reviews ?? []).length > 0);
  const reopened = reviewed.filter((p) => isReopened(p)).length;
  return {
    records: reviewed.reduce((n, p) => n + p.reviews!.length, 0),
    problems: reviewed.length,
    consolidated: reviewed.length - reopened,
    reopened,
  };
}

/** A completion (and closure, if any) recorded before the problem was reopened: an earlier round that stays in its history. */
export interface EarlierRound {
  round: number;
  completedOn: string;
  closure?: Closure;
  /** The period whose 回头看 found it come back. */
  reopenedIn: string;
}

/**
 * The rounds of a problem that ended in a 反弹, oldest first: for each 反弹,
 * the last completion and closure recorded before it (in the files up to the
 * period). The progress file of the 反弹 no longer records them — they live
 * on here, from the earlier files.
 */
export function earlierRounds(history: readonly Progress[], number: number): EarlierRound[] {
  const rounds: EarlierRound[] = [];
  let last: { completedOn?: string; closure?: Closure } = {};
  for (const file of history) {
    const entry = file.problems.find((p) => p.number === number);
    if (!entry) continue;
    if (isReopened(entry) && last.completedOn !== undefined) {
      rounds.push({ round: rounds.length + 1, completedOn: last.completedOn, ...(last.closure ? { closure: last.closure } : {}), reopenedIn: file.period });
      last = {};
    }
    if (isCompleted(entry.status) && entry.completedOn) last = { completedOn: entry.completedOn, ...(entry.closure ? { closure: entry.closure } : {}) };
  }
  return rounds;
}

/** Whole months from one YYYY-MM(-DD) to a period: 2023-10-20 → 2023-11 is 1. */
function monthsFrom(date: string, period: string): number {
  const [y1, m1] = date.split('-').map(Number) as [number, number];
  const [y2, m2] = period.split('-').map(Number) as [number, number];
  return (y2 - y1) * 12 + (m2 - m1);
}

/** The latest closure date recorded for a problem in the files given, if any. */
function lastClosure(history: readonly Progress[], number: number): string | undefined {
  let date: string | undefined;
  for (const file of history) {
    const entry = file.problems.find((p) => p.number === number);
    if (entry?.status === '已销号' && entry.closure) date = entry.closure.date;
  }
  return date;
}

function dueByLongTerm(plan: Plan, problem: Problem, file: Progress, entry: ProblemProgress): boolean {
  if (!isCompleted(entry.status) || entry.completedOn === undefined || entry.completedOn >= `${file.period}-01`) return false;
  return problemState(problem, entry, file.asOf, plan.notice.date).longTerm;
}

/**
 * The problems the plan's `reviewSchedule` makes due a 回头看 in the last file
 * of `history` (oldest first, the period's file last), in plan order:
 * - with `longTermMonthly`, every long-term problem (docs/domain.md#statistics)
 *   completed before the period began, each month;
 * - a problem whose latest recorded closure was N months before the period,
 *   for each N in `afterClosureMonths` (closed 2023-10-20: due 2023-11 for 1).
 * Nothing before `from` (default: the notice's month), nothing without a schedule.
 */
export function dueForReview(plan: Plan, history: readonly Progress[]): number[] {
  const schedule = plan.reviewSchedule;
  const file = history.at(-1);
  if (!schedule || !file || file.period < (schedule.from ?? plan.notice.date.slice(0, 7))) return [];
  return plan.problems
    .filter((problem) => {
      const entry = file.problems.find((p) => p.number === problem.number);
      if (!entry) return false;
      if (schedule.longTermMonthly && dueByLongTerm(plan, problem, file, entry)) return true;
      const closed = lastClosure(history, problem.number);
      return closed !== undefined && schedule.afterClosureMonths.includes(monthsFrom(closed, file.period));
    })
    .map((p) => p.number);
}
