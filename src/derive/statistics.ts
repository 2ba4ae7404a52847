// Period statistics (docs/domain.md#statistics). Every count is taken over
// ProblemStates, so the numbers in a report, its ledger and its charts agree.
//
// Definitions:
// - completed: status 已完成, 已完成并长期坚持 or 已销号 (closed counts as completed).
// - closed: status 已销号.
// - in progress on schedule / behind: status 推进中 split by the unit's own
//   达到序时进度 answer, except that an overdue problem is always behind (past its
//   deadline it cannot be on schedule, whatever the form says). A 推进中 problem
//   with no answer and not overdue is counted as `inProgressUnreported` (the
//   checker's on-schedule-missing rule asks for the answer), so the parts always
//   add up: notStarted + inProgress + completed = total and
//   inProgressOnSchedule + inProgressBehind + inProgressUnreported = inProgress.
// - long-term: ProblemState.longTerm — the problem's deadline (its longTerm
//   field, else its phrase: 长期坚持, 长期, 持续推进 …) or the extension's is
//   long-term, or the status is 已完成并长期坚持 (docs/domain.md#deadlines).
// - overdue: ProblemState.overdue (not completed, as-of date after the due date
//   in force; the due day itself is not overdue).
// - due (到期): the due date in force is on or before the as-of date. 长期坚持
//   alone has no due date and is never due. A problem completed early but not
//   yet due is in neither part of 到期任务完成率: the rate is dueCompleted ÷ due.
// - completion rate: completed ÷ total.
import type { Category, Plan, Problem, Unit } from '../model/plan-schema.js';
import { STATUSES, type Status } from '../model/progress-schema.js';
import { isDue, type ProblemState } from './problem-state.js';
import { orderedUnits } from './reporting-unit.js';

/** A rate kept as its parts; value is undefined when the denominator is 0. */
export interface Ratio {
  numerator: number;
  denominator: number;
  value: number | undefined;
}

export type ColourName = 'green' | 'red' | 'yellow' | 'blue' | 'none';

/** The counts for any group of problems: the whole plan, one lead unit, one category. */
export interface Tally {
  total: number;
  byStatus: Record<Status, number>;
  completed: number;
  closed: number;
  notStarted: number;
  inProgress: number;
  inProgressOnSchedule: number;
  inProgressBehind: number;
  inProgressUnreported: number;
  longTerm: number;
  overdue: number;
  /** Of `overdue`, those 推进中 (each also in inProgressBehind). */
  inProgressOverdue: number;
  /** Of `overdue`, those 未启动. */
  notStartedOverdue: number;
  due: number;
  dueCompleted: number;
  /** Problems by warning colour; 'none' for no colour. */
  colours: Record<ColourName, number>;
  completionRate: Ratio;
  /** 到期任务完成率. */
  dueCompletionRate: Ratio;
}

export interface LeadUnitTally extends Tally {
  unit: Unit;
}

export interface CategoryTally extends Tally {
  category: Category;
}

export interface Statistics extends Tally {
  /** A problem with several lead units is in the row of each (so rows may sum past the total). */
  byLeadUnit: LeadUnitTally[];
  byCategory: CategoryTally[];
}

/** What statistics need of a problem in a period. */
export interface StatisticsRow {
  problem: Problem;
  state: ProblemState;
}

export function ratio(numerator: number, denominator: number): Ratio {
  return { numerator, denominator, value: denominator === 0 ? undefined : numerator / denominator };
}

/**
 * "47.6%": rounded half up (四舍五入) in integer arithmetic, so 1/16 = 6.25%
 * gives "6.3%" with no floating-point surprise; always `decimals` places
 * (100% is "100.0%"). A rate with no denominator is "—" (U+2014), not 0%.
 */
export function formatPercent(rate: Ratio, decimals = 1): string {
  if (rate.denominator === 0) return '—';
  const scale = 10 ** decimals;
  // round(n × 100 × scale ÷ d) half up, as floor((2 × n × 100 × scale + d) ÷ 2d).
  const units = Math.floor((2 * rate.numerator * 100 * scale + rate.denominator) / (2 * rate.denominator));
  const whole = Math.floor(units / scale);
  const fraction = decimals > 0 ? `.${String(units % scale).padStart(decimals, '0')}` : '';
  return `${whole}${fraction}%`;
}

function zeroStatuses(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

function count(states: readonly ProblemState[], test: (s: ProblemState) => boolean): number {
  return states.filter(test).length;
}

function inProgressBehind(s: ProblemState): boolean {
  return s.status === '推进中' && (s.overdue || s.onSchedule === false);
}

export function tally(states: readonly ProblemState[]): Tally {
  const byStatus = zeroStatuses();
  const colours: Record<ColourName, number> = { green: 0, red: 0, yellow: 0, blue: 0, none: 0 };
  for (const s of states) {
    byStatus[s.status] += 1;
    colours[s.colour ?? 'none'] += 1;
  }
  const completed = count(states, (s) => s.completed);
  const due = count(states, isDue);
  const dueCompleted = count(states, (s) => isDue(s) && s.completed);
  return {
    total: states.length,
    byStatus,
    completed,
    closed: count(states, (s) => s.closed),
    notStarted: byStatus['未启动'],
    inProgress: byStatus['推进中'],
    inProgressOnSchedule: count(states, (s) => s.status === '推进中' && !s.overdue && s.onSchedule === true),
    inProgressBehind: count(states, inProgressBehind),
    inProgressUnreported: count(states, (s) => s.status === '推进中' && !s.overdue && s.onSchedule === undefined),
    longTerm: count(states, (s) => s.longTerm),
    overdue: count(states, (s) => s.overdue),
    inProgressOverdue: count(states, (s) => s.overdue && s.status === '推进中'),
    notStartedOverdue: count(states, (s) => s.overdue && s.status === '未启动'),
    due,
    dueCompleted,
    colours,
    completionRate: ratio(completed, states.length),
    dueCompletionRate: ratio(dueCompleted, due),
  };
}

/** Rows in plan.units order; only units that lead something; each multi-lead problem in each of its units' rows. */
export function byLeadUnit(plan: Plan, rows: readonly StatisticsRow[]): LeadUnitTally[] {
  const leads = rows.flatMap((r) => r.problem.leadUnits);
  return orderedUnits(plan, leads).map((unit) => ({
    unit,
    ...tally(rows.filter((r) => r.problem.leadUnits.includes(unit.name)).map((r) => r.state)),
  }));
}

/**
 * Rows in plan.categories order: every category that has problems, and an empty
 * one only when the plan keeps it (keepWhenEmpty) — the same categories the plan
 * body shows. A problem whose category id is unknown (the checker's error) gets
 * a row named by the id, so the rows always add up to the total. A plan
 * without categories (a flat list) has no rows: no breakdown is printed.
 */
export function byCategory(plan: Plan, rows: readonly StatisticsRow[]): CategoryTally[] {
  const used = new Set(rows.flatMap((r) => (r.problem.category === undefined ? [] : [r.problem.category])));
  const known = plan.categories.filter((c) => used.has(c.id) || c.keepWhenEmpty);
  const knownIds = new Set(plan.categories.map((c) => c.id));
  const unknown = [...used].filter((id) => !knownIds.has(id)).map((id) => ({ id, heading: id, label: id, keepWhenEmpty: false }));
  return [...known, ...unknown].map((category) => ({
    category,
    ...tally(rows.filter((r) => r.problem.category === category.id).map((r) => r.state)),
  }));
}

export function statistics(plan: Plan, rows: readonly StatisticsRow[]): Statistics {
  return {
    ...tally(rows.map((r) => r.state)),
    byLeadUnit: byLeadUnit(plan, rows),
    byCategory: byCategory(plan, rows),
  };
}
