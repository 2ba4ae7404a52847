// Roll-up figures (docs/domain.md#roll-up): a town's period view flattened
// into RollupProblems, and the counts over any group of them. Every figure of
// a roll-up — its totals, each unit's, each category's — is counted here from
// the problems, at every level, so the parts always add up to the whole.
import { categoryOf } from '../model/plan-categories.js';
import { shownNumber } from '../model/numbering.js';
import type { Plan } from '../model/plan-schema.js';
import { STATUSES, type Status } from '../model/progress-schema.js';
import type { RollupFigures, RollupProblem } from '../model/rollup.js';
import type { PeriodView } from './period.js';
import { isDue } from './problem-state.js';
import { formatPercent, ratio } from './statistics.js';

/** Every problem of a town's period, with the path of units it is rolled up through (outermost first). */
export function rollupProblems(plan: Plan, view: PeriodView, path: readonly string[]): RollupProblem[] {
  return view.rows.map(({ problem, progress, state, round, reopened }) => ({
    path,
    number: shownNumber(problem),
    summary: problem.summary,
    category: categoryOf(plan, problem)?.label ?? problem.category ?? null,
    deadline: progress.extension?.deadline ?? problem.deadline,
    leadUnits: problem.leadUnits,
    status: state.status,
    completed: state.completed,
    closed: state.closed,
    overdue: state.overdue,
    due: isDue(state),
    longTerm: state.longTerm,
    colour: state.colour ?? null,
    round,
    reopened,
    completedOn: progress.completedOn ?? null,
    closedOn: progress.closure?.date ?? null,
  }));
}

const count = (problems: readonly RollupProblem[], test: (p: RollupProblem) => boolean) => problems.filter(test).length;

/** The counts over a group of problems (the statistics' definitions: docs/domain.md#statistics). */
export function rollupFigures(problems: readonly RollupProblem[]): RollupFigures {
  const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
  for (const p of problems) byStatus[p.status] += 1;
  const completed = count(problems, (p) => p.completed);
  const due = count(problems, (p) => p.due);
  const dueCompleted = count(problems, (p) => p.due && p.completed);
  return {
    total: problems.length,
    completed,
    closed: count(problems, (p) => p.closed),
    inProgress: byStatus['推进中'],
    notStarted: byStatus['未启动'],
    overdue: count(problems, (p) => p.overdue),
    due,
    dueCompleted,
    longTerm: count(problems, (p) => p.longTerm),
    reopened: count(problems, (p) => p.reopened),
    byStatus,
    completionRate: formatPercent(ratio(completed, problems.length)),
    dueCompletionRate: formatPercent(ratio(dueCompleted, due)),
  };
}

/** Figures by category label, in the order the labels first appear; problems without a category are left out. */
export function rollupByCategory(problems: readonly RollupProblem[]): (RollupFigures & { category: string })[] {
  const groups = new Map<string, RollupProblem[]>();
  for (const p of problems) {
    if (p.category === null) continue;
    const group = groups.get(p.category);
    if (group) group.push(p);
    else groups.set(p.category, [p]);
  }
  return [...groups].map(([category, group]) => ({ category, ...rollupFigures(group) }));
}
