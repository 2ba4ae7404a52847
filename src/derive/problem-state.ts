// Where one problem stands in one period (docs/domain.md#status, docs/domain.md#warning-colours).
import type { Problem } from '../model/plan-schema.js';
import type { Extension, ProblemProgress, Status } from '../model/progress-schema.js';
import { daysBetween, type IsoDate } from '../model/dates.js';
import type { Deadline } from './deadline.js';
import { problemDeadline, readExtensionDeadline, type ProblemDeadline } from './problem-deadline.js';
import { type WarningColour } from '../model/warning-colour.js';

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
  /**
   * 长期坚持: the problem's own deadline (its longTerm field, else its phrase)
   * or the extension's is long-term, or the status is 已完成并长期坚持. An
   * extension that only moves the date does not end the standing duty the plan
   * gave the problem.
   */
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

/** An approved extension's deadline (`readExtensionDeadline`), or null when its phrase cannot be read. */
export function extensionDeadline(extension: Extension): Deadline | null {
  const parsed = readExtensionDeadline(extension);
  return parsed.ok ? parsed.deadline : null;
}

/** The problem's own deadline (`problemDeadline`: dueDate / longTerm, else the phrase), or null when unreadable. */
function planDeadline(problem: Problem, noticeDate: IsoDate): ProblemDeadline | null {
  const resolved = problemDeadline(problem, noticeDate);
  return resolved.ok ? resolved.deadline : null;
}

/** The deadline in force for a problem: its extension's if approved, else its own. Null when unreadable. */
export function effectiveDeadline(problem: Problem, progress: ProblemProgress | undefined, noticeDate: IsoDate): Deadline | null {
  if (progress?.extension) return extensionDeadline(progress.extension);
  return planDeadline(problem, noticeDate);
}

function warningColour(state: Omit<ProblemState, 'colour'>): WarningColour {
  if (state.completed) return 'green';
  if (state.overdue) return 'red';
  if (state.status === '推进中' && state.onSchedule === false) return 'yellow';
  if (state.daysToDue !== null && state.daysToDue >= 0 && state.daysToDue <= DUE_SOON_DAYS) return 'blue';
  return null;
}

function isLongTerm(problem: Problem, deadline: Deadline | null, status: Status, noticeDate: IsoDate): boolean {
  if (status === '已完成并长期坚持' || deadline?.longTerm) return true;
  return planDeadline(problem, noticeDate)?.longTerm ?? false;
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
    longTerm: isLongTerm(problem, deadline, progress.status, noticeDate),
    deadline,
    extended: progress.extension !== undefined,
    // Overdue only once the due day itself has passed.
    overdue: !completed && daysToDue !== null && daysToDue < 0,
    daysToDue,
    onSchedule: progress.status === '推进中' ? progress.onSchedule : undefined,
  };
  return { ...base, colour: warningColour(base) };
}

/** 到期: the due date in force is on or before the as-of date (长期坚持 alone is never due). */
export function isDue(state: ProblemState): boolean {
  return state.daysToDue !== null && state.daysToDue <= 0;
}
