// One reporting period, derived from the plan and that period's progress file:
// every problem with its state, the statistics and the changes since the
// previous period. Pure; the CLI turns a failed result into a user error.
import { shownNumberOf } from '../model/numbering.js';
import type { Plan, Problem } from '../model/plan-schema.js';
import type { ProblemProgress, Progress } from '../model/progress-schema.js';
import { compareStates, noChanges, type Changes } from './changes.js';
import type { IsoDate } from '../model/dates.js';
import { problemState, type ProblemState } from './problem-state.js';
import { reportingUnit } from './reporting-unit.js';
import { isReopened, reviewRounds, reviewTally, type ReviewTally } from './review.js';
import { statistics, type Statistics } from './statistics.js';

export { reportingUnit } from './reporting-unit.js';

export interface PeriodRow {
  problem: Problem;
  progress: ProblemProgress;
  state: ProblemState;
  /** The first-listed lead unit, which reports this problem. */
  reportingUnit: string;
  /** 整改轮次: 1, plus one for each 反弹 found up to this period (docs/domain.md#回头看). */
  round: number;
  /** A 回头看 in this period found it come back (反弹): reopened. */
  reopened: boolean;
}

export interface PeriodView {
  period: string;
  asOf: IsoDate;
  /** Every problem of the plan, in plan order. */
  rows: PeriodRow[];
  statistics: Statistics;
  changes: Changes;
  /** The period's 回头看 records, counted. */
  reviews: ReviewTally;
}

export type PeriodResult =
  | { ok: true; view: PeriodView }
  /** A report needs every problem: `missing` lists the plan's problems absent from the period, in plan order. */
  | { ok: false; period: string; missing: number[]; message: string };

/**
 * Each problem's entry in a progress file. Entries for numbers the plan does
 * not have are ignored here (the checker reports them); of duplicates the
 * first wins, as the checker's problem-numbers rule reports the rest.
 */
function entriesByNumber(progress: Progress): Map<number, ProblemProgress> {
  const entries = new Map<number, ProblemProgress>();
  for (const entry of progress.problems) if (!entries.has(entry.number)) entries.set(entry.number, entry);
  return entries;
}

/** The plan's problem numbers with no entry in the progress file, in plan order. */
export function missingProblems(plan: Plan, progress: Progress): number[] {
  const entries = entriesByNumber(progress);
  return plan.problems.filter((p) => !entries.has(p.number)).map((p) => p.number);
}

/** States of the problems a progress file has, by number, as of its own as-of date. */
export function periodStates(plan: Plan, progress: Progress): Map<number, ProblemState> {
  const entries = entriesByNumber(progress);
  const states = new Map<number, ProblemState>();
  for (const problem of plan.problems) {
    const entry = entries.get(problem.number);
    if (entry) states.set(problem.number, problemState(problem, entry, progress.asOf, plan.notice.date));
  }
  return states;
}

function rowsOf(plan: Plan, progress: Progress, earlier: readonly Progress[]): PeriodRow[] {
  const entries = entriesByNumber(progress);
  const rounds = reviewRounds([...earlier, progress]);
  return plan.problems.map((problem) => {
    const entry = entries.get(problem.number)!;
    return {
      problem,
      progress: entry,
      state: problemState(problem, entry, progress.asOf, plan.notice.date),
      reportingUnit: reportingUnit(problem),
      round: rounds.get(problem.number) ?? 1,
      reopened: isReopened(entry),
    };
  });
}

/**
 * The view of one period. `previous` is the period before (any earlier
 * period the caller chooses); without it the changes are empty (Changes.since
 * is null) — a first report has no "new since last month". `earlier` are
 * the files before the period, oldest first, whose 反弹 findings count
 * towards each problem's round (default: `previous` alone).
 */
export function derivePeriod(plan: Plan, progress: Progress, previous?: Progress, earlier: readonly Progress[] = previous ? [previous] : []): PeriodResult {
  if (previous && previous.period >= progress.period) {
    throw new RangeError(`derivePeriod: previous period ${previous.period} is not before ${progress.period}`);
  }
  const missing = missingProblems(plan, progress);
  if (missing.length > 0) {
    const message = `${progress.period} 的进展缺少问题 ${missing.map((key) => shownNumberOf(plan, key)).join('、')}：报告须包含方案中的全部问题`;
    return { ok: false, period: progress.period, missing, message };
  }
  const rows = rowsOf(plan, progress, earlier);
  const states = rows.map((r) => r.state);
  const changes = previous ? compareStates(previous.period, states, periodStates(plan, previous)) : noChanges();
  return {
    ok: true,
    view: { period: progress.period, asOf: progress.asOf, rows, statistics: statistics(plan, rows), changes, reviews: reviewTally(progress) },
  };
}
