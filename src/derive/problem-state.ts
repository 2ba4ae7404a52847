// Where one problem stands in one period (DESIGN.md §3 Status, Warning colours).
import type { Problem } from '../model/plan-schema.js';
import type { ProblemProgress, Status } from '../model/progress-schema.js';
import { daysBetween, type IsoDate } from './dates.js';
import { parseDeadline, type Deadline } from './deadline.js';

export type WarningColour = 'green' | 'red' | 'yellow' | 'blue' | null;

export const COMPLETED_STATUSES: readonly Status[] = ['已完成', '已完成并长期坚持', '已销号'];
/** Order of progress, for telling when a status goes backwards. */
export const STATUS_RANK: Record<Status, number> = { 未启动: 0, 推进中: 1, 已完成: 2, 已完成并长期坚持: 2, 已销号: 3 };
/** Days before the due date at which supervision systems turn an item blue. */
export const DUE_SOON_DAYS = 7;

export interface ProblemState {
  number: number;
  status: Status;
  completed: boolean;
  closed: boolean;
  longTerm: boolean;
  /** The deadline in force: the approved extension when there is one. */
  deadline: Deadline | null;
  extended: boolean;
  overdue: boolean;
  /** Days from the as-of date to the due date; negative when past; null without a due date. */
  daysToDue: number | null;
  onSchedule: boolean | undefined;
  colour: WarningColour;
}

export function isCompleted(status: Status): boolean {
  return COMPLETED_STATUSES.includes(status);
}

/** The deadline in force for a problem: its extension's if approved, else its own. Null when unparseable. */
export function effectiveDeadline(problem: Problem, progress: ProblemProgress | undefined, noticeDate: IsoDate): Deadline | null {
  const phrase = progress?.extension?.deadline ?? problem.deadline;
  const parsed = parseDeadline(phrase, noticeDate);
  return parsed.ok ? parsed.deadline : null;
}

function warningColour(state: Omit<ProblemState, 'colour'>): WarningColour {
  if (state.completed) return 'green';
  if (state.overdue) return 'red';
  if (state.status === '推进中' && state.onSchedule === false) return 'yellow';
  if (state.daysToDue !== null && state.daysToDue >= 0 && state.daysToDue <= DUE_SOON_DAYS) return 'blue';
  return null;
}

export function problemState(problem: Problem, progress: ProblemProgress, asOf: IsoDate, noticeDate: IsoDate): ProblemState {
  const deadline = effectiveDeadline(problem, progress, noticeDate);
  const completed = isCompleted(progress.status);
  const due = deadline?.due ?? null;
  const daysToDue = due === null ? null : daysBetween(asOf, due);
  const base = {
    number: problem.number,
    status: progress.status,
    completed,
    closed: progress.status === '已销号',
    longTerm: (deadline?.longTerm ?? false) || progress.status === '已完成并长期坚持',
    deadline,
    extended: progress.extension !== undefined,
    // Overdue only once the due day itself has passed.
    overdue: !completed && daysToDue !== null && daysToDue < 0,
    daysToDue,
    onSchedule: progress.status === '推进中' ? progress.onSchedule : undefined,
  };
  return { ...base, colour: warningColour(base) };
}
